/* Kernel threads and the scheduler.

   Every thread lives in one page (see struct thread in thread.h).
   The scheduler picks the next thread to run from the ready queue
   whenever the running thread blocks, yields or exits, and the timer
   interrupt ends a thread's time slice after TIME_SLICE ticks.  The
   threads lab makes it a priority scheduler (priorities set by
   threads, raised by donation through locks, see synch.c) and adds
   the 4.4BSD-style scheduler that "-mlfqs" selects. */

#include "threads/thread.h"
#include <debug.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "devices/timer.h"
#include "threads/fixed-point.h"
#include "threads/interrupt.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
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
/* LAB threads: mlfqs */
static void mlfqs_init_thread (struct thread *);
static void mlfqs_tick (struct thread *);
/* END LAB */

/* The ready queue: the threads that are ready to run but not
   running.  ready_init () empties it, ready_push (T) adds thread T,
   and ready_pop () removes and returns the thread to run next, or a
   null pointer if no thread is ready.  Interrupts must be off. */
/* LAB threads: priority */
/* One FIFO list per priority, and a bitmap with a bit per list that
   is set while the list is not empty, so the highest priority with a
   ready thread takes a few instructions to find. */
static struct list ready_lists[PRI_MAX + 1];
static uint32_t ready_bits[(PRI_MAX + 32) / 32];
static int ready_cnt;                   /* Threads in the ready lists. */
_Static_assert (PRI_MIN == 0, "ready_lists is indexed by priority");

/* What ready_top_priority () returns when no thread is ready: lower
   than any priority. */
#define PRI_NONE (PRI_MIN - 1)

/* Empties the ready queue. */
static void
ready_init (void)
{
  for (int p = PRI_MIN; p <= PRI_MAX; p++)
    list_init (&ready_lists[p]);
}

/* Adds T at the back of the list of its priority. */
static void
ready_push (struct thread *t)
{
  list_push_back (&ready_lists[t->priority], &t->elem);
  ready_bits[t->priority / 32] |= 1u << t->priority % 32;
  ready_cnt++;
}

/* Takes T, which is ready, out of the ready queue. */
static void
ready_remove (struct thread *t)
{
  list_remove (&t->elem);
  if (list_empty (&ready_lists[t->priority]))
    ready_bits[t->priority / 32] &= ~(1u << t->priority % 32);
  ready_cnt--;
}

/* Returns the highest priority of a ready thread, or PRI_NONE. */
static int
ready_top_priority (void)
{
  for (int w = sizeof ready_bits / sizeof *ready_bits - 1; w >= 0; w--)
    if (ready_bits[w] != 0)
      return w * 32 + 31 - __builtin_clz (ready_bits[w]);
  return PRI_NONE;
}

/* Removes and returns the thread that has waited longest among those
   of the highest priority, or a null pointer. */
static struct thread *
ready_pop (void)
{
  int p = ready_top_priority ();
  if (p == PRI_NONE)
    return NULL;

  struct thread *t = list_entry (list_front (&ready_lists[p]),
                                 struct thread, elem);
  ready_remove (t);
  return t;
}

/* Gives T the priority PRIORITY.  A ready T moves to the back of its
   new priority's list; one whose priority does not change keeps its
   place.  Interrupts must be off. */
static void
thread_requeue (struct thread *t, int priority)
{
  if (t->priority == priority)
    return;
  if (t->status == THREAD_READY)
    {
      ready_remove (t);
      t->priority = priority;
      ready_push (t);
    }
  else
    t->priority = priority;
}

/* Yields the CPU if a ready thread has a higher priority than the
   running one; in an interrupt handler, asks for the yield on return
   instead.  Interrupts may be on or off.  Called wherever a thread
   may have become outranked: a thread created or woken, a priority
   lowered. */
void
thread_preempt (void)
{
  enum intr_level old_level = intr_disable ();
  struct thread *cur = thread_current ();
  int cur_priority = cur == idle_thread ? PRI_NONE : cur->priority;
  bool outranked = ready_top_priority () > cur_priority;
  intr_set_level (old_level);

  if (!outranked)
    return;
  if (intr_context ())
    intr_yield_on_return ();
  else
    thread_yield ();
}

