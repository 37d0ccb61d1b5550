/* The guest kernel's scheduling policy (tier 2 of the scheduling lab):
   which VCPU's run queue a thread that becomes ready joins, and which
   thread a VCPU runs next, including taking work from another VCPU
   when its own queue is empty.  The mechanisms it uses (run queues,
   their locks, the wake-up IPI, the context switch) are in smp.c and
   kthread.c; kthread.c calls these two functions with interrupts off,
   and sends the IPI to a VCPU that ksched_place chose if it is idle. */

#include "hv/guest/kernel.h"

/* LAB sched: guest scheduler */
/* Returns how busy V looks: its queued threads, plus one if it runs a
   thread that is not its idle thread.  Read without V's lock: a hint. */
static unsigned
ksched_load (const struct smp_vcpu *v)
{
  return v->run_cnt + (v->current != NULL && !v->current->is_idle);
}

/* Returns the VCPU that is up and has the least load, the first one
   (from VCPU 0) on a tie. */
static struct smp_vcpu *
ksched_least_loaded (void)
{
  struct smp_vcpu *best = smp_vcpu (0);

  for (unsigned i = 1; i < smp_vcpu_cnt (); i++)
    {
      struct smp_vcpu *v = smp_vcpu (i);
      if (v->up && ksched_load (v) < ksched_load (best))
        best = v;
    }
  return best;
}

/* Returns the VCPU, other than SELF, with the most threads waiting in
   its run queue, or a null pointer if none has any. */
static struct smp_vcpu *
ksched_busiest (const struct smp_vcpu *self)
{
  struct smp_vcpu *busiest = NULL;

  for (unsigned i = 0; i < smp_vcpu_cnt (); i++)
    {
      struct smp_vcpu *v = smp_vcpu (i);
      if (v != self && v->run_cnt > 0
          && (busiest == NULL || v->run_cnt > busiest->run_cnt))
        busiest = v;
    }
  return busiest;
}

/* Returns the run queue thread T joins now that it is ready for reason
   WHY; SELF is the calling VCPU.  A new thread goes to the least
   loaded VCPU; a preempted one stays where it ran (its cache is
   there); a woken one goes home, to the VCPU it last ran on, unless
   home is busy and another VCPU is idle. */
struct smp_vcpu *
ksched_place (struct kthread *t, enum ksched_why why, struct smp_vcpu *self)
{
  if (why == KSCHED_PREEMPTED)
    return self;
  if (why == KSCHED_NEW || t->vcpu < 0)
    return ksched_least_loaded ();

  struct smp_vcpu *home = smp_vcpu (t->vcpu);
  struct smp_vcpu *least = ksched_least_loaded ();
  return ksched_load (home) > 0 && ksched_load (least) == 0 ? least : home;
}

/* Returns the thread SELF runs next, out of its run queue: the first
   in line, or, if its queue is empty, the last in line of the VCPU
   with the most waiting (it waited least, so moving it costs the
   fewest cache misses).  Returns a null pointer if nothing is ready
   anywhere; then the current thread goes on, or the idle thread. */
struct kthread *
ksched_pick_next (struct smp_vcpu *self)
{
  struct kthread *t = smp_rq_take (self, false);
  if (t != NULL)
    return t;

  struct smp_vcpu *victim = ksched_busiest (self);
  if (victim == NULL)
    return NULL;
  t = smp_rq_take (victim, true);
  if (t != NULL)
    self->steals++;
  return t;
}
/* STUB:
struct smp_vcpu *
ksched_place (struct kthread *t UNUSED, enum ksched_why why UNUSED,
              struct smp_vcpu *self UNUSED)
{
  return smp_vcpu (0);
}

struct kthread *
ksched_pick_next (struct smp_vcpu *self)
{
  return smp_rq_take (self, false);
}
*/
/* END LAB */
