/* Many threads: creates a hundred threads that each record that they
   ran and exit, several rounds over, and checks after each round that
   every one ran exactly once, that their tids were distinct, and that
   every thread page came back to the page allocator. */

#include <stdint.h>
#include <stdio.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* Threads per round, and rounds. */
#define THREAD_MANY_CNT 100
#define THREAD_MANY_ROUNDS 3

static tid_t thread_many_tids[THREAD_MANY_CNT];
static int thread_many_runs[THREAD_MANY_CNT];
static struct semaphore thread_many_done;

/* A short-lived thread: AUX is its index.  Counts its run and ends. */
static void
short_lived_main (void *aux)
{
  thread_many_runs[(intptr_t) aux]++;
  sema_up (&thread_many_done);
}

/* Checks that the tids of this round are all different. */
static void
check_distinct_tids (void)
{
  int i, j;

  for (i = 0; i < THREAD_MANY_CNT; i++)
    for (j = 0; j < i; j++)
      CHECK (thread_many_tids[i] != thread_many_tids[j],
             "threads %d and %d share tid %d", j, i, thread_many_tids[i]);
}

/* One round: create, wait for all, check, wait for the pages. */
static void
run_round (int round)
{
  size_t free_before = palloc_free_count ();
  int i;

  sema_init (&thread_many_done, 0);
  for (i = 0; i < THREAD_MANY_CNT; i++)
    {
      char name[16];
      snprintf (name, sizeof name, "many-%d", i);
      thread_many_runs[i] = 0;
      thread_many_tids[i] = thread_create (name, PRI_DEFAULT,
                                           short_lived_main,
                                           (void *) (intptr_t) i);
      CHECK (thread_many_tids[i] != TID_ERROR,
             "round %d: thread_create %d failed", round, i);
    }
  for (i = 0; i < THREAD_MANY_CNT; i++)
    sema_down (&thread_many_done);
  for (i = 0; i < THREAD_MANY_CNT; i++)
    CHECK (thread_many_runs[i] == 1, "round %d: thread %d ran %d times",
           round, i, thread_many_runs[i]);
  check_distinct_tids ();
  check_pages_reclaimed (free_before);
  msg ("round %d: %d threads ran once each and exited; pages reclaimed",
       round, THREAD_MANY_CNT);
}

/* Runs the rounds. */
static void
thread_many_test (void)
{
  int round;

  for (round = 1; round <= THREAD_MANY_ROUNDS; round++)
    run_round (round);
}

KTEST ("thread-many", thread_many_test);