/* Raises T's priority to PRIORITY, a donation from a thread waiting
   for a lock T holds, if that is higher.  Interrupts must be off. */
void
thread_donate_priority (struct thread *t, int priority)
{
  ASSERT (intr_get_level () == INTR_OFF);

  if (priority > t->priority)
    thread_requeue (t, priority);
}

/* Recomputes T's priority as the higher of its own priority and the
   highest donated to it through the locks it holds: what T's priority
   falls back to when a donation ends.  Interrupts must be off.  The
   MLFQS scheduler does not donate. */
void
thread_refresh_priority (struct thread *t)
{
  ASSERT (intr_get_level () == INTR_OFF);

  if (thread_mlfqs)
    return;
  int donated = lock_donated_priority (t);
  thread_requeue (t, donated > t->base_priority ? donated : t->base_priority);
}
/* STUB:
static struct list ready_list;

static void
ready_init (void)
{
  list_init (&ready_list);
}

static void
ready_push (struct thread *t)
{
  list_push_back (&ready_list, &t->elem);
}

static struct thread *
ready_pop (void)
{
  if (list_empty (&ready_list))
    return NULL;
  return list_entry (list_pop_front (&ready_list), struct thread, elem);
}
*/
/* END LAB */

/* LAB threads: mlfqs */
/* The 4.4BSD-style scheduler.  Each thread's priority follows from
   its niceness and its recent CPU use:
       priority = PRI_MAX - recent_cpu / 4 - 2 * nice
   truncated and kept within PRI_MIN..PRI_MAX, recomputed for every
   thread each MLFQS_PRIORITY_PERIOD ticks.  recent_cpu grows by one
   each tick its thread runs, and decays once a second, together with
   the system load average:
       load_avg = (59/60) * load_avg + (1/60) * ready_threads
       recent_cpu = (2 * load_avg) / (2 * load_avg + 1) * recent_cpu + nice
   where ready_threads counts the running and ready threads, idle
   aside.  So a thread that runs loses priority, one that waits
   regains it, and niceness shifts the balance. */

/* Ticks between two priority recomputations. */
#define MLFQS_PRIORITY_PERIOD 4

/* The system load average. */
static struct fixed_point load_avg;

/* Returns VALUE, or LOW or HIGH if it is outside LOW..HIGH. */
static int
mlfqs_clamp (int value, int low, int high)
{
  return value < low ? low : value > high ? high : value;
}

/* Returns T's priority by the formula above. */
static int
mlfqs_priority (const struct thread *t)
{
  struct fixed_point p = fp_sub (fp_from_int (PRI_MAX - 2 * t->nice),
                                 fp_div_int (t->recent_cpu, 4));
  return mlfqs_clamp (fp_trunc (p), PRI_MIN, PRI_MAX);
}

/* Gives T, a new thread, the niceness and recent_cpu of the thread
   creating it, and the priority they make.  (The first thread, which
   is not created by another, keeps the zeros it starts with.) */
static void
mlfqs_init_thread (struct thread *t)
{
  struct thread *parent = running_thread ();

  if (parent != t)
    {
      t->nice = parent->nice;
      t->recent_cpu = parent->recent_cpu;
    }
  t->priority = mlfqs_priority (t);
}

/* thread_foreach () action: recomputes T's priority. */
static void
mlfqs_update_priority (struct thread *t, void *aux UNUSED)
{
  if (t != idle_thread)
    thread_requeue (t, mlfqs_priority (t));
}

/* thread_foreach () action: decays T's recent_cpu by the factor
   *DECAY (a struct fixed_point) and adds its niceness. */
static void
mlfqs_decay_recent_cpu (struct thread *t, void *decay)
{
  if (t != idle_thread)
    t->recent_cpu = fp_add_int (fp_mul (*(struct fixed_point *) decay,
                                        t->recent_cpu), t->nice);
}

/* The once-a-second update: the load average, then every thread's
   recent_cpu. */
