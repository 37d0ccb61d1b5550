/* Cross-VCPU wake-ups: two guest kernel threads on two VCPUs hand a
   token back and forth through two semaphores.  Each up wakes a
   thread whose home is the other VCPU, which is idle (halted) by
   then: the wake-up must reach it there, through the IPI. */

#include "tests/sched/tier2-common.h"

const char test_name[] = "ksync-wake";

#define ROUNDS 200

static struct ksema ping, pong;
static volatile unsigned pings, pongs;

/* Takes the token ROUNDS times from PING and hands it to PONG. */
static void
pinger (void *aux UNUSED)
{
  for (unsigned i = 0; i < ROUNDS; i++)
    {
      ksema_down (&ping);
      pings++;
      ksema_up (&pong);
    }
}

/* Takes the token ROUNDS times from PONG and hands it back to PING. */
static void
ponger (void *aux UNUSED)
{
  for (unsigned i = 0; i < ROUNDS; i++)
    {
      ksema_down (&pong);
      pongs++;
      ksema_up (&ping);
    }
}

int
main (void)
{
  tier2_check_vcpus (2);
  ksema_init (&ping, 0);
  ksema_init (&pong, 0);
  if (kthread_create ("pinger", pinger, NULL) == NULL
      || kthread_create ("ponger", ponger, NULL) == NULL)
    fail ("cannot create the threads");
  ksema_up (&ping);
  kthread_wait_all ();
  msg ("rounds: %u pings, %u pongs", pings, pongs);
  kthread_print_stats ();
  return 0;
}
