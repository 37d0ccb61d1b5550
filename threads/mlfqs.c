/* The 4.4BSD-style scheduler that "-mlfqs" on the kernel command
   line selects (thread_mlfqs).  It owns the system load average and
   each thread's niceness and recent_cpu, and from them it sets every
   thread's priority; the ready queue (threads/ready.c) then runs the
   threads by priority as it always does.  thread.c calls in twice:
   mlfqs_init_thread () for each new thread and mlfqs_tick () at each
   timer tick.  Threads set their niceness and read the statistics
   with thread_set_nice () and the other functions at the end.

   Each thread's priority follows from its niceness and its recent
   CPU use:
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

#include "threads/mlfqs.h"
#include <debug.h>
#include "devices/timer.h"
#include "threads/fixed-point.h"
#include "threads/interrupt.h"
#include "threads/ready.h"
#include "threads/sched.h"
#include "threads/thread.h"

/* mlfqs_init_thread (T, CREATOR) gives T, a new thread, the niceness
   and recent_cpu of CREATOR, the running thread, and the priority
   they make.  CREATOR is T itself only for the first thread, which
   nobody creates and which keeps the zeros it starts with.

   mlfqs_tick (CUR) is the MLFQS part of a timer tick, with CUR the
   running thread: charges the tick to CUR, and updates what is due
   at this tick.  Runs in the timer interrupt.

   Niceness of the current thread, and the load average:
   thread_set_nice (N) sets the current thread's niceness to N,
   clamped to NICE_MIN..NICE_MAX, and thread_get_nice () returns it.
   thread_get_load_avg () and thread_get_recent_cpu () return 100
   times the system load average and the current thread's recent_cpu,
   rounded to the nearest integer. */
/* LAB threads: mlfqs */
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

/* Gives T the niceness and recent_cpu of CREATOR, unless T is the
   first thread, and the priority they make. */
void
mlfqs_init_thread (struct thread *t, const struct thread *creator)
{
  if (creator != t)
    {
      t->nice = creator->nice;
      t->recent_cpu = creator->recent_cpu;
    }
  t->priority = mlfqs_priority (t);
}

/* thread_foreach () action: recomputes T's priority. */
static void
mlfqs_update_priority (struct thread *t, void *aux UNUSED)
{
  if (!thread_is_idle (t))
    ready_requeue (t, mlfqs_priority (t));
}

/* thread_foreach () action: decays T's recent_cpu by the factor
   *DECAY (a struct fixed_point) and adds its niceness. */
static void
mlfqs_decay_recent_cpu (struct thread *t, void *decay)
{
  if (!thread_is_idle (t))
    t->recent_cpu = fp_add_int (fp_mul (*(struct fixed_point *) decay,
                                        t->recent_cpu), t->nice);
}

/* The once-a-second update: the load average, then every thread's
   recent_cpu. */
static void
mlfqs_update_second (void)
{
  int ready_threads = ready_count () + !thread_is_idle (thread_current ());
  load_avg = fp_add (fp_mul (fp_ratio (59, 60), load_avg),
                     fp_ratio (ready_threads, 60));

  struct fixed_point twice_load = fp_mul_int (load_avg, 2);
  struct fixed_point decay = fp_div (twice_load, fp_add_int (twice_load, 1));
  thread_foreach (mlfqs_decay_recent_cpu, &decay);
}

/* Charges the tick to CUR; once a second updates the load average
   and recent_cpu, and every MLFQS_PRIORITY_PERIOD ticks the
   priorities, then preempts CUR if it is outranked. */
void
mlfqs_tick (struct thread *cur)
{
  int64_t now = timer_ticks ();

  if (!thread_is_idle (cur))
    cur->recent_cpu = fp_add_int (cur->recent_cpu, 1);
  if (now % TIMER_FREQ == 0)
    mlfqs_update_second ();
  if (now % MLFQS_PRIORITY_PERIOD == 0)
    {
      thread_foreach (mlfqs_update_priority, NULL);
      thread_preempt ();
    }
}

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
mlfqs_init_thread (struct thread *t UNUSED,
                   const struct thread *creator UNUSED)
{
}

void
mlfqs_tick (struct thread *cur UNUSED)
{
}

int
thread_get_recent_cpu (void)
{
  return 0;
}

int
thread_get_load_avg (void)
{
  return 0;
}

int
thread_get_nice (void)
{
  return NICE_DEFAULT;
}

void
thread_set_nice (int nice UNUSED)
{
}
*/
/* END LAB */
