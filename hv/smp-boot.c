/* Starting the other CPUs when the hv loads, and parking them when it
   unloads, on the boot CPU; and the mailbox the boot CPU uses to ask
   them for work (smp_call).  See hv/smp.h for the lock order.

   Start-up follows the MultiProcessor Specification's universal
   algorithm (appendix B.4), which the AMD manuals keep: an INIT IPI,
   10 ms, then a start-up IPI (SIPI) naming the page the CPU starts
   in, real mode, 200 us, and a second SIPI in case the first was
   lost.  The CPU runs the trampoline (hv/smp-entry.S) into protected
   mode with PAE paging on the kernel's page directory, then
   smp_ap_main (hv/smp-ap.c), which sets UP when it waits for work. */

#include "hv/smp.h"
#include <debug.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "devices/lapic.h"
#include "devices/timer.h"
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* How long a CPU may take to start: timer ticks. */
#define SMP_START_TICKS 200

/* How long a CPU may take to answer a request: timer ticks. */
#define SMP_CALL_TICKS 100

static struct smp_cpu *smp_cpus[SMP_CPU_MAX];   /* [0] unused: the boot CPU. */
static unsigned smp_cnt = 1;                    /* CPUs running, the boot CPU too. */

/* The boot CPU's APIC settings before the hv enabled it. */
static uint32_t boot_svr, boot_lint0, boot_lint1;

/* Returns the number of CPUs running: the boot CPU and those started. */
unsigned
smp_cpu_count (void)
{
  return smp_cnt;
}

/* Returns CPU INDEX (1 to smp_cpu_count () - 1). */
struct smp_cpu *
smp_cpu (unsigned index)
{
  ASSERT (index > 0 && index < smp_cnt);
  return smp_cpus[index];
}

/* The boot CPU's IPI handler: panics, naming the CPU, if one of the
   others stopped on an exception; an answer needs nothing more, as
   smp_call waits in HLT for this very interrupt; a kick from the
   scheduler makes cpu 0's loop thread ready (vsched_ipi).  It must
   never switch threads itself: the interrupted thread would return
   into the hv's code, which "rmmod hv" may have freed meanwhile.
   thread_unblock only makes a thread ready. */
static void
smp_boot_ipi (struct intr_frame *frame UNUSED)
{
  lapic_eoi ();
  vsched_ipi ();
  for (unsigned i = 1; i < SMP_CPU_MAX; i++)
    {
      struct smp_cpu *cpu = smp_cpus[i];
      if (cpu != NULL && cpu->fault_vec != 0)
        PANIC ("hv: cpu %u (APIC id %u): exception %"PRIu32" at %#"PRIx32
               ", error code %#"PRIx32, cpu->index, cpu->apic_id,
               cpu->fault_vec - 1, cpu->fault_eip, cpu->fault_error);
    }
}

/* Takes CPU's answer out of its mailbox into *ANSWER.  Returns false
   if it has not answered yet.  Interrupts off. */
static bool
smp_take_answer (struct smp_cpu *cpu, uint64_t *answer)
{
  spin_lock (&cpu->lock);
  bool answered = cpu->answered;
  cpu->answered = false;
  *answer = cpu->answer;
  spin_unlock (&cpu->lock);
  return answered;
}

/* Asks CPU to carry out REQUEST with ARG, without waiting: smp_wait
   collects the answer.  Boot CPU, one request at a time per CPU. */
void
smp_post (struct smp_cpu *cpu, enum smp_request request, void *arg)
{
  enum intr_level old = intr_disable ();
  spin_lock (&cpu->lock);
  cpu->request = request;     /* Replaces one a dead CPU never took. */
  cpu->answered = false;      /* Drops one that came too late. */
  cpu->arg = arg;
  spin_unlock (&cpu->lock);
  lapic_send_ipi (cpu->apic_id, LAPIC_ICR_FIXED | SMP_VEC_IPI);
  intr_set_level (old);
}

/* Waits for CPU's answer to the request posted last (REQUEST, for the
   message) and returns it, or SMP_NO_ANSWER if none came within
   TICKS timer ticks.  The boot CPU waits in HLT, woken by the
   answer's IPI or any other interrupt; a timer interrupt may switch
   to other threads meanwhile.  Boot CPU, in a thread. */
uint64_t
smp_wait (struct smp_cpu *cpu, enum smp_request request, int64_t ticks)
{
  enum intr_level old = intr_disable ();
  uint64_t answer;
  int64_t start = timer_ticks ();
  while (!smp_take_answer (cpu, &answer))
    {
      if (timer_ticks () - start > ticks)
        {
          printf ("hv: cpu %u did not answer request %d\n", cpu->index,
                  request);
          answer = SMP_NO_ANSWER;
          break;
        }
      asm volatile ("sti; hlt; cli" : : : "memory");
    }
  intr_set_level (old);
  return answer;
}

