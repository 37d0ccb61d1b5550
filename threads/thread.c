/* Kernel threads: their life cycle, and the scheduler's core.

   Every thread lives in one page (see struct thread in thread.h).
   This file creates, blocks, wakes and ends threads, and switches
   to the next thread to run whenever the running thread blocks,
   yields or exits; the timer interrupt ends a thread's time slice
   after TIME_SLICE ticks.  Which ready thread runs next is the ready
   queue's business (threads/ready.c, priorities and donation); under
   "-mlfqs", threads/mlfqs.c sets the priorities.  Both use this
   file through thread.h, and threads/sched.h for what only the
   scheduler needs. */

#include "threads/thread.h"
#include <debug.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "threads/interrupt.h"
#include "threads/mlfqs.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/ready.h"
#include "threads/sched.h"
#include "threads/switch.h"
#include "threads/synch.h"
#include "threads/tss.h"
#include "threads/vaddr.h"

/* Random value for struct thread's `magic'; a thread whose magic is
   wrong has overflowed its stack (or isn't a thread). */
#define THREAD_MAGIC 0x52696e67

/* Timer ticks each thread gets before it must give up the CPU. */
#define TIME_SLICE 4

/* Every thread, from creation until its page is freed. */
static struct list all_list;

/* The idle thread, run when nothing else is ready. */
static struct thread *idle_thread;

/* The thread running main(), whose page threads/start.S set up. */
static struct thread *initial_thread;

/* Guards next_tid. */
static struct lock tid_lock;

/* Statistics, in timer ticks. */
static long long idle_ticks;    /* Spent idle. */
static long long kernel_ticks;  /* Spent in kernel threads. */
static long long user_ticks;    /* Spent in user programs. */

/* Ticks since the running thread was last scheduled. */
static unsigned thread_ticks;

/* The scheduler in use ("-mlfqs" on the kernel command line). */
bool thread_mlfqs;

/* Called for each thread as it exits, if set (user processes). */
static thread_action_func *exit_hook;

const uint32_t thread_stack_ofs = offsetof (struct thread, stack);

/* The frame kernel_thread() runs with: the return address slot and
   its two arguments. */
struct kernel_thread_frame
  {
    void *eip;                  /* Return address (never used). */
    thread_func *function;      /* Function to call. */
    void *aux;                  /* Auxiliary data for FUNCTION. */
  };

static void kernel_thread (thread_func *, void *aux);
static void idle (void *idle_started);
static struct thread *running_thread (void);
static struct thread *next_thread_to_run (void);
static void init_thread (struct thread *, const char *name, int priority);
static bool is_thread (struct thread *) UNUSED;
static void *alloc_frame (struct thread *, size_t size);
static void schedule (void);
void thread_schedule_tail (struct thread *prev);
static tid_t allocate_tid (void);

/* Turns the code that is running into a thread: main()'s stack sits
   in a page that threads/start.S reserved, so this just fills in the
   struct thread at that page's bottom.  Interrupts must be off.
   Nothing that needs thread_current() may run before this. */
void
thread_init (void)
{
  ASSERT (intr_get_level () == INTR_OFF);

  lock_init (&tid_lock);
  ready_init ();
  list_init (&all_list);

  initial_thread = running_thread ();
  init_thread (initial_thread, "main", PRI_DEFAULT);
  initial_thread->status = THREAD_RUNNING;
  initial_thread->tid = allocate_tid ();
}

/* Starts preemptive scheduling: creates the idle thread and enables
   interrupts. */
void
thread_start (void)
{
  struct semaphore idle_started;
  sema_init (&idle_started, 0);
  thread_create ("idle", PRI_MIN, idle, &idle_started);

  intr_enable ();

  /* Wait for the idle thread to set idle_thread. */
  sema_down (&idle_started);
}

/* Called by the timer interrupt handler at each tick: accounts the
   tick and ends the running thread's time slice when it is used up.
   Runs in an external interrupt context, so it must stay cheap. */
void
thread_tick (void)
{
  struct thread *t = thread_current ();

  t->cpu_ticks++;
  if (t == idle_thread)
    idle_ticks++;
  else if (t->pagedir != NULL)
    user_ticks++;
  else
    kernel_ticks++;
  if (thread_mlfqs)
    mlfqs_tick (t);

  if (++thread_ticks >= TIME_SLICE)
    intr_yield_on_return ();
}

/* Prints thread statistics. */
void
thread_print_stats (void)
{
  printf ("Thread: %lld idle ticks, %lld kernel ticks, %lld user ticks\n",
          idle_ticks, kernel_ticks, user_ticks);
}

