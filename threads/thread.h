/* Kernel threads: struct thread, the life cycle of a thread, and what
   the rest of the kernel may ask of the scheduler. */
#ifndef THREADS_THREAD_H
#define THREADS_THREAD_H

#include <debug.h>
#include <list.h>
#include <stdint.h>
#include "threads/fixed-point.h"

/* Where a thread is in its life.  Exactly one thread is RUNNING;
   READY threads sit in the ready queue (threads/ready.c); a BLOCKED
   thread runs again only once thread_unblock() names it; a DYING
   thread has switched away for the last time and its page is freed
   by whichever thread runs next. */
enum thread_status
  {
    THREAD_READY,       /* Could run; queued for the CPU. */
    THREAD_RUNNING,     /* On the CPU now. */
    THREAD_BLOCKED,     /* Sleeping until someone unblocks it. */
    THREAD_DYING        /* Exited; its page awaits freeing. */
  };

/* A thread's identifier, unique for as long as the kernel runs. */
typedef int tid_t;
#define TID_ERROR ((tid_t) -1)          /* thread_create() failed. */

/* The range of priorities; a larger number runs first. */
#define PRI_MIN 0                       /* Least urgent. */
#define PRI_DEFAULT 31                  /* What main() starts with. */
#define PRI_MAX 63                      /* Most urgent. */

/* Niceness, for the MLFQS scheduler: how readily a thread gives up
   the CPU to others. */
#define NICE_MIN -20                    /* Least nice: keeps the CPU. */
#define NICE_DEFAULT 0                  /* Nice value of the first thread. */
#define NICE_MAX 20                     /* Nicest: yields the CPU most. */

/* One thread of control in the kernel; a user process is such a
   thread with an address space attached.

   A thread is one page from the page allocator, which it owns
   alone.  This structure fills the low end of the page, and the rest
   is the thread's kernel stack, whose first push lands just below the
   page's end:

        page + 4096  ->  first word of the stack
                         ... the stack grows toward lower addresses ...
                         magic    <- the last field: a stack that
                                     grows too deep clobbers it first
                         ...
        page + 0     ->  stack, status, tid, ...

   Hence the running thread is found by rounding the stack pointer
   down to a page boundary (thread_current()), struct thread must stay
   far smaller than the page, and kernel code must keep its stack
   frames small: no big local arrays, no deep recursion.
   thread_current() checks MAGIC every time it is called. */
struct thread
  {
    /* Owned by threads/thread.c.  STACK must stay first: switch.S
       reaches it at offset SWITCH_THREAD_SP (threads/switch.h). */
    uint8_t *stack;                     /* Stack pointer while not running. */
    enum thread_status status;          /* Life-cycle state. */
    tid_t tid;                          /* Identifier. */
    int priority;                       /* What the ready queue orders by. */
    char name[16];                      /* For messages and debugging. */
    struct list_elem allelem;           /* In thread.c's list of threads. */
    int64_t cpu_ticks;                  /* Timer ticks spent running. */
/* LAB threads: mlfqs */

    /* Owned by threads/mlfqs.c. */
    int nice;                           /* Niceness, NICE_MIN to NICE_MAX. */
    struct fixed_point recent_cpu;      /* Decaying count of ticks run. */
/* END LAB */

    /* Shared by the scheduler (threads/thread.c, threads/ready.c)
       and threads/synch.c. */
    struct list_elem elem;              /* Element in the ready queue or
                                           in a semaphore's waiters. */
/* LAB threads: priority */
    int base_priority;                  /* Own priority, before donations. */
    struct list held_locks;             /* Locks held: they carry donations. */
    struct lock *waiting_lock;          /* Lock waited for, or NULL. */
/* END LAB */

#ifdef USERPROG
    /* Owned by userprog/process.c. */
    void *process;                      /* struct process, or NULL. */
#endif
#ifdef VM
    /* Owned by vm/vm.c: the supplemental page table of the process's
       user pages (vm/page.h), or NULL. */
    struct page_table *pages;
#endif
    /* Owned by threads/pagedir.c: the page-directory-pointer table
       this thread runs with, or NULL for the kernel's own. */
    uint64_t *pagedir;

    /* Owned by threads/thread.c; keep it last (see above). */
    unsigned magic;                     /* THREAD_MAGIC while intact. */
  };

/* Start-up and the timer tick (threads/thread.c). */
void thread_init (void);
void thread_start (void);
void thread_tick (void);
void thread_print_stats (void);

/* Which scheduler runs: false (the default) for the priority
   scheduler of threads/ready.c, true for the MLFQS scheduler of
   threads/mlfqs.c.  "-mlfqs" on the kernel command line sets it. */
extern bool thread_mlfqs;

/* The body of a thread: called with the AUX given to thread_create(). */
typedef void thread_func (void *aux);
tid_t thread_create (const char *name, int priority, thread_func *, void *);

void thread_block (void);
void thread_unblock (struct thread *);
void thread_yield (void);
void thread_exit (void) NO_RETURN;

struct thread *thread_current (void);
const char *thread_name (void);
tid_t thread_tid (void);
int64_t thread_cpu_ticks (void);

/* A visitor for thread_foreach(): called once per thread T with the
   caller's AUX. */
typedef void thread_action_func (struct thread *t, void *aux);
void thread_foreach (thread_action_func *, void *);
void thread_set_exit_hook (thread_action_func *);

/* Priorities and preemption (threads/ready.c). */
int thread_get_priority (void);
void thread_set_priority (int);
/* LAB threads: priority */
void thread_preempt (void);
void thread_donate_priority (struct thread *, int priority);
void thread_refresh_priority (struct thread *);
/* END LAB */

/* Niceness and statistics of the MLFQS scheduler (threads/mlfqs.c). */
void thread_set_nice (int);
int thread_get_nice (void);
int thread_get_recent_cpu (void);
int thread_get_load_avg (void);

#endif /* threads/thread.h */