/* Asks CPU to carry out REQUEST with ARG and waits for its answer,
   which it returns, or SMP_NO_ANSWER if none came within
   SMP_CALL_TICKS.  Boot CPU, in a thread, one call at a time. */
uint64_t
smp_call (struct smp_cpu *cpu, enum smp_request request, void *arg)
{
  smp_post (cpu, request, arg);
  return smp_wait (cpu, request, SMP_CALL_TICKS);
}

/* Copies the trampoline into the start-up page and writes the
   parameters every CPU shares: page tables, GDT, control registers. */
static void
smp_write_trampoline (void)
{
  uint8_t *page = ptov (SMP_TRAMP_PA);
  uint8_t *tp = page + SMP_TRAMP_PARAMS;
  size_t len = smp_trampoline_end - smp_trampoline;
  ASSERT (len <= SMP_TRAMP_PARAMS);
  memcpy (page, smp_trampoline, len);

  /* The kernel's page directory at 0, where the trampoline runs, and
     at 3 GiB, where the kernel does. */
  uint64_t *pdpt = (uint64_t *) (tp + SMP_TP_PDPT);
  memset (pdpt, 0, 4 * sizeof *pdpt);
  pdpt[0] = pdpt[3] = kernel_pdpt[3];

  uint64_t gdt[3] = { 0, SMP_DESC_KCODE, SMP_DESC_KDATA };
  memcpy (tp + SMP_TP_GDT, gdt, sizeof gdt);
  uint16_t limit = sizeof gdt - 1;
  uint32_t base = SMP_TRAMP_PA + SMP_TRAMP_PARAMS + SMP_TP_GDT;
  memcpy (tp + SMP_TP_GDT_DESC, &limit, 2);
  memcpy (tp + SMP_TP_GDT_DESC + 2, &base, 4);

  /* The boot CPU's CR0 and CR4 (PAE, FXSR as hv/fpu.c set them). */
  uint32_t cr0 = rcr0 (), cr4 = rcr4 ();
  memcpy (tp + SMP_TP_CR0, &cr0, 4);
  memcpy (tp + SMP_TP_CR4, &cr4, 4);
  uint32_t entry = (uint32_t) smp_ap_main;
  memcpy (tp + SMP_TP_ENTRY, &entry, 4);
}

/* Writes the per-CPU parameters of CPU: its stack and itself. */
static void
smp_write_cpu_params (struct smp_cpu *cpu)
{
  uint8_t *tp = (uint8_t *) ptov (SMP_TRAMP_PA) + SMP_TRAMP_PARAMS;
  uint32_t stack = (uint32_t) cpu + PGSIZE;
  uint32_t self = (uint32_t) cpu;
  memcpy (tp + SMP_TP_STACK, &stack, 4);
  memcpy (tp + SMP_TP_CPU, &self, 4);
}

/* Frees CPU's pages. */
static void
smp_free_cpu (struct smp_cpu *cpu)
{
  palloc_free_page (cpu->hsave);
  palloc_free_page (cpu->host_state);
  palloc_free_page (cpu);
}

/* Allocates the pages of CPU INDEX, APIC ID APIC_ID: the page holding
   its struct smp_cpu and stack, its host save area and its world
   switch's host-state page.  Returns NULL if memory is short. */
static struct smp_cpu *
smp_alloc_cpu (unsigned index, unsigned apic_id)
{
  struct smp_cpu *cpu = palloc_get_page (PAL_ZERO);
  if (cpu == NULL)
    return NULL;
  cpu->index = index;
  cpu->apic_id = apic_id;
  cpu->boot_apic_id = lapic_id ();
  cpu->magic = SMP_CPU_MAGIC;
  spin_init (&cpu->lock);
  cpu->hsave = palloc_get_page (PAL_ZERO);
  cpu->host_state = palloc_get_page (PAL_ZERO);
  if (cpu->hsave == NULL || cpu->host_state == NULL)
    {
      smp_free_cpu (cpu);
      return NULL;
    }
  return cpu;
}

/* Sends the IPI COMMAND to APIC_ID with interrupts off. */
static void
smp_send (unsigned apic_id, uint32_t command)
{
  enum intr_level old = intr_disable ();
  lapic_send_ipi (apic_id, command);
  intr_set_level (old);
}

/* Puts the CPU APIC_ID into its wait-for-SIPI state (INIT). */
static void
smp_send_init (unsigned apic_id)
{
  smp_send (apic_id, LAPIC_ICR_INIT | LAPIC_ICR_ASSERT);
  timer_mdelay (10);
}

/* Starts CPU (INIT, SIPI, SIPI) and waits for it to reach its loop.
   Returns true if it did within SMP_START_TICKS. */