/* Creates a kernel thread called NAME with PRIORITY that runs
   FUNCTION (AUX) and adds it to the ready queue.  Returns its tid,
   or TID_ERROR if no page is free.  The new thread may run (and even
   exit) before thread_create() returns: at once if its priority is
   higher than the creator's.  Under the MLFQS scheduler PRIORITY is
   ignored. */
tid_t
thread_create (const char *name, int priority,
               thread_func *function, void *aux)
{
  ASSERT (function != NULL);

  struct thread *t = palloc_get_page (PAL_ZERO);
  if (t == NULL)
    return TID_ERROR;

  init_thread (t, name, priority);
  tid_t tid = t->tid = allocate_tid ();

  /* Stack frames, from the top of the page down: kernel_thread()'s
     arguments, switch_entry() for the first switch to return into,
     and the registers switch_threads() pops. */
  struct kernel_thread_frame *kf = alloc_frame (t, sizeof *kf);
  kf->eip = NULL;
  kf->function = function;
  kf->aux = aux;

  void (**entry_ret) (void) = alloc_frame (t, sizeof *entry_ret);
  *entry_ret = (void (*) (void)) kernel_thread;

  struct switch_threads_frame *sf
    = alloc_frame (t, sizeof *sf);
  sf->eip = switch_entry;
  sf->ebp = 0;

  thread_unblock (t);
/* LAB threads: priority */
  thread_preempt ();
/* END LAB */
  return tid;
}

/* Puts the current thread to sleep until thread_unblock() wakes it.
   Interrupts must be off, and usually one wants a semaphore from
   synch.h instead. */
void
thread_block (void)
{
  ASSERT (!intr_context ());
  ASSERT (intr_get_level () == INTR_OFF);

  thread_current ()->status = THREAD_BLOCKED;
  schedule ();
}

/* Makes blocked thread T ready to run.  Does not preempt the running
   thread, even for a T of higher priority: callers that disabled
   interrupts may rely on that. */
void
thread_unblock (struct thread *t)
{
  ASSERT (is_thread (t));

  enum intr_level old_level = intr_disable ();
  ASSERT (t->status == THREAD_BLOCKED);
  ready_push (t);
  t->status = THREAD_READY;
  intr_set_level (old_level);
}

/* Returns the name of the running thread. */
const char *
thread_name (void)
{
  return thread_current ()->name;
}

/* Returns the running thread, after checking that it really is one:
   a failed assertion here usually means a stack overflow. */
struct thread *
thread_current (void)
{
  struct thread *t = running_thread ();
  ASSERT (is_thread (t));
  ASSERT (t->status == THREAD_RUNNING);
  return t;
}

/* Returns true if T is the idle thread, which runs only when no
   other thread is ready and is never in the ready queue, so that the
   scheduler leaves it out of its priorities and statistics.  False
   for every thread until thread_start () has made the idle thread. */
bool
thread_is_idle (const struct thread *t)
{
  return t == idle_thread;
}

/* Returns the running thread's tid. */
tid_t
thread_tid (void)
{
  return thread_current ()->tid;
}

/* Ends the current thread; never returns.  Its page is freed by the
   next thread to run, in thread_schedule_tail(). */
void
thread_exit (void)
{
  ASSERT (!intr_context ());

  if (exit_hook != NULL)
    exit_hook (thread_current (), NULL);

  intr_disable ();
  list_remove (&thread_current ()->allelem);
  thread_current ()->status = THREAD_DYING;
  schedule ();
  NOT_REACHED ();
}

/* Gives up the CPU; the current thread stays ready and may be
   scheduled again at once, if no other ready thread comes first. */
void
thread_yield (void)
{
  struct thread *cur = thread_current ();

  ASSERT (!intr_context ());

  enum intr_level old_level = intr_disable ();
  if (cur != idle_thread)
    ready_push (cur);
  cur->status = THREAD_READY;
  schedule ();
  intr_set_level (old_level);
}

/* Calls FUNC (T, AUX) for every thread T.  Interrupts must be off. */
void
thread_foreach (thread_action_func *func, void *aux)
{
  ASSERT (intr_get_level () == INTR_OFF);

  for (struct list_elem *e = list_begin (&all_list); e != list_end (&all_list);
       e = list_next (e))
    func (list_entry (e, struct thread, allelem), aux);
}

/* Makes HOOK run in each exiting thread, just before it dies: how a
   higher layer (user processes) cleans up without threads/ naming it. */
