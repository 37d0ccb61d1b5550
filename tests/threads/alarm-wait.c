/* alarm-single and alarm-multiple: five threads sleep with
   timer_sleep (), sleeper I for 10 * (I + 1) ticks at a time, once
   each or seven times each.  Every wake-up must come in its own tick,
   the wake-ups must come in the order of their ticks, and no sleeper
   may run while it sleeps.  The wake-ups are printed sorted by tick,
   then sleeper, since sleepers due in the same tick may wake in any
   order. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "devices/timer.h"
#include "threads/interrupt.h"

/* Sleepers, and ticks between the wake-ups of sleeper I: (I + 1)
   times this. */
#define ALARM_SLEEPERS 5
#define ALARM_PERIOD 10

/* Most wake-ups a test logs. */
#define ALARM_ITERATIONS_MAX 7
#define ALARM_LOG_MAX (ALARM_SLEEPERS * ALARM_ITERATIONS_MAX)

/* Ticks from the start of a test to the common start of its
   sleepers, enough for them all to be created. */
#define ALARM_LEAD 5

/* One wake-up. */
struct alarm_wakeup
  {
    int sleeper;                /* Which sleeper. */
    int iteration;              /* 1 for its first wake-up, ... */
    int64_t tick;               /* Tick it was due, from the start. */
  };

/* The test: common start tick, iterations, and the wake-ups in the
   order they happened. */
static int64_t alarm_start;
static int alarm_iterations;
static struct alarm_wakeup alarm_log[ALARM_LOG_MAX];
static int alarm_log_cnt;

/* Appends a wake-up to the log.  Interrupts are turned off so that
   sleepers waking together do not lose entries. */
static void
alarm_record (int sleeper, int iteration, int64_t tick)
{
  enum intr_level old_level = intr_disable ();
  struct alarm_wakeup *w = &alarm_log[alarm_log_cnt++];
  w->sleeper = sleeper;
  w->iteration = iteration;
  w->tick = tick;
  intr_set_level (old_level);
}

/* A sleeper: AUX is its number.  Sleeps until each of its wake-up
   ticks in turn and logs each wake-up. */
static void
alarm_sleeper_main (void *aux)
{
  int sleeper = (intptr_t) aux;
  int period = ALARM_PERIOD * (sleeper + 1);
  char who[32];

  snprintf (who, sizeof who, "sleeper %d", sleeper);
  for (int i = 1; i <= alarm_iterations; i++)
    {
      thtest_sleep_until (who, alarm_start + i * period);
      alarm_record (sleeper, i, i * period);
    }
  thtest_join_done ();
}

/* qsort () order of wake-ups: by tick, then sleeper. */
static int
alarm_wakeup_compare (const void *a_, const void *b_)
{
  const struct alarm_wakeup *a = a_, *b = b_;
  if (a->tick != b->tick)
    return a->tick < b->tick ? -1 : 1;
  return a->sleeper - b->sleeper;
}

/* Runs the sleepers for ITERATIONS wake-ups each, checks the order of
   the wake-ups and prints them. */
static void
alarm_wait (int iterations)
{
  int i;

  alarm_iterations = iterations;
  alarm_log_cnt = 0;
  alarm_start = timer_ticks () + ALARM_LEAD;
  msg ("%d sleepers, sleeper I waking every 10 * (I + 1) ticks, %d time(s)",
       ALARM_SLEEPERS, iterations);
  thtest_join_init (ALARM_SLEEPERS);
  for (i = 0; i < ALARM_SLEEPERS; i++)
    {
      char name[16];
      snprintf (name, sizeof name, "sleeper %d", i);
      thtest_spawn (name, PRI_DEFAULT, alarm_sleeper_main,
                    (void *) (intptr_t) i);
    }
  thtest_join ();

  check_int ("wake-ups logged", alarm_log_cnt, ALARM_SLEEPERS * iterations);
  for (i = 1; i < alarm_log_cnt; i++)
    CHECK (alarm_log[i - 1].tick <= alarm_log[i].tick,
           "sleeper %d, due at +%lld, woke before sleeper %d, due at +%lld",
           alarm_log[i - 1].sleeper, alarm_log[i - 1].tick,
           alarm_log[i].sleeper, alarm_log[i].tick);
  msg ("all wake-ups came in their own tick, in order, none ran asleep");

  qsort (alarm_log, alarm_log_cnt, sizeof *alarm_log, alarm_wakeup_compare);
  for (i = 0; i < alarm_log_cnt; i++)
    msg ("+%lld ticks: sleeper %d woke (%d of %d)", alarm_log[i].tick,
         alarm_log[i].sleeper, alarm_log[i].iteration, iterations);
}

/* Each sleeper sleeps once. */
static void
alarm_single_test (void)
{
  alarm_wait (1);
}

/* Each sleeper sleeps seven times. */
static void
alarm_multiple_test (void)
{
  alarm_wait (ALARM_ITERATIONS_MAX);
}

KTEST ("alarm-single", alarm_single_test);
KTEST ("alarm-multiple", alarm_multiple_test);
