/* The scheduling demo (make demo-sched; a lecture demo, not one of
   the lab's tests): three CPU-bound VMs with weights 1:2:4 share the
   CPU under the hv's credit scheduler.  Once a second of virtual time
   it prints each VM's share of that second, in figures and as one bar
   whose letters show the proportions at a glance; halfway through it
   caps the third VM at 25% of the CPU and says so.  At the end it
   kills the VMs (the hv prints each one's exit and scheduling
   statistics as it ends) and checks that every page came back. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "devices/timer.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/thread.h"

/* The guest every VM runs: it spins with interrupts on, for ever. */
#define DEMO_GUEST "guest-spin.bin"

#define DEMO_VMS 3
#define DEMO_SECONDS 12                 /* Length of the demo. */
#define DEMO_CAP_SECOND 6               /* The cap comes after this second. */
#define DEMO_CAP 25                     /* The cap, percent of the CPU. */
#define DEMO_CAPPED 2                   /* Which VM gets it (C). */
#define DEMO_BAR 50                     /* Bar characters for a whole second. */

/* CPU budget of each VM: a safety net in case the demo's thread never
   gets to kill them. */
#define DEMO_BUDGET ((DEMO_SECONDS + 10) * TIMER_FREQ)

/* One VM of the demo. */
struct demo_vm
  {
    char name[2];               /* "A", "B" or "C": its letter in the bar. */
    unsigned weight;            /* Its scheduling weight. */
    int id;                     /* Its vmctl number. */
    uint64_t run_us;            /* CPU time at the last reading. */
    unsigned permille;          /* Its share of the last second, 0.1%. */
  };

static struct demo_vm demo_vms[DEMO_VMS] =
  {
    { "A", 128, -1, 0, 0 },
    { "B", 256, -1, 0, 0 },
    { "C", 512, -1, 0, 0 },
  };

/* Creates VM for the demo guest, named and weighted as VM says, and
   stores its number; fails the demo if that does not work. */
static void
demo_create (struct demo_vm *vm)
{
  struct vmctl_spec spec;
  void *image;

  if (vmctl_load (DEMO_GUEST, &spec, &image) != VMCTL_OK)
    fail ("cannot read guest image %s", DEMO_GUEST);
  spec.name = vm->name;
  spec.weight = vm->weight;
  spec.budget = DEMO_BUDGET;
  vm->id = vmctl_create (&spec);
  free (image);
  if (vm->id < 0)
    fail ("cannot create VM %s: %s", vm->name, vmctl_strerror (vm->id));
}

/* Reads every VM's CPU time.  Sets each VM's PERMILLE to its share of
   the time since the last reading, which was at the hv's clock
   *SINCE_US, and moves *SINCE_US to now. */
static void
demo_measure (uint64_t *since_us)
{
  struct vmctl_sched s;
  uint64_t now_us = *since_us;

  for (int i = 0; i < DEMO_VMS; i++)
    {
      struct demo_vm *vm = &demo_vms[i];
      hvtest_sched (vm->id, vm->name, &s);
      now_us = s.now_us;
      uint64_t window = now_us - *since_us;
      uint64_t ran = s.vm.run_us - vm->run_us;
      vm->permille = window != 0 ? (unsigned) (ran * 1000 / window) : 0;
      vm->run_us = s.vm.run_us;
    }
  *since_us = now_us;
}

/* Prints the line of second SECOND: each VM's share, then the bar,
   with '.' for the part of the second no VM had. */
static void
demo_print_second (int second)
{
  char bar[DEMO_BAR + 1];
  size_t len = 0;

  printf ("%6d ", second);
  for (int i = 0; i < DEMO_VMS; i++)
    {
      const struct demo_vm *vm = &demo_vms[i];
      printf ("  %3u.%u%%", vm->permille / 10, vm->permille % 10);
      size_t n = (vm->permille * DEMO_BAR + 500) / 1000;
      for (size_t k = 0; k < n && len < DEMO_BAR; k++)
        bar[len++] = vm->name[0];
    }
  while (len < DEMO_BAR)
    bar[len++] = '.';
  bar[len] = '\0';
  printf ("  |%s|\n", bar);
}

/* Prints the title and the column heads. */
static void
demo_print_title (void)
{
  printf ("Credit scheduler: three busy VMs on one CPU, weights A:B:C"
          " = 1:2:4 (%u, %u, %u)\n", demo_vms[0].weight,
          demo_vms[1].weight, demo_vms[2].weight);
  printf ("One line a second: each VM's share of it; in the bar one"
          " character is %d%%, '.' the host.\n\n",
          100 / DEMO_BAR);
  printf ("second       A       B       C\n");
}

/* Kills the demo's VMs and waits for each to end; the hv prints its
   statistics as it does. */
static void
demo_finish (void)
{
  printf ("\nKilling the VMs; the hv prints each one's statistics.\n");
  for (int i = 0; i < DEMO_VMS; i++)
    vmctl_kill (demo_vms[i].id);
  for (int i = 0; i < DEMO_VMS; i++)
    {
      static struct vmctl_report report;  /* Too big for the stack. */
      if (vmctl_wait (demo_vms[i].id, &report) != VMCTL_OK)
        fail ("waiting for VM %s", demo_vms[i].name);
    }
}

/* The demo: starts the VMs, prints a line per second, caps C halfway,
   ends the VMs and checks the pages. */
static void
sched_demo (void)
{
  /* Above the hv's loop thread: it reads the figures the moment its
     sleep ends. */
  thread_set_priority (PRI_DEFAULT + 1);
  size_t free_before = palloc_free_count ();

  demo_print_title ();
  for (int i = 0; i < DEMO_VMS; i++)
    demo_create (&demo_vms[i]);
  for (int i = 0; i < DEMO_VMS; i++)
    vmctl_start (demo_vms[i].id);

  uint64_t since_us = 0;
  demo_measure (&since_us);
  int64_t start = timer_ticks ();
  for (int second = 1; second <= DEMO_SECONDS; second++)
    {
      timer_sleep (start + second * TIMER_FREQ - timer_ticks ());
      demo_measure (&since_us);
      demo_print_second (second);
      if (second == DEMO_CAP_SECOND)
        {
          struct demo_vm *c = &demo_vms[DEMO_CAPPED];
          if (vmctl_set_sched (c->id, -1, DEMO_CAP) != VMCTL_OK)
            fail ("cannot cap VM %s", c->name);
          printf ("  -- %s is now capped at %d%% of the CPU --\n", c->name,
                  DEMO_CAP);
        }
    }
  demo_finish ();
  hvtest_check_pages (free_before);
  printf ("Every page the VMs used came back (%zu free).\n",
          palloc_free_count ());
}
KTEST ("sched-demo", sched_demo);
