/* The ready queue and thread priorities: which ready thread runs
   next, and what follows when a thread's priority changes.

   thread.c puts the threads that become ready into the ready queue
   and takes the next thread to run out of it; this file decides the
   order.  The threads lab makes it a priority queue: the highest
   priority runs first, in turns within a priority.  A thread's
   priority is its own, set with thread_set_priority (), raised by
   donations through the locks it holds (see synch.c); under "-mlfqs"
   threads/mlfqs.c computes it instead.  Whenever a ready thread
   outranks the running one, the running one yields. */

#include "threads/ready.h"
#include <debug.h>
#include <list.h>
#include "threads/interrupt.h"
#include "threads/sched.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* The ready queue: the threads that are ready to run but not
   running.  ready_init () empties it, ready_push (T) adds thread T,
   and ready_pop () removes and returns the thread to run next, or a
   null pointer if no thread is ready.  Interrupts must be off.

   thread_set_priority (P) sets the current thread's own priority to
   P (ignored under the MLFQS scheduler); a thread that is no longer
   the highest-priority ready thread yields at once. */
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
void
ready_init (void)
{
  for (int p = PRI_MIN; p <= PRI_MAX; p++)
    list_init (&ready_lists[p]);
}

/* Adds T at the back of the list of its priority. */
void
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
struct thread *
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

/* Returns the number of threads in the ready queue (the running and
   idle threads are never in it).  Interrupts must be off. */
int
ready_count (void)
{
  return ready_cnt;
}

/* Gives T the priority PRIORITY.  A ready T moves to the back of its
   new priority's list; one whose priority does not change keeps its
   place.  Interrupts must be off. */
void
ready_requeue (struct thread *t, int priority)
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
  int cur_priority = thread_is_idle (cur) ? PRI_NONE : cur->priority;
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
    ready_requeue (t, priority);
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
  ready_requeue (t, donated > t->base_priority ? donated : t->base_priority);
}

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
static struct list ready_list;

void
ready_init (void)
{
  list_init (&ready_list);
}

void
ready_push (struct thread *t)
{
  list_push_back (&ready_list, &t->elem);
}

struct thread *
ready_pop (void)
{
  if (list_empty (&ready_list))
    return NULL;
  return list_entry (list_pop_front (&ready_list), struct thread, elem);
}

void
thread_set_priority (int new_priority)
{
  thread_current ()->priority = new_priority;
}
*/
/* END LAB */

/* Returns the current thread's priority: under the priority
   scheduler, the higher of its own and any donated to it. */
int
thread_get_priority (void)
{
  const struct thread *cur = thread_current ();
  return cur->priority;
}
