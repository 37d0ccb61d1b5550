/* mlfqs-block: the MLFQS scheduler updates blocked threads too.  A
   thread of nice 10 spins alone for 20 seconds, which drives its
   priority down to the bottom, then waits 20 seconds for a lock the
   main thread holds while the main thread spins.  Blocked, the waiter's
   recent_cpu decays and its priority recovers, so when the main thread
   releases the lock the waiter outranks it and runs at once.  Were its
   recent_cpu or priority left as they were when it blocked, the main
   thread would keep the CPU. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

/* The waiter's niceness, and the phases, in seconds from T0. */
#define BLOCK_NICE 10
#define BLOCK_SPIN_END 20       /* The waiter stops spinning, and waits. */
#define BLOCK_MAIN_START 21     /* The main thread wakes and spins... */
#define BLOCK_RELEASE 41        /* ...until it releases the lock. */

static int64_t block_t0;
static struct lock block_lock;

/* The waiter. */
static void
block_waiter_main (void *aux UNUSED)
{
  thread_set_nice (BLOCK_NICE);
  thtest_spin_until (block_t0 + BLOCK_SPIN_END * TIMER_FREQ);
  lock_acquire (&block_lock);
  msg ("the waiter got the lock");
  thtest_mlfqs_check ("the waiter");
  lock_release (&block_lock);
  thtest_join_done ();
}

static void
mlfqs_block_test (void)
{
  block_t0 = thtest_mlfqs_start ();
  lock_init (&block_lock);
  lock_acquire (&block_lock);
  msg ("main holds a lock; a thread of nice %d spins %d seconds, then "
       "waits for it", BLOCK_NICE, BLOCK_SPIN_END);
  thtest_join_init (1);
  thtest_spawn ("waiter", PRI_DEFAULT, block_waiter_main, NULL);
  timer_sleep (block_t0 + BLOCK_MAIN_START * TIMER_FREQ - timer_ticks ());
  msg ("main spins %d seconds, then releases the lock",
       BLOCK_RELEASE - BLOCK_MAIN_START);
  thtest_spin_until (block_t0 + BLOCK_RELEASE * TIMER_FREQ);
  thtest_mlfqs_check ("the main thread");
  lock_release (&block_lock);
  msg ("main released the lock");
  thtest_join ();
}

KTEST ("mlfqs-block", mlfqs_block_test);
