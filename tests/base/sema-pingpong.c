/* Semaphores: two threads hand control back and forth a fixed number
   of times, each printing its turn, so the output alternates exactly;
   sema_try_down takes only what is there; and threads waiting on one
   semaphore are woken in the order they started waiting. */

#include <stdint.h>
#include <stdio.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/interrupt.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* Round trips of the ping-pong, and threads queued for the FIFO
   check. */
#define PINGPONG_ROUNDS 5
#define PINGPONG_WAITERS 5

static struct semaphore pingpong_ping, pingpong_pong, pingpong_done;

/* Answers each ping with a pong.  AUX is unused. */
static void
pong_main (void *aux UNUSED)
{
  int i;

  for (i = 0; i < PINGPONG_ROUNDS; i++)
    {
      sema_down (&pingpong_ping);
      msg ("pong %d", i);
      sema_up (&pingpong_pong);
    }
  sema_up (&pingpong_done);
}

/* The ping-pong itself. */
static void
test_pingpong (void)
{
  int i;

  sema_init (&pingpong_ping, 0);
  sema_init (&pingpong_pong, 0);
  sema_init (&pingpong_done, 0);
  CHECK (thread_create ("pong", PRI_DEFAULT, pong_main, NULL) != TID_ERROR,
         "thread_create failed");
  for (i = 0; i < PINGPONG_ROUNDS; i++)
    {
      msg ("ping %d", i);
      sema_up (&pingpong_ping);
      sema_down (&pingpong_pong);
    }
  sema_down (&pingpong_done);
}

/* sema_try_down never waits and never takes what is not there. */
static void
test_try_down (void)
{
  struct semaphore s;

  sema_init (&s, 0);
  CHECK (!sema_try_down (&s), "sema_try_down took from a zero semaphore");
  sema_up (&s);
  CHECK (sema_try_down (&s), "sema_try_down failed after sema_up");
  CHECK (!sema_try_down (&s), "sema_try_down took the same unit twice");
  sema_init (&s, 3);
  CHECK (sema_try_down (&s) && sema_try_down (&s) && sema_try_down (&s),
         "sema_try_down could not take 3 units from 3");
  CHECK (!sema_try_down (&s), "sema_try_down took a fourth unit from 3");
  msg ("sema_try_down: takes exactly the units there are");
}

/* The FIFO check: each waiter queues on pingpong_ping, then appends
   its number to fifo_order when woken. */
static int fifo_order[PINGPONG_WAITERS];
static int fifo_woken;

/* Waiter thread: AUX is its number. */
static void
fifo_waiter_main (void *aux)
{
  sema_down (&pingpong_ping);
  fifo_order[fifo_woken++] = (int) (intptr_t) aux;
  sema_up (&pingpong_pong);
}

/* Returns true once *AUX (an int) threads wait on pingpong_ping. */
static bool
waiters_are (void *aux)
{
  enum intr_level old_level = intr_disable ();
  size_t cnt = list_size (&pingpong_ping.waiters);

  intr_set_level (old_level);
  return cnt == (size_t) *(int *) aux;
}

/* Queues the waiters one at a time, so their order is known, then
   wakes them one at a time. */
static void
test_fifo (void)
{
  int i;

  sema_init (&pingpong_ping, 0);
  sema_init (&pingpong_pong, 0);
  for (i = 0; i < PINGPONG_WAITERS; i++)
    {
      int queued = i + 1;
      char name[16];
      snprintf (name, sizeof name, "waiter-%d", i);
      CHECK (thread_create (name, PRI_DEFAULT, fifo_waiter_main,
                            (void *) (intptr_t) i) != TID_ERROR,
             "thread_create failed");
      check_yield_until (waiters_are, &queued, "a waiter to queue");
    }
  for (i = 0; i < PINGPONG_WAITERS; i++)
    {
      sema_up (&pingpong_ping);
      sema_down (&pingpong_pong);
    }
  msg ("woken in order %d %d %d %d %d", fifo_order[0], fifo_order[1],
       fifo_order[2], fifo_order[3], fifo_order[4]);
}

/* Runs the three parts. */
static void
sema_pingpong_test (void)
{
  test_pingpong ();
  test_try_down ();
  test_fifo ();
}

KTEST ("sema-pingpong", sema_pingpong_test);
