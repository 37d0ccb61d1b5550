/* Cross-VCPU wake-ups: two guest kernel threads on two VCPUs hand a
   token back and forth through two semaphores.  After handing it on,
   a thread computes a little longer, so its VCPU is busy when the
   other thread wakes: the woken thread's home VCPU is idle (halted),
   and the wake-up must reach it there, through the IPI. */

#include "tests/sched/tier2-common.h"

const char test_name[] = "ksync-wake";

#define ROUNDS 200

/* Iterations a thread computes after handing the token on. */
#define AFTER_UP 2000

/* One side of the exchange: takes the token from TAKE, gives it to
   GIVE, counts the rounds. */
struct side
  {
    struct ksema *take, *give;
    volatile unsigned rounds;
  };

static struct ksema ping, pong;
static struct side sides[2] = { { &ping, &pong, 0 }, { &pong, &ping, 0 } };

/* Plays side AUX for ROUNDS rounds. */
static void
player (void *aux)
{
  struct side *s = aux;

  for (unsigned i = 0; i < ROUNDS; i++)
    {
      ksema_down (s->take);
      s->rounds++;
      ksema_up (s->give);
      tier2_burn (AFTER_UP);
    }
}

int
main (void)
{
  tier2_check_vcpus (2);
  ksema_init (&ping, 0);
  ksema_init (&pong, 0);
  if (kthread_create ("pinger", player, &sides[0]) == NULL
      || kthread_create ("ponger", player, &sides[1]) == NULL)
    fail ("cannot create the threads");
  ksema_up (&ping);
  kthread_wait_all ();
  msg ("rounds: %u pings, %u pongs", sides[0].rounds, sides[1].rounds);
  kthread_print_stats ();
  return 0;
}
