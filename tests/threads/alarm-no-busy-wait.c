/* alarm-no-busy-wait: while one thread sleeps in timer_sleep (), the
   main thread spins and keeps looking at it.  The sleeper must stay
   blocked all along (a timer_sleep () that loops, yielding, leaves it
   ready to run), and the spinning thread must get every tick of CPU
   time meanwhile. */

#include <stdbool.h>
#include <stdint.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "devices/timer.h"

/* How long the sleeper sleeps. */
#define NBW_SLEEP 50

/* Ticks after the sleeper announces its sleep before watching starts:
   a time slice and one tick, in case it is preempted between the
   announcement and the call. */
#define NBW_SETTLE 5

/* Most ticks the main thread waits for the sleeper to start. */
#define NBW_START_MAX 100

/* The sleeper, and the tick it is due to wake in (0 until it starts). */
static struct thread *nbw_sleeper;
static volatile int64_t nbw_wake;

/* The sleeper: announces itself and the earliest tick it can wake in,
   then sleeps with one plain timer_sleep () call (it wakes in that
   tick, or later if it is preempted before the call). */
static void
nbw_sleeper_main (void *aux UNUSED)
{
  nbw_sleeper = thread_current ();
  nbw_wake = timer_ticks () + NBW_SLEEP;
  timer_sleep (NBW_SLEEP);
  thtest_join_done ();
}

/* Spins until the sleeper has announced its sleep; returns the tick
   it is due to wake in. */
static int64_t
nbw_wait_for_sleeper (void)
{
  int64_t give_up = timer_ticks () + NBW_START_MAX;

  while (nbw_wake == 0)
    CHECK (timer_ticks () < give_up, "the sleeper did not start within "
           "%d ticks", NBW_START_MAX);
  return nbw_wake;
}

/* Spins until tick END, checking all the while that the sleeper is
   blocked. */
static void
nbw_watch_until (int64_t end)
{
  int64_t now;

  while ((now = timer_ticks ()) < end)
    CHECK (nbw_sleeper->status == THREAD_BLOCKED, "the sleeper was ready "
           "to run %lld ticks before its wake-up: timer_sleep () must block "
           "the sleeper, not loop", end - now);
}

/* Watches the sleeper and measures the CPU time this thread gets. */
static void
alarm_no_busy_wait_test (void)
{
  msg ("a thread sleeps for %d ticks while this one spins", NBW_SLEEP);
  nbw_wake = 0;
  thtest_join_init (1);
  thtest_spawn ("sleeper", PRI_DEFAULT, nbw_sleeper_main, NULL);
  int64_t wake = nbw_wait_for_sleeper ();

  thtest_spin_until (timer_ticks () + NBW_SETTLE);
  int64_t start = timer_ticks ();
  int64_t cpu_before = thread_cpu_ticks ();
  nbw_watch_until (wake - 1);
  int64_t watched = timer_elapsed (start);
  int64_t cpu = thread_cpu_ticks () - cpu_before;
  CHECK (cpu >= watched - 1, "this thread ran for only %lld of the %lld "
         "ticks it watched the sleeper", cpu, watched);
  msg ("the sleeper stayed blocked, and this thread had the CPU");

  thtest_join ();
  msg ("the sleeper woke on time");
}

KTEST ("alarm-no-busy-wait", alarm_no_busy_wait_test);
