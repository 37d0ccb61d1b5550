/* alarm-simultaneous: three threads sleep until the same ticks, five
   times.  Each time all three must wake in that very tick, and none
   may run while it sleeps. */

#include <stdint.h>
#include <stdio.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "devices/timer.h"

/* Sleepers, rounds, and ticks between rounds. */
#define SIMUL_SLEEPERS 3
#define SIMUL_ROUNDS 5
#define SIMUL_PERIOD 10

/* Ticks from the start of the test to the common start. */
#define SIMUL_LEAD 5

/* Common start tick, and the tick each sleeper woke in, each round. */
static int64_t simul_start;
static int64_t simul_woke[SIMUL_ROUNDS][SIMUL_SLEEPERS];

/* A sleeper: AUX is its number. */
static void
simul_sleeper_main (void *aux)
{
  int sleeper = (intptr_t) aux;
  char who[32];

  snprintf (who, sizeof who, "sleeper %d", sleeper);
  for (int r = 0; r < SIMUL_ROUNDS; r++)
    simul_woke[r][sleeper]
      = thtest_sleep_until (who, simul_start + (r + 1) * SIMUL_PERIOD);
  thtest_join_done ();
}

/* Runs the sleepers and checks that each round's wake-ups share a
   tick. */
static void
alarm_simultaneous_test (void)
{
  simul_start = timer_ticks () + SIMUL_LEAD;
  msg ("%d sleepers wake together every %d ticks, %d times",
       SIMUL_SLEEPERS, SIMUL_PERIOD, SIMUL_ROUNDS);
  thtest_join_init (SIMUL_SLEEPERS);
  for (int s = 0; s < SIMUL_SLEEPERS; s++)
    thtest_spawn ("sleeper", PRI_DEFAULT, simul_sleeper_main,
                  (void *) (intptr_t) s);
  thtest_join ();

  for (int r = 0; r < SIMUL_ROUNDS; r++)
    {
      int64_t due = simul_start + (r + 1) * SIMUL_PERIOD;
      for (int s = 0; s < SIMUL_SLEEPERS; s++)
        CHECK (simul_woke[r][s] == due, "round %d: sleeper %d woke in tick "
               "+%lld, not in its due tick +%lld", r + 1, s,
               simul_woke[r][s] - simul_start, due - simul_start);
      msg ("round %d: all %d sleepers woke in tick +%lld", r + 1,
           SIMUL_SLEEPERS, due - simul_start);
    }
}

KTEST ("alarm-simultaneous", alarm_simultaneous_test);
