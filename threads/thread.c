/* Kernel threads: creating and ending them, blocking and waking them,
   and handing the CPU from one to the next.

   A thread is one page (struct thread in thread.h).  The CPU changes
   hands in exactly one place, thread_switch_away(): the running
   thread says what it becomes (ready, blocked or dying), the ready
   queue (threads/ready.c) names its successor, threads/switch.S swaps
   the stacks, and thread_switch_done() settles the thread that now
   runs.  A thread that has never run starts from a switch frame built
   by thread_spawn(), which "returns" into switch_launch and from
   there into thread_launch().  The timer ends a time slice through
   thread_tick(); under "-mlfqs", threads/mlfqs.c sets priorities.
   What only the scheduler's own files share is in threads/sched.h. */

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
#include "threads/tss.h"
#include "threads/vaddr.h"

/* The value of struct thread's MAGIC in an intact thread ("Ring"). */
#define THREAD_MAGIC 0x52696e67

/* Timer ticks a thread may run before it must let another have a
   turn. */
#define TIME_SLICE 4

_Static_assert (offsetof (struct thread, stack) == SWITCH_THREAD_SP,
                "threads/switch.S finds the saved stack pointer here");
_Static_assert (sizeof (struct thread) <= PGSIZE / 8,
                "struct thread must leave most of its page to the stack");

bool thread_mlfqs;

/* Every thread whose page is allocated, linked by ALLELEM. */
static struct list all_list;

/* The thread that runs when none is ready; never in the ready queue. */
static struct thread *thread_idle;

/* The thread that runs main(): its page was reserved at boot, not by
   palloc, so it is never freed. */
static struct thread *thread_main;

/* A thread that has just exited: the next thread to run frees its
   page, since no thread can free the page its own stack is in. */
static struct thread *thread_reap;

/* Ticks the running thread has had since it was last switched to. */
static unsigned thread_slice_used;

/* Run by every thread as it exits, if set. */
static thread_action_func *thread_exit_hook;

/* What thread_print_stats() reports: where the timer ticks went. */
enum thread_tick_kind
  {
    THREAD_TICKS_IDLE,          /* The idle thread ran. */
    THREAD_TICKS_KERNEL,        /* A thread without user space ran. */
    THREAD_TICKS_USER,          /* A user process's thread ran. */
    THREAD_TICKS_KINDS
  };
static int64_t thread_tick_counts[THREAD_TICKS_KINDS];

static void thread_setup (struct thread *, const char *name, int priority);
static tid_t thread_new_tid (void);
static struct thread *thread_of_stack (void);
static bool thread_valid (const struct thread *);
static struct thread *thread_spawn (const char *name, int priority,
                                    thread_func *body, void *aux);
static void thread_switch_away (enum thread_status);
static void thread_switch_done (void);
static void thread_idle_loop (void *aux);

/* Makes the code running since boot the thread "main".  Its stack is
   already in the page threads/start.S set aside, so only the struct
   thread at the page's low end needs filling in.  Interrupts must be
   off; nothing may call thread_current() before this. */
void
thread_init (void)
{
  list_init (&all_list);
  ready_init ();
  ASSERT (intr_get_level () == INTR_OFF);

  struct thread *t = thread_of_stack ();
  thread_setup (t, "main", PRI_DEFAULT);
  t->status = THREAD_RUNNING;
  thread_main = t;
}

/* Makes the idle thread and turns interrupts on, which lets the timer
   preempt threads.  The idle thread first runs the first time no
   other thread is ready. */
void
thread_start (void)
{
  thread_idle = thread_spawn ("idle", PRI_MIN, thread_idle_loop, NULL);
  if (thread_idle == NULL)
    PANIC ("no page for the idle thread");
  intr_enable ();
}

/* Charges one timer tick to the running thread and asks for a switch
   when its time slice is over.  Called from the timer interrupt, so
   it must be quick and must not sleep. */
void
thread_tick (void)
{
  struct thread *cur = thread_current ();
  enum thread_tick_kind kind = cur == thread_idle ? THREAD_TICKS_IDLE
                               : cur->pagedir != NULL ? THREAD_TICKS_USER
                               : THREAD_TICKS_KERNEL;

  cur->cpu_ticks++;
  thread_tick_counts[kind]++;
  if (thread_mlfqs)
    mlfqs_tick (cur);

  thread_slice_used++;
  if (thread_slice_used >= TIME_SLICE)
    intr_yield_on_return ();
}

/* Starts a kernel thread named NAME, at PRIORITY (ignored by the
   MLFQS scheduler), that calls BODY (AUX) and exits when BODY
   returns.  Returns the new thread's tid, or TID_ERROR when no page
   is free.  The new thread is ready at once: it may run, even end,
   before this returns, and does so right away if it outranks the
   caller.  May switch threads, so not from an interrupt handler. */
