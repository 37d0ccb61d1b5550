/* INTR exits: host interrupts are still serviced while a guest runs.
   The guest (guest-spin) spins with interrupts enabled and never
   exits by itself; meanwhile this thread sleeps on the host's timer,
   which only works if timer interrupts reach the host, and then stops
   the VM. */

#include <inttypes.h>
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "devices/timer.h"
#include "threads/palloc.h"

#define SLEEP_TICKS 10

static void
exit_intr_test (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  size_t free_before = palloc_free_count ();
  int vm = hvtest_create ("guest-spin.bin", NULL);

  vmctl_start (vm);
  timer_sleep (SLEEP_TICKS);
  msg ("host thread slept %d ticks while the guest spun", SLEEP_TICKS);
  vmctl_kill (vm);
  hvtest_finish (vm, "guest-spin.bin", &report);
  hvtest_check_pages (free_before);

  /* The first tick may come as an NMI instead: the guest starts with
     interrupts masked, so the NMI watchdog is armed until it unmasks
     (threads/vmctl-watchdog.c). */
  uint64_t host = vmctl_report_count (&report, "intr")
                  + vmctl_report_count (&report, "nmi");
  if (host < SLEEP_TICKS)
    fail ("only %"PRIu64" INTR and NMI exits in %d ticks", host, SLEEP_TICKS);
  msg ("at least one exit per host timer tick");
}
KTEST ("exit-intr", exit_intr_test);
