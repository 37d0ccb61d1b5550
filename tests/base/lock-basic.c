/* Locks: several threads increment a shared counter, yielding the CPU
   between reading and writing it, so without mutual exclusion they
   would lose updates; a lock records its holder; lock_try_acquire
   fails while another thread holds the lock and succeeds once it is
   free. */

#include <stdio.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* Worker threads and the increments each makes. */
#define LOCK_BASIC_THREADS 4
#define LOCK_BASIC_ITERS 50

static struct lock lock_basic_lock;
static int lock_basic_counter;
static struct semaphore lock_basic_done;

/* Worker: increments the counter LOCK_BASIC_ITERS times under the
   lock, yielding inside the critical section.  AUX is unused. */
static void
worker_main (void *aux UNUSED)
{
  int i;

  for (i = 0; i < LOCK_BASIC_ITERS; i++)
    {
      int value;

      lock_acquire (&lock_basic_lock);
      CHECK (lock_held_by_current_thread (&lock_basic_lock)
             && lock_basic_lock.holder == thread_current (),
             "lock does not name its holder");
      value = lock_basic_counter;
      thread_yield ();
      lock_basic_counter = value + 1;
      lock_release (&lock_basic_lock);
      CHECK (!lock_held_by_current_thread (&lock_basic_lock),
             "lock still held after lock_release");
    }
  sema_up (&lock_basic_done);
}

/* The counter, incremented by all workers at once. */
static void
test_mutual_exclusion (void)
{
  int i;

  lock_init (&lock_basic_lock);
  sema_init (&lock_basic_done, 0);
  for (i = 0; i < LOCK_BASIC_THREADS; i++)
    {
      char name[16];
      snprintf (name, sizeof name, "worker-%d", i);
      CHECK (thread_create (name, PRI_DEFAULT, worker_main, NULL)
             != TID_ERROR, "thread_create failed");
    }
  for (i = 0; i < LOCK_BASIC_THREADS; i++)
    sema_down (&lock_basic_done);
  msg ("%d threads x %d increments, yielding inside the lock: counter %d",
       LOCK_BASIC_THREADS, LOCK_BASIC_ITERS, lock_basic_counter);
  check_int ("counter", lock_basic_counter,
             LOCK_BASIC_THREADS * LOCK_BASIC_ITERS);
  CHECK (lock_basic_lock.holder == NULL, "lock has a holder at the end");
}

/* Semaphores between test_try_acquire and the holder thread. */
static struct semaphore lock_basic_held;     /* Holder has done its step. */
static struct semaphore lock_basic_let_go;   /* Holder may release. */

/* Holder thread: takes the lock, says so, waits for permission to
   let go, releases it and says so.  AUX is unused. */
static void
holder_main (void *aux UNUSED)
{
  lock_acquire (&lock_basic_lock);
  sema_up (&lock_basic_held);
  sema_down (&lock_basic_let_go);
  lock_release (&lock_basic_lock);
  sema_up (&lock_basic_held);
}

/* lock_try_acquire while another thread holds the lock, and after. */
static void
test_try_acquire (void)
{
  sema_init (&lock_basic_held, 0);
  sema_init (&lock_basic_let_go, 0);
  CHECK (thread_create ("holder", PRI_DEFAULT, holder_main, NULL)
         != TID_ERROR, "thread_create failed");
  sema_down (&lock_basic_held);
  CHECK (!lock_try_acquire (&lock_basic_lock),
         "lock_try_acquire took a lock another thread holds");
  CHECK (!lock_held_by_current_thread (&lock_basic_lock),
         "lock_held_by_current_thread is true for another's lock");
  sema_up (&lock_basic_let_go);
  sema_down (&lock_basic_held);
  CHECK (lock_try_acquire (&lock_basic_lock),
         "lock_try_acquire failed on a free lock");
  CHECK (lock_held_by_current_thread (&lock_basic_lock),
         "lock_try_acquire did not make us the holder");
  lock_release (&lock_basic_lock);
  msg ("lock_try_acquire: fails while another thread holds it, "
       "succeeds once free");
}

/* Runs both parts. */
static void
lock_basic_test (void)
{
  test_mutual_exclusion ();
  test_try_acquire ();
}

KTEST ("lock-basic", lock_basic_test);