tid_t
thread_create (const char *name, int priority, thread_func *body, void *aux)
{
  ASSERT (body != NULL);

  struct thread *t = thread_spawn (name, priority, body, aux);
  if (t == NULL)
    return TID_ERROR;

  tid_t tid = t->tid;           /* T may be gone once it is ready. */
  thread_unblock (t);
/* LAB threads: priority */
  thread_preempt ();
/* END LAB */
  return tid;
}

/* Moves T, which must be blocked, to the ready queue.  Never switches
   threads, even if T outranks the running thread, so a caller that
   turned interrupts off can count on staying on the CPU.  Interrupt
   handlers may call it. */
void
thread_unblock (struct thread *t)
{
  ASSERT (thread_valid (t));

  enum intr_level old_level = intr_disable ();
  ASSERT (t->status == THREAD_BLOCKED);
  t->status = THREAD_READY;
  ready_push (t);
  intr_set_level (old_level);
}

/* Puts the running thread to sleep until thread_unblock() wakes it.
   Interrupts must be off, which the caller needs anyway to record,
   atomically, what the thread waits for (a semaphore in synch.h is
   usually the better tool).  Not from an interrupt handler. */
void
thread_block (void)
{
  ASSERT (intr_get_level () == INTR_OFF);
  ASSERT (!intr_context ());

  thread_switch_away (THREAD_BLOCKED);
}

/* Lets other ready threads run; the running thread stays ready and
   may be the next one chosen.  Not from an interrupt handler (which
   asks with intr_yield_on_return() instead). */
void
thread_yield (void)
{
  ASSERT (!intr_context ());

  enum intr_level old_level = intr_disable ();
  struct thread *cur = thread_current ();
  if (cur == thread_idle)
    thread_switch_away (THREAD_BLOCKED);
  else
    {
      ready_push (cur);
      thread_switch_away (THREAD_READY);
    }
  intr_set_level (old_level);
}

/* Ends the running thread after running the exit hook; does not
   return.  The page is freed by the next thread to run. */
void
thread_exit (void)
{
  struct thread *cur = thread_current ();
  ASSERT (!intr_context ());

  if (thread_exit_hook != NULL)
    thread_exit_hook (cur, NULL);

  intr_disable ();
  list_remove (&cur->allelem);
  thread_reap = cur;
  thread_switch_away (THREAD_DYING);
  NOT_REACHED ();
}

/* Returns the running thread.  Its assertions catch a stack that has
   overflowed into struct thread, or a stack pointer that is not in a
   thread's page at all. */
struct thread *
thread_current (void)
{
  struct thread *cur = thread_of_stack ();
  ASSERT (thread_valid (cur));
  ASSERT (cur->status == THREAD_RUNNING);
  return cur;
}

/* Returns the running thread's tid. */
tid_t
thread_tid (void)
{
  const struct thread *cur = thread_current ();
  return cur->tid;
}

/* Returns the running thread's name. */
const char *
thread_name (void)
{
  const struct thread *cur = thread_current ();
  return cur->name;
}

/* Returns how many timer ticks the running thread has been charged
   since it was created. */
int64_t
thread_cpu_ticks (void)
{
  enum intr_level old_level = intr_disable ();
  int64_t ticks = thread_current ()->cpu_ticks;
  intr_set_level (old_level);
  return ticks;
}

/* Returns true if T is the idle thread, which the scheduler leaves out
   of priorities and load figures: it is never in the ready queue and
   runs only when that is empty.  False for every thread before
   thread_start(). */
bool
thread_is_idle (const struct thread *t)
{
  return t == thread_idle;
}

/* Calls ACTION (T, AUX) once for each thread T that has not exited.
   Interrupts must be off, so that the set of threads holds still. */
void
thread_foreach (thread_action_func *action, void *aux)
{
  ASSERT (intr_get_level () == INTR_OFF);

  struct list_elem *e = list_begin (&all_list);
  while (e != list_end (&all_list))
    {
      struct thread *t = list_entry (e, struct thread, allelem);
      e = list_next (e);
      action (t, aux);
    }
}

/* Makes HOOK run in each thread that exits, before it dies: the way a
   higher layer (user processes) cleans up after its threads without
   threads/ knowing about it. */
void
thread_set_exit_hook (thread_action_func *hook)
{
  thread_exit_hook = hook;
}

/* Prints where the timer ticks have gone since boot. */
void
thread_print_stats (void)
{
  const int64_t *n = thread_tick_counts;

  printf ("Thread: %lld idle ticks, %lld kernel ticks, %lld user ticks\n",
          n[THREAD_TICKS_IDLE], n[THREAD_TICKS_KERNEL], n[THREAD_TICKS_USER]);
}

/* Gives T, a thread's page, the state of a new blocked thread named
   NAME at PRIORITY, and adds it to the list of all threads.  The stack
   stays empty. */
