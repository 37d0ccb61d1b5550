/* Synchronization primitives: counting semaphores, locks (binary
   semaphores with an owner) and condition variables. */
#ifndef THREADS_SYNCH_H
#define THREADS_SYNCH_H

#include <list.h>
#include <stdbool.h>

/* A counting semaphore. */
struct semaphore
  {
    unsigned value;             /* Current value. */
    struct list waiters;        /* Threads waiting in sema_down(). */
  };

void sema_init (struct semaphore *, unsigned value);
void sema_down (struct semaphore *);
bool sema_try_down (struct semaphore *);
void sema_up (struct semaphore *);
void sema_self_test (void);

/* A lock: held by at most one thread at a time, and only the
   holder may release it.  Not recursive. */
struct lock
  {
    struct thread *holder;      /* Thread holding the lock, or NULL. */
    struct semaphore semaphore; /* Binary semaphore controlling access. */
/* LAB threads: priority */
    struct list_elem elem;      /* Element in the holder's held_locks. */
/* END LAB */
  };

void lock_init (struct lock *);
void lock_acquire (struct lock *);
bool lock_try_acquire (struct lock *);
void lock_release (struct lock *);
bool lock_held_by_current_thread (const struct lock *);
/* LAB threads: priority */
int lock_donated_priority (struct thread *);
/* END LAB */

/* A condition variable (Mesa semantics). */
struct condition
  {
    struct list waiters;        /* One semaphore per waiting thread. */
  };

void cond_init (struct condition *);
void cond_wait (struct condition *, struct lock *);
void cond_signal (struct condition *, struct lock *);
void cond_broadcast (struct condition *, struct lock *);

/* An optimization barrier: the compiler may not move memory
   accesses across it. */
#define barrier() asm volatile ("" : : : "memory")

#endif /* threads/synch.h */
