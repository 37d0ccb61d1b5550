/* Kernel threads: the thread control block, its life cycle, and the
   scheduler's public interface. */
#ifndef THREADS_THREAD_H
#define THREADS_THREAD_H

#include <debug.h>
#include <list.h>
#include <stdint.h>
#include "threads/fixed-point.h"

/* States in a thread's life cycle. */
enum thread_status
  {
    THREAD_RUNNING,     /* Running thread. */
    THREAD_READY,       /* Not running but ready to run. */
    THREAD_BLOCKED,     /* Waiting for an event to trigger. */
    THREAD_DYING        /* About to be destroyed. */
  };

/* Thread identifier type. */
typedef int tid_t;
#define TID_ERROR ((tid_t) -1)          /* Error value for tid_t. */

/* Thread priorities. */
#define PRI_MIN 0                       /* Lowest priority. */
#define PRI_DEFAULT 31                  /* Default priority. */
#define PRI_MAX 63                      /* Highest priority. */

/* Niceness, for the MLFQS scheduler: how readily a thread gives up
   the CPU to others. */
#define NICE_MIN -20                    /* Least nice: keeps the CPU. */
#define NICE_DEFAULT 0                  /* Nice value of the first thread. */
#define NICE_MAX 20                     /* Nicest: yields the CPU most. */

/* A kernel thread or user process.

   Each thread owns one 4 KiB page: this structure sits at the bottom
   of the page and the thread's kernel stack grows down from the top
   towards it.

        4 KiB +---------------------------------+
              |          kernel stack           |
              |                |                |
              |                V                |
              |         grows downward          |
              |                                 |
              +---------------------------------+
              |              magic              |
              |               ...               |
              |              status             |
              |               tid               |
        0 KiB +---------------------------------+

   So the structure must stay small (well under 1 KiB) and kernel
   code must not put large arrays or deep recursion on the stack: an
   overflow overwrites MAGIC first, which thread_current() checks. */
struct thread
  {
    /* Owned by threads/thread.c. */
    tid_t tid;                          /* Thread identifier. */
    enum thread_status status;          /* Thread state. */
    char name[16];                      /* Name (for debugging). */
    uint8_t *stack;                     /* Saved stack pointer. */
    int priority;                       /* Priority the scheduler uses. */
    struct list_elem allelem;           /* Element in the all-threads list. */
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

    /* Owned by threads/thread.c. */
    unsigned magic;                     /* Detects stack overflow. */
  };

/* If false (default), use the round-robin scheduler.
   If true, use the multi-level feedback queue scheduler.
   Controlled by the kernel command-line option "-mlfqs". */
extern bool thread_mlfqs;

void thread_init (void);
void thread_start (void);

void thread_tick (void);
void thread_print_stats (void);

typedef void thread_func (void *aux);
tid_t thread_create (const char *name, int priority, thread_func *, void *);

void thread_block (void);
void thread_unblock (struct thread *);

struct thread *thread_current (void);
tid_t thread_tid (void);
const char *thread_name (void);

void thread_exit (void) NO_RETURN;
void thread_yield (void);

/* Performs some operation on thread T, given auxiliary data AUX. */
typedef void thread_action_func (struct thread *t, void *aux);
void thread_foreach (thread_action_func *, void *);

/* Priorities and preemption (threads/ready.c). */
int thread_get_priority (void);
void thread_set_priority (int);
/* LAB threads: priority */
void thread_preempt (void);
void thread_donate_priority (struct thread *, int priority);
void thread_refresh_priority (struct thread *);
/* END LAB */

/* Niceness and statistics of the MLFQS scheduler (threads/mlfqs.c). */
int thread_get_nice (void);
void thread_set_nice (int);
int thread_get_recent_cpu (void);
int thread_get_load_avg (void);

void thread_set_exit_hook (thread_action_func *);

#endif /* threads/thread.h */