static void
thread_setup (struct thread *t, const char *name, int priority)
{
  ASSERT (t != NULL && name != NULL);
  ASSERT (priority >= PRI_MIN && priority <= PRI_MAX);

  *t = (struct thread) {
    .stack = (uint8_t *) t + PGSIZE,
    .status = THREAD_BLOCKED,
    .priority = priority,
    .magic = THREAD_MAGIC,
  };
  strlcpy (t->name, name, sizeof t->name);
  t->tid = thread_new_tid ();
/* LAB threads: priority */
  t->base_priority = priority;
  list_init (&t->held_locks);
/* END LAB */
  if (thread_mlfqs)
    mlfqs_init_thread (t, thread_of_stack ());

  enum intr_level old_level = intr_disable ();
  list_push_back (&all_list, &t->allelem);
  intr_set_level (old_level);
}

/* Returns a tid no thread has had before. */
static tid_t
thread_new_tid (void)
{
  static tid_t last_tid;

  enum intr_level old_level = intr_disable ();
  tid_t tid = ++last_tid;
  intr_set_level (old_level);
  return tid;
}

/* Returns the thread whose page holds the stack this code runs on:
   the page of the current stack frame. */
static struct thread *
thread_of_stack (void)
{
  return pg_round_down (__builtin_frame_address (0));
}

/* Returns true if T looks like an intact thread. */
static bool
thread_valid (const struct thread *t)
{
  return t != NULL && t->magic == THREAD_MAGIC;
}

/* Allocates a page for a new thread named NAME at PRIORITY and sets it
   up, blocked, so that its first turn on the CPU calls BODY (AUX).
   Returns the thread, or NULL if no page is free. */
static struct thread *
thread_spawn (const char *name, int priority, thread_func *body, void *aux)
{
  struct thread *t = palloc_get_page (PAL_ZERO);
  if (t == NULL)
    return NULL;
  thread_setup (t, name, priority);

  /* The switch frame switch_threads() will resume T from, at the top
     of the stack: it returns into switch_launch, which hands EBX and
     ESI to thread_launch().  EBP 0 ends backtraces there. */
  struct switch_frame *frame = (struct switch_frame *) t->stack - 1;
  *frame = (struct switch_frame) {
    .ebx = (uint32_t) body,
    .esi = (uint32_t) aux,
    .ebp = 0,
    .eip = switch_launch,
  };
  t->stack = (uint8_t *) frame;
  return t;
}

/* Where a new thread begins, called by switch_launch with interrupts
   off: finishes the switch into the thread, then runs BODY (AUX)
   with interrupts on and exits when it returns. */
void
thread_launch (thread_func *body, void *aux)
{
  thread_switch_done ();
  intr_enable ();
  body (aux);
  thread_exit ();
}

/* Takes the CPU away from the running thread, which becomes STATUS,
   and gives it to the first thread of the ready queue, or to the idle
   thread if none is ready.  The caller has already filed the running
   thread wherever STATUS implies (the ready queue, a list of
   waiters).  Returns when the running thread is next chosen, unless
   it is dying.  Interrupts must be off. */
static void
thread_switch_away (enum thread_status status)
{
  struct thread *cur = thread_of_stack ();
  ASSERT (intr_get_level () == INTR_OFF);
  ASSERT (cur->status == THREAD_RUNNING && status != THREAD_RUNNING);

  cur->status = status;
  struct thread *next = ready_pop ();
  if (next == NULL)
    next = thread_idle;
  ASSERT (thread_valid (next));

  if (next != cur)
    switch_threads (cur, next);
  thread_switch_done ();
}

/* The second half of a switch, run by the thread that has just been
   given the CPU: marks it running with a fresh time slice, loads its
   address space and the kernel stack the CPU uses on entry from user
   mode, and frees the page of a thread that exited.  Interrupts must
   be off. */
static void
thread_switch_done (void)
{
  struct thread *cur = thread_of_stack ();
  ASSERT (intr_get_level () == INTR_OFF);

  cur->status = THREAD_RUNNING;
  thread_slice_used = 0;
  pagedir_activate (cur->pagedir);
  tss_update ((uint8_t *) cur + PGSIZE);

  struct thread *dead = thread_reap;
  thread_reap = NULL;
  if (dead != NULL && dead != thread_main)
    {
      ASSERT (dead != cur);
      palloc_free_page (dead);
    }
}

/* The idle thread's body.  Each time round, it offers the CPU to any
   ready thread; when it gets the CPU back, nothing is ready, so it
   halts until the next interrupt. */
static void
thread_idle_loop (void *aux UNUSED)
{
  for (;;)
    {
      intr_disable ();
      thread_switch_away (THREAD_BLOCKED);

      /* `sti' enables interrupts only after the instruction that
         follows it, so none can arrive between the two and leave the
         CPU halted while a thread is ready.  A halted CPU also lets
         QEMU's -icount mode jump ahead to the next timer interrupt,
         which keeps idle tests fast. */
      asm volatile ("sti; hlt" : : : "memory");
    }
}