void
thread_set_exit_hook (thread_action_func *hook)
{
  exit_hook = hook;
}

/* The idle thread: runs when no other thread is ready.  It is put on
   the ready queue once, by thread_start(), and never again:
   next_thread_to_run() picks it when the queue is empty. */
static void
idle (void *idle_started_)
{
  struct semaphore *idle_started = idle_started_;

  idle_thread = thread_current ();
  sema_up (idle_started);

  for (;;)
    {
      intr_disable ();
      thread_block ();

      /* Enable interrupts and halt, atomically: `sti' takes effect
         only after the next instruction, so no interrupt can slip in
         between and leave us halted with work to do.  Under QEMU's
         -icount with sleep=off, a halted CPU skips straight to the
         next timer interrupt: that is what makes idle tests fast. */
      asm volatile ("sti; hlt" : : : "memory");
    }
}

/* The function a new kernel thread starts in. */
static void
kernel_thread (thread_func *function, void *aux)
{
  ASSERT (function != NULL);

  intr_enable ();               /* The scheduler runs with them off. */
  function (aux);
  thread_exit ();
}

/* Returns the running thread: the struct thread at the bottom of the
   page the stack pointer is in. */
static struct thread *
running_thread (void)
{
  uint32_t *esp;
  asm ("movl %%esp, %0" : "=g" (esp));
  return pg_round_down (esp);
}

/* Returns true if T points to a valid-looking thread. */
static bool
is_thread (struct thread *t)
{
  return t != NULL && t->magic == THREAD_MAGIC;
}

/* Basic initialization of T as a blocked thread named NAME. */
static void
init_thread (struct thread *t, const char *name, int priority)
{
  ASSERT (t != NULL);
  ASSERT (PRI_MIN <= priority && priority <= PRI_MAX);
  ASSERT (name != NULL);

  memset (t, 0, sizeof *t);
  t->status = THREAD_BLOCKED;
  strlcpy (t->name, name, sizeof t->name);
  t->stack = (uint8_t *) t + PGSIZE;
  t->priority = priority;
  t->magic = THREAD_MAGIC;
/* LAB threads: priority */
  t->base_priority = priority;
  list_init (&t->held_locks);
/* END LAB */
  if (thread_mlfqs)
    mlfqs_init_thread (t, running_thread ());

  enum intr_level old_level = intr_disable ();
  list_push_back (&all_list, &t->allelem);
  intr_set_level (old_level);
}

/* Reserves SIZE bytes at the top of T's stack and returns them. */
static void *
alloc_frame (struct thread *t, size_t size)
{
  ASSERT (is_thread (t));
  ASSERT (size % sizeof (uint32_t) == 0);

  t->stack -= size;
  return t->stack;
}

/* Chooses the next thread to run: the first of the ready queue, or
   the idle thread if nothing is ready. */
static struct thread *
next_thread_to_run (void)
{
  struct thread *t = ready_pop ();
  return t != NULL ? t : idle_thread;
}

/* Completes a switch to the now-running thread, with interrupts off:
   marks it running, starts its time slice, switches to its address
   space and kernel stack, and frees PREV's page if PREV is dying
   (it could not free the page it was running on). */
void
thread_schedule_tail (struct thread *prev)
{
  struct thread *cur = running_thread ();

  ASSERT (intr_get_level () == INTR_OFF);

  cur->status = THREAD_RUNNING;
  thread_ticks = 0;

  pagedir_activate (cur->pagedir);
  tss_update ((uint8_t *) cur + PGSIZE);

  if (prev != NULL && prev->status == THREAD_DYING && prev != initial_thread)
    {
      ASSERT (prev != cur);
      palloc_free_page (prev);
    }
}

/* Switches to the next thread.  Interrupts must be off and the
   current thread must already have left the running state. */
static void
schedule (void)
{
  struct thread *cur = running_thread ();
  struct thread *next = next_thread_to_run ();
  struct thread *prev = NULL;

  ASSERT (intr_get_level () == INTR_OFF);
  ASSERT (cur->status != THREAD_RUNNING);
  ASSERT (is_thread (next));

  if (cur != next)
    prev = switch_threads (cur, next);
  thread_schedule_tail (prev);
}

/* Returns a tid for a new thread. */
static tid_t
allocate_tid (void)
{
  static tid_t next_tid = 1;
  tid_t tid;

  lock_acquire (&tid_lock);
  tid = next_tid++;
  lock_release (&tid_lock);

  return tid;
}
