/* The timer interrupt: interrupts are on while a test runs, the tick
   count advances by itself while the CPU spins, never goes backward,
   and timer_sleep waits at least as long as asked. */

#include "tests/base/check.h"
#include "tests/ktest.h"
#include "devices/timer.h"
#include "threads/interrupt.h"
#include "threads/synch.h"

/* Ticks to spin through and to sleep. */
#define TIMER_TICK_SPIN 10
#define TIMER_TICK_SLEEP 5

/* Loop iterations after which a tick count that has not moved is
   declared stuck: far more than TIMER_TICK_SPIN ticks take on any
   simulator. */
#define TIMER_TICK_SPIN_MAX 200000000L

/* Spins until TICKS ticks have passed since START, checking on the
   way that the count never goes backward. */
static void
spin_until (int64_t start, int64_t ticks)
{
  int64_t last = start;
  long spins;

  for (spins = 0; timer_elapsed (start) < ticks; spins++)
    {
      int64_t now = timer_ticks ();
      CHECK (now >= last, "tick count went back from %lld to %lld",
             last, now);
      CHECK (spins < TIMER_TICK_SPIN_MAX,
             "tick count stuck at %lld, %lld ticks after the start",
             now, now - start);
      last = now;
      barrier ();
    }
}

/* Checks the timer from a spinning and from a sleeping thread. */
static void
timer_tick_test (void)
{
  int64_t start;

  CHECK (intr_get_level () == INTR_ON, "interrupts are off in a test");
  start = timer_ticks ();
  spin_until (start, TIMER_TICK_SPIN);
  msg ("spinning: at least %d ticks passed, never backward",
       TIMER_TICK_SPIN);

  start = timer_ticks ();
  timer_sleep (TIMER_TICK_SLEEP);
  CHECK (timer_elapsed (start) >= TIMER_TICK_SLEEP,
         "timer_sleep (%d) returned after %lld ticks", TIMER_TICK_SLEEP,
         timer_elapsed (start));
  msg ("timer_sleep (%d): at least %d ticks passed", TIMER_TICK_SLEEP,
       TIMER_TICK_SLEEP);
  CHECK (intr_get_level () == INTR_ON, "timer_sleep turned interrupts off");
}

KTEST ("timer-tick", timer_tick_test);