static void
mlfqs_update_second (void)
{
  int ready_threads = ready_cnt + (thread_current () != idle_thread);
  load_avg = fp_add (fp_mul (fp_ratio (59, 60), load_avg),
                     fp_ratio (ready_threads, 60));

  struct fixed_point twice_load = fp_mul_int (load_avg, 2);
  struct fixed_point decay = fp_div (twice_load, fp_add_int (twice_load, 1));
  thread_foreach (mlfqs_decay_recent_cpu, &decay);
}

/* The MLFQS part of a timer tick, with CUR the running thread: charges
   the tick to CUR, and updates what is due at this tick.  Runs in the
   timer interrupt. */
static void
mlfqs_tick (struct thread *cur)
{
  int64_t now = timer_ticks ();

  if (cur != idle_thread)
    cur->recent_cpu = fp_add_int (cur->recent_cpu, 1);
  if (now % TIMER_FREQ == 0)
    mlfqs_update_second ();
  if (now % MLFQS_PRIORITY_PERIOD == 0)
    {
      thread_foreach (mlfqs_update_priority, NULL);
      thread_preempt ();
    }
}
/* END LAB */

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
/* LAB threads: mlfqs */
  if (thread_mlfqs)
    mlfqs_tick (t);
/* END LAB */

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

/* Returns the current thread's priority: under the priority
   scheduler, the higher of its own and any donated to it. */
int
thread_get_priority (void)
{
  return thread_current ()->priority;
}

/* Priority and niceness of the current thread, and the load average.
   thread_set_priority (P) sets the current thread's own priority to P
   (ignored under the MLFQS scheduler); a thread that is no longer the
   highest-priority ready thread yields at once.
   thread_set_nice (N) sets its niceness to N, clamped to NICE_MIN..
   NICE_MAX, and thread_get_nice () returns it.
   thread_get_load_avg () and thread_get_recent_cpu () return 100
   times the system load average and the current thread's recent_cpu,
   rounded to the nearest integer. */
/* LAB threads: priority */
/* Sets the current thread's own priority; it runs at the higher of
   that and its donations. */
void
thread_set_priority (int new_priority)
{
  ASSERT (PRI_MIN <= new_priority && new_priority <= PRI_MAX);

  if (thread_mlfqs)
    return;
  enum intr_level old_level = intr_disable ();
  struct thread *cur = thread_current ();
  cur->base_priority = new_priority;
  thread_refresh_priority (cur);
  intr_set_level (old_level);
  thread_preempt ();
}
/* STUB:
void
thread_set_priority (int new_priority)
{
  thread_current ()->priority = new_priority;
}
*/
/* END LAB */

/* LAB threads: mlfqs */
/* Sets the niceness; the MLFQS scheduler recomputes the priority at
   once. */
void
thread_set_nice (int nice)
{
  enum intr_level old_level = intr_disable ();
  struct thread *cur = thread_current ();
  cur->nice = mlfqs_clamp (nice, NICE_MIN, NICE_MAX);
  if (thread_mlfqs)
    cur->priority = mlfqs_priority (cur);
  intr_set_level (old_level);
  thread_preempt ();
}

/* Returns the niceness. */
int
thread_get_nice (void)
{
  return thread_current ()->nice;
}

/* Returns 100 times the load average, rounded.  The timer interrupt
   updates it, so it is read with interrupts off. */
int
thread_get_load_avg (void)
{
  enum intr_level old_level = intr_disable ();
  int load = fp_round (fp_mul_int (load_avg, 100));
  intr_set_level (old_level);
  return load;
}

/* Returns 100 times recent_cpu, rounded; read like the load average. */
int
thread_get_recent_cpu (void)
{
  enum intr_level old_level = intr_disable ();
  int recent = fp_round (fp_mul_int (thread_current ()->recent_cpu, 100));
  intr_set_level (old_level);
  return recent;
}
/* STUB:
void
thread_set_nice (int nice UNUSED)
{
}

int
thread_get_nice (void)
{
  return 0;
}

int
thread_get_load_avg (void)
{
  return 0;
}

int
thread_get_recent_cpu (void)
{
  return 0;
}
*/
/* END LAB */

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
/* LAB threads: mlfqs */
  if (thread_mlfqs)
    mlfqs_init_thread (t);
/* END LAB */

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
