/* priority-preempt-wake: a thread woken by an interrupt handler
   preempts a lower-priority thread at once.  A high thread sleeps
   while the main thread spins; when the timer interrupt wakes the
   high thread, it must run in that very tick, not when the spinning
   thread's time slice ends.  Four rounds, of sleeps one tick apart in
   length, so that a wake-up that merely waits for the end of a time
   slice cannot fall on its tick every time. */

#include <stdbool.h>
#include <stdint.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "devices/timer.h"

#define WAKE_HIGH (PRI_DEFAULT + 10)

/* Rounds, and the length of the first round's sleep. */
#define WAKE_ROUNDS 4
#define WAKE_SLEEP 10

/* Most ticks the main thread spins waiting for all rounds. */
#define WAKE_SPIN_MAX 200

/* Each round's wake-up tick and the tick the high thread ran in after
   it; whether the high thread is done. */
static int64_t wake_due[WAKE_ROUNDS];
static int64_t wake_ran[WAKE_ROUNDS];
static volatile bool wake_done;

/* The high thread: sleeps the rounds, noting when it runs. */
static void
wake_high_main (void *aux UNUSED)
{
  for (int r = 0; r < WAKE_ROUNDS; r++)
    {
      wake_due[r] = timer_ticks () + WAKE_SLEEP + r;
      thtest_sleep_until ("the high thread", wake_due[r]);
      wake_ran[r] = timer_ticks ();
    }
  wake_done = true;
}

static void
priority_preempt_wake_test (void)
{
  thtest_require_priority ();
  wake_done = false;
  int64_t give_up = timer_ticks () + WAKE_SPIN_MAX;
  thtest_spawn ("high", WAKE_HIGH, wake_high_main, NULL);
  msg ("a thread of priority %d sleeps %d times while main spins",
       WAKE_HIGH, WAKE_ROUNDS);
  while (!wake_done)
    CHECK (timer_ticks () < give_up, "the high thread did not finish "
           "its sleeps within %d ticks", WAKE_SPIN_MAX);

  for (int r = 0; r < WAKE_ROUNDS; r++)
    {
      CHECK (wake_ran[r] == wake_due[r], "round %d: the high thread ran "
             "%lld tick(s) after its wake-up, not in that very tick", r + 1,
             wake_ran[r] - wake_due[r]);
      msg ("round %d: the high thread ran in its wake-up tick", r + 1);
    }
}

KTEST ("priority-preempt-wake", priority_preempt_wake_test);