static bool
smp_boot_cpu (struct smp_cpu *cpu)
{
  smp_write_cpu_params (cpu);
  smp_send_init (cpu->apic_id);
  for (int i = 0; i < 2; i++)
    {
      smp_send (cpu->apic_id, LAPIC_ICR_STARTUP | SMP_TRAMP_VECTOR);
      timer_udelay (200);
    }
  for (int waited = 0; !cpu->up && waited < SMP_START_TICKS; waited++)
    timer_sleep (1);
  return cpu->up;
}

/* Enables the boot CPU's APIC so that it can take IPIs; the PIC's
   interrupts keep reaching it through LINT0 (ExtINT), the NMI
   watchdog's through LINT1. */
static void
smp_enable_boot_apic (void)
{
  boot_svr = lapic_read (LAPIC_SVR);
  boot_lint0 = lapic_read (LAPIC_LVT_LINT0);
  boot_lint1 = lapic_read (LAPIC_LVT_LINT1);
  lapic_write (LAPIC_LVT_LINT0, LAPIC_LVT_EXTINT);
  lapic_write (LAPIC_LVT_LINT1, LAPIC_LVT_NMI);
  lapic_enable (SMP_VEC_SPURIOUS);
}

/* Puts the boot CPU's APIC back as smp_enable_boot_apic found it. */
static void
smp_restore_boot_apic (void)
{
  lapic_write (LAPIC_SVR, boot_svr);
  lapic_write (LAPIC_LVT_LINT0, boot_lint0);
  lapic_write (LAPIC_LVT_LINT1, boot_lint1);
}

/* Prints the line that says CPU is up. */
static void
smp_report_up (const struct smp_cpu *cpu)
{
  printf ("hv: cpu %u up: APIC id %u, timer %"PRIu32" Hz, SVM %s\n",
          cpu->index, cpu->apic_id, cpu->timer_hz,
          cpu->svm_problem == NULL ? "on" : cpu->svm_problem);
}

/* Starts every CPU the firmware lists besides the boot CPU, up to
   SMP_CPU_MAX in all, printing a line for each.  Returns the number
   of CPUs running, the boot CPU included: 1 on a one-CPU machine,
   where nothing is touched.  Boot CPU, in a thread. */
unsigned
smp_start_all (void)
{
  unsigned ids[SMP_CPU_MAX - 1];
  unsigned boot_id = cpuid (1, 0).ebx >> 24;     /* Initial APIC ID. */
  unsigned found = smp_find_cpus (ids, SMP_CPU_MAX - 1, boot_id);
  if (found == 0)
    return smp_cnt;
  if (!lapic_init ())
    {
      printf ("hv: %u more CPUs, but no usable local APIC: using one\n", found);
      return smp_cnt;
    }
  smp_enable_boot_apic ();
  intr_register_int (SMP_VEC_IPI, 0, INTR_OFF, smp_boot_ipi, "hv IPI");
  smp_ap_idt_init ();
  smp_write_trampoline ();
  for (unsigned i = 0; i < found; i++)
    {
      struct smp_cpu *cpu = smp_alloc_cpu (smp_cnt, ids[i]);
      if (cpu == NULL)
        {
          printf ("hv: no memory for cpu %u\n", smp_cnt);
          break;
        }
      smp_cpus[smp_cnt] = cpu;
      if (!smp_boot_cpu (cpu))
        {
          printf ("hv: cpu %u (APIC id %u) did not start\n", smp_cnt, ids[i]);
          smp_send_init (ids[i]);
          smp_cpus[smp_cnt] = NULL;
          smp_free_cpu (cpu);
          continue;
        }
      smp_cnt++;
      smp_report_up (cpu);
    }
  printf ("hv: %u CPUs: the kernel on cpu 0, %u for guests\n",
          smp_cnt, smp_cnt - 1);
  return smp_cnt;
}

/* Parks every CPU smp_start_all started: each stops its timer and SVM
   and halts, then an INIT puts it back in its wait-for-SIPI state, so
   its pages can go; the start-up page is cleared, so that nothing
   points into freed memory.  Boot CPU, in a thread; no guest may run
   on them. */
void
smp_park_all (void)
{
  if (smp_cnt == 1)
    return;
  while (smp_cnt > 1)
    {
      struct smp_cpu *cpu = smp_cpus[smp_cnt - 1];
      smp_call (cpu, SMP_REQ_PARK, NULL);
      smp_send_init (cpu->apic_id);
      smp_cpus[--smp_cnt] = NULL;
      smp_free_cpu (cpu);
    }
  intr_unregister (SMP_VEC_IPI);
  smp_restore_boot_apic ();
  memset (ptov (SMP_TRAMP_PA), 0, PGSIZE);
  printf ("hv: other CPUs parked\n");
}
