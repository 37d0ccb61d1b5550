/* Synchronization primitives (threads/synch.c): counting semaphores,
   locks, and condition variables, plus a compiler barrier. */
#ifndef THREADS_SYNCH_H
#define THREADS_SYNCH_H

#include <stdbool.h>
#include <list.h>

/* A counting semaphore: a non-negative count of units, and the
   threads asleep until a unit is free. */
struct semaphore
  {
    unsigned value;             /* Units free now. */
    struct list waiters;        /* Threads asleep in sema_down(). */
  };

void sema_init (struct semaphore *, unsigned value);
bool sema_try_down (struct semaphore *);
void sema_down (struct semaphore *);
void sema_up (struct semaphore *);
void sema_self_test (void);

/* A lock: a semaphore of one unit that remembers which thread took
   it.  Only that thread may release it, and it may not take it a
   second time. */
struct lock
  {
    struct thread *holder;      /* The thread holding it, or NULL. */
    struct semaphore semaphore; /* One unit: free, or taken by HOLDER. */
/* LAB threads: priority */
    struct list_elem elem;      /* Element in the holder's held_locks. */
/* END LAB */
  };

void lock_init (struct lock *);
void lock_acquire (struct lock *);
void lock_release (struct lock *);
bool lock_try_acquire (struct lock *);
bool lock_held_by_current_thread (const struct lock *);
/* LAB threads: priority */
int lock_donated_priority (struct thread *);
/* END LAB */

/* A condition variable, used together with a lock; a signal wakes a
   waiter but does not hand it the lock (Mesa semantics). */
struct condition
  {
    struct list waiters;        /* struct cond_waiter, in synch.c. */
  };

void cond_init (struct condition *);
void cond_wait (struct condition *, struct lock *);
void cond_signal (struct condition *, struct lock *);
void cond_broadcast (struct condition *, struct lock *);

/* Keeps the compiler from moving memory reads and writes across this
   point (it emits no instruction). */
#define barrier() asm volatile ("" : : : "memory")

#endif /* threads/synch.h */
