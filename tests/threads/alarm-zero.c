/* alarm-zero and alarm-negative: timer_sleep () with a duration of
   zero or less returns at once, again and again, and leaves alone a
   thread that really sleeps meanwhile: it wakes on time, and does not
   run while asleep. */

#include <stdint.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "devices/timer.h"

/* Calls of timer_sleep () per duration tried, and the most ticks they
   may take all together: far fewer than one tick each. */
#define ZERO_CALLS 100
#define ZERO_TICKS_MAX 1

/* How long the real sleeper sleeps. */
#define ZERO_SLEEP 10

/* The real sleeper's wake-up tick. */
static int64_t zero_wake;

/* The real sleeper. */
static void
zero_sleeper_main (void *aux UNUSED)
{
  thtest_sleep_until ("the sleeping thread", zero_wake);
  thtest_join_done ();
}

/* Calls timer_sleep (DURATION) ZERO_CALLS times, checking that they
   return at once. */
static void
zero_sleep_calls (int64_t duration)
{
  int64_t start = timer_ticks ();

  for (int i = 0; i < ZERO_CALLS; i++)
    timer_sleep (duration);
  int64_t elapsed = timer_elapsed (start);
  CHECK (elapsed <= ZERO_TICKS_MAX, "%d calls of timer_sleep (%lld) took %lld "
         "ticks: they should return at once", ZERO_CALLS, duration, elapsed);
  msg ("%d calls of timer_sleep (%lld) returned at once", ZERO_CALLS,
       duration);
}

/* Tries each of the CNT durations in DURATIONS while another thread
   sleeps. */
static void
zero_test (const int64_t *durations, int cnt)
{
  zero_wake = timer_ticks () + ZERO_SLEEP;
  thtest_join_init (1);
  thtest_spawn ("sleeper", PRI_DEFAULT, zero_sleeper_main, NULL);
  for (int i = 0; i < cnt; i++)
    zero_sleep_calls (durations[i]);
  thtest_join ();
  msg ("a thread sleeping %d ticks meanwhile woke on time, without "
       "running while asleep", ZERO_SLEEP);
}

/* A zero duration. */
static void
alarm_zero_test (void)
{
  static const int64_t durations[] = { 0 };
  zero_test (durations, sizeof durations / sizeof *durations);
}

/* Negative durations, small and large. */
static void
alarm_negative_test (void)
{
  static const int64_t durations[] = { -1, -100, -1000000000 };
  zero_test (durations, sizeof durations / sizeof *durations);
}

KTEST ("alarm-zero", alarm_zero_test);
KTEST ("alarm-negative", alarm_negative_test);
