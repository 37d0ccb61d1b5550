/* The hv's self-test of the other CPUs, run as it loads on a machine
   with more than one: every CPU answers IPIs, counts the ticks of its
   own APIC timer, and runs a guest with VMRUN.  The boot CPU asks
   (smp_call) and prints what each answered, so a test or a lecturer
   sees the CPUs work. */

#include "hv/smp.h"
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "devices/timer.h"
#include "hv/hv.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* IPI round trips per CPU, and PIT ticks the timers are counted over. */
#define SMP_TEST_PINGS 20
#define SMP_TEST_TICKS 50

/* Most entries a test guest gets to reach its HLT (the others end in
   host interrupts). */
#define SMP_TEST_ENTRIES 10

/* The test guest: paging off, no nested paging, its one instruction a
   HLT in CODE, which it runs at CODE's physical address.  It reads
   nothing else, so it needs no memory of its own. */
struct smp_test_guest
  {
    struct vmcb *vmcb;          /* One page. */
    uint8_t *code;              /* One page: HLT. */
    uint8_t *maps;              /* IOPM_PAGES + MSRPM_PAGES pages. */
    uint8_t *fpu;               /* Guest and host FXSAVE images. */
  };

#define SMP_TEST_MAP_PAGES (IOPM_PAGES + MSRPM_PAGES)

/* Frees what smp_test_guest_alloc allocated. */
static void
smp_test_guest_free (struct smp_test_guest *g)
{
  palloc_free_page (g->vmcb);
  palloc_free_page (g->code);
  palloc_free_page (g->fpu);
  if (g->maps != NULL)
    palloc_free_multiple (g->maps, SMP_TEST_MAP_PAGES);
}

/* Allocates the test guest's pages.  Returns false if memory is
   short, having allocated nothing. */
static bool
smp_test_guest_alloc (struct smp_test_guest *g)
{
  g->vmcb = palloc_get_page (PAL_ZERO);
  g->code = palloc_get_page (PAL_ZERO);
  g->fpu = palloc_get_page (PAL_ZERO);
  g->maps = palloc_get_multiple (PAL_ZERO, SMP_TEST_MAP_PAGES);
  if (g->vmcb == NULL || g->code == NULL || g->fpu == NULL || g->maps == NULL)
    {
      smp_test_guest_free (g);
      return false;
    }
  g->code[0] = 0xf4;                            /* HLT */
  memset (g->maps, 0xff, IOPM_PAGES * PGSIZE);  /* Every port exits. */
  msr_init_permissions (g->maps + IOPM_PAGES * PGSIZE);
  return true;
}

/* Runs the test guest TEST on CPU, the calling CPU, with interrupts
   off, until it exits for its HLT or SMP_TEST_ENTRIES entries have
   ended in host interrupts (each taken between entries).  Returns the
   last exit code in the low half, the entries in the high half. */
uint64_t
smp_run_test_guest (struct smp_cpu *cpu, void *test)
{
  struct smp_test_guest *g = test;
  uint32_t maps = vtop (g->maps);
  memset (g->vmcb, 0, PGSIZE);
  vmcb_init (g->vmcb, 1, maps, maps + IOPM_PAGES * PGSIZE, 0);
  g->vmcb->control.np_enable = 0;
  vmcb_init_guest (g->vmcb, vtop (g->code), vtop (g->code) + PGSIZE);

  struct vmrun_regs regs = { .fpu_guest = g->fpu,
                             .fpu_host = g->fpu + FPU_IMAGE_SIZE };
  uint32_t exit_code = 0;
  unsigned entries = 0;
  while (entries < SMP_TEST_ENTRIES)
    {
      svm_world_switch (&regs, vtop (g->vmcb), vtop (cpu->host_state));
      entries++;
      exit_code = g->vmcb->control.exit_code;
      if (exit_code != SVM_EXIT_INTR)
        break;
      asm volatile ("sti; nop; cli");
    }
  return exit_code | (uint64_t) entries << 32;
}

/* Sends SMP_TEST_PINGS requests to CPU and prints how many were
   answered. */
static void
smp_test_ipi (struct smp_cpu *cpu)
{
  unsigned answered = 0;
  for (int i = 0; i < SMP_TEST_PINGS; i++)
    answered += smp_call (cpu, SMP_REQ_PING, NULL) == 1;
  printf ("hv: cpu %u: %u of %d IPI round trips\n", cpu->index, answered,
          SMP_TEST_PINGS);
}

/* Counts every other CPU's timer interrupts over SMP_TEST_TICKS ticks
   of the system timer and prints them beside the count expected. */
static void
smp_test_timers (void)
{
  uint32_t before[SMP_CPU_MAX];
  unsigned cnt = smp_cpu_count ();
  for (unsigned i = 1; i < cnt; i++)
    before[i] = smp_call (smp_cpu (i), SMP_REQ_TICKS, NULL);
  timer_sleep (SMP_TEST_TICKS);
  for (unsigned i = 1; i < cnt; i++)
    {
      uint32_t ticks = smp_call (smp_cpu (i), SMP_REQ_TICKS, NULL) - before[i];
      printf ("hv: cpu %u: %"PRIu32" timer interrupts in %d ticks "
              "(expected %d)\n", i, ticks, SMP_TEST_TICKS, SMP_TEST_TICKS);
    }
}

/* Has CPU run the test guest G and prints how it exited. */
static void
smp_test_vmrun (struct smp_cpu *cpu, struct smp_test_guest *g)
{
  if (cpu->svm_problem != NULL)
    {
      printf ("hv: cpu %u: no VMRUN: %s\n", cpu->index, cpu->svm_problem);
      return;
    }
  uint64_t answer = smp_call (cpu, SMP_REQ_VMRUN, g);
  uint32_t exit_code = answer;
  printf ("hv: cpu %u: VMRUN: exit %#"PRIx32" (%s) after %u entries\n",
          cpu->index, exit_code, exit_code == SVM_EXIT_HLT ? "HLT" : "not HLT",
          (unsigned) (answer >> 32));
}

/* Runs the self-test on every CPU but the boot CPU.  Boot CPU, in a
   thread, with the other CPUs started (smp_start_all). */
void
smp_self_test (void)
{
  unsigned cnt = smp_cpu_count ();
  if (cnt == 1)
    return;
  for (unsigned i = 1; i < cnt; i++)
    smp_test_ipi (smp_cpu (i));
  smp_test_timers ();

  struct smp_test_guest g;
  if (!smp_test_guest_alloc (&g))
    {
      printf ("hv: no memory for the VMRUN test\n");
      return;
    }
  for (unsigned i = 1; i < cnt; i++)
    smp_test_vmrun (smp_cpu (i), &g);
  smp_test_guest_free (&g);
}
