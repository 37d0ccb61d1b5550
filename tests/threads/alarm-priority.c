/* alarm-priority: ten threads of different priorities, all below the
   main thread's, sleep until the same tick.  When it comes they must
   run in order of priority, highest first, all in that tick. */

#include <stdint.h>
#include <stdio.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "devices/timer.h"
#include "threads/interrupt.h"

/* Sleepers, and ticks from the start to their common wake-up. */
#define APRI_SLEEPERS 10
#define APRI_DELAY 10

/* Sleeper I has priority APRI_BASE + (I * APRI_STRIDE) % APRI_SLEEPERS:
   all different, created in no particular order. */
#define APRI_BASE (PRI_DEFAULT - APRI_SLEEPERS)
#define APRI_STRIDE 7

/* The common wake-up tick, and the priorities in the order the
   sleepers ran after waking. */
static int64_t apri_wake;
static int apri_order[APRI_SLEEPERS];
static int apri_cnt;

/* A sleeper: sleeps until the common tick, then logs its priority. */
static void
apri_sleeper_main (void *aux UNUSED)
{
  char who[32];

  snprintf (who, sizeof who, "sleeper of priority %d", thread_get_priority ());
  thtest_sleep_until (who, apri_wake);

  enum intr_level old_level = intr_disable ();
  apri_order[apri_cnt++] = thread_get_priority ();
  intr_set_level (old_level);
  thtest_join_done ();
}

/* Starts the sleepers, waits for them, and prints the order they ran
   in after waking. */
static void
alarm_priority_test (void)
{
  thtest_require_priority ();
  apri_wake = timer_ticks () + APRI_DELAY;
  msg ("%d sleepers of priorities %d to %d wake in the same tick",
       APRI_SLEEPERS, APRI_BASE, APRI_BASE + APRI_SLEEPERS - 1);
  thtest_join_init (APRI_SLEEPERS);
  for (int i = 0; i < APRI_SLEEPERS; i++)
    thtest_spawn ("sleeper", APRI_BASE + (i * APRI_STRIDE) % APRI_SLEEPERS,
                  apri_sleeper_main, NULL);
  thtest_join ();

  for (int i = 0; i < apri_cnt; i++)
    msg ("woke %d: the sleeper of priority %d", i + 1, apri_order[i]);
}

KTEST ("alarm-priority", alarm_priority_test);
