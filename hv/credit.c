/* The credit scheduler's policy (tier 3 of the scheduling lab): how
   each VCPU is charged for the time it runs, how credit is handed out
   to VMs by weight every accounting period, how a VM's cap holds it
   back, and which VCPU runs next.  The mechanism that calls these
   functions -- the loop, VCPU states, statistics -- is hv/vsched.c;
   docs/sched.md explains the design.

   In short, after Xen's credit scheduler:
   - Every VSCHED_PERIOD_TICKS, the TSC cycles of the period on every
     CPU that active VCPUs may use are shared among the active VMs in
     proportion to their weights (no VM getting more than it can use:
     a CPU per active VCPU at most), and each VM's share among its
     active VCPUs.
   - A VCPU pays for every cycle it spends in guest mode, measured by
     the TSC at entry and exit, whenever it exits: it cannot escape by
     yielding just before the tick, as it could if time were charged
     by sampling who runs at each tick.
   - Priorities: BOOST (woke from a halt with credit left, until it has
     run one tick's worth), UNDER (credit >= 0), OVER (credit < 0).  A
     CPU runs the first VCPU of its best non-empty queue; a VCPU in a
     better queue preempts the running one at its next exit, and after
     VSCHED_SLICE_TICKS a VCPU gives way to any other that waits.
   - A cap (percent of one CPU) parks a VM's VCPUs once it has used its
     allowance for the period, until accounting gives it more, even if
     the CPU then idles.  What it ran beyond the allowance is carried
     into the next period, so over time it gets exactly its cap.

   Several CPUs: each has its own run queues; credit_place puts a
   starting or waking VCPU on a CPU, and credit_steal lets an idle CPU,
   or one left with only VCPUs over their credit, take a better one
   from another CPU's queue (docs/sched.md, "Several physical CPUs").

   Every function runs with the scheduler's lock held (hv/vsched.c),
   on whichever CPU calls it: nothing here may sleep, allocate or
   print. */

#include "hv/hv.h"

/* LAB sched: credit scheduler */
/* Bounds of a VCPU's credit.  It never falls below minus one period
   of a whole CPU, so a VM that ran alone for a long time does not
   starve once others wake; it never rises above CREDIT_MAX_SHARES
   periods' worth of its share, so a VCPU that waited while UNDER
   keeps what it earned for a while (with one period's worth, measured
   shares of weights 1:2:4 came out up to 1.3 points off; with two,
   within 0.3), but one that sleeps cannot hoard. */
#define CREDIT_MIN_PERIODS 1
#define CREDIT_MAX_SHARES 2

/* Returns the cycles of one CPU in one accounting period. */
static int64_t
credit_period_cycles (void)
{
  return VSCHED_PERIOD_TICKS * (int64_t) vsched_cycles_per_tick ();
}

/* Returns the cycles of one period that VM's cap allows it. */
static int64_t
credit_cap_allowance (const struct vm *vm)
{
  return credit_period_cycles () * vm->sched.cap / 100;
}

/* Returns the priority VCPU's credit gives it (boost aside). */
static enum vsched_prio
credit_prio (const struct vcpu *vcpu)
{
  return vcpu->sched.credit >= 0 ? PRIO_UNDER : PRIO_OVER;
}

/* Sets up VM's and its VCPUs' scheduling state as it starts: no
   credit yet, all UNDER, not parked.  Its weight and cap are set. */
void
credit_init_vm (struct vm *vm)
{
  vm->sched.cap_used = 0;
  vm->sched.parked = false;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vsched_vcpu *s = &vm->vcpus[i].sched;
      s->prio = PRIO_UNDER;
      s->credit = 0;
      s->parked = false;
    }
}

/* Puts VCPU, now runnable, at the end of P's queue for its priority,
   or parks it if its VM is over its cap. */
void
credit_enqueue (struct vsched_pcpu *p, struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  if (vcpu->vm->sched.parked)
    s->parked = true;
  else
    list_push_back (&p->runq[s->prio], &s->elem);
}

/* Takes VCPU, runnable, out of P's run queue (or out of parking). */
void
credit_dequeue (struct vsched_pcpu *p UNUSED, struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  if (s->parked)
    s->parked = false;
  else
    list_remove (&s->elem);
}

/* Returns the VCPU P should run next, taken out of its queue: the
   first of the best non-empty queue; null if all are empty.  Time
   does not depend on the number of runnable VCPUs. */
struct vcpu *
credit_pick (struct vsched_pcpu *p)
{
  for (int prio = 0; prio < PRIO_CNT; prio++)
    if (!list_empty (&p->runq[prio]))
      {
        struct list_elem *e = list_pop_front (&p->runq[prio]);
        return list_entry (e, struct vcpu, sched.elem);
      }
  return NULL;
}

/* Parks every runnable VCPU of VM, which used up its cap. */
static void
credit_park (struct vm *vm)
{
  vm->sched.parked = true;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vsched_vcpu *s = &vm->vcpus[i].sched;
      if (s->state == VCPU_RUNNABLE && !s->parked)
        {
          list_remove (&s->elem);
          s->parked = true;
        }
    }
}

/* Charges VCPU, which just ran CYCLES in guest mode on P: takes them
   from its credit, ends its boost once it has run a tick's worth, and
   counts them against its VM's cap. */
void
credit_charge (struct vsched_pcpu *p UNUSED, struct vcpu *vcpu,
               uint64_t cycles)
{
  struct vsched_vcpu *s = &vcpu->sched;
  struct vsched_vm *vs = &vcpu->vm->sched;

  s->credit -= cycles;
  if (s->prio == PRIO_BOOST)
    {
      s->boost_left -= cycles;
      if (s->boost_left <= 0)
        s->prio = credit_prio (vcpu);
    }
  else
    s->prio = credit_prio (vcpu);

  if (vs->cap != 0 && !vs->parked)
    {
      vs->cap_used += cycles;
      if (vs->cap_used >= credit_cap_allowance (vcpu->vm))
        credit_park (vcpu->vm);
    }
}

/* Returns true if VCPU, running on P, must give the CPU up now (at
   tick TICK): its VM is parked, a directed yield is pending, a VCPU
   of a better priority waits, or its slice is over and any VCPU
   waits. */
bool
credit_should_preempt (struct vsched_pcpu *p, struct vcpu *vcpu, int64_t tick)
{
  const struct vsched_vcpu *s = &vcpu->sched;
  if (vcpu->vm->sched.parked || p->yield_to != NULL)
    return true;
  for (int prio = 0; prio < PRIO_CNT; prio++)
    if (!list_empty (&p->runq[prio]))
      return prio < (int) s->prio || tick - s->slice_start >= VSCHED_SLICE_TICKS;
  return false;
}

/* VCPU woke from a halt: boosted for a tick's worth of running if it
   has credit left, so that it preempts VCPUs that are only UNDER. */
void
credit_wake (struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  s->prio = credit_prio (vcpu);
  if (s->prio == PRIO_UNDER)
    {
      s->prio = PRIO_BOOST;
      s->boost_left = vsched_cycles_per_tick ();
    }
}

/* Returns true if VCPU takes part in this period's accounting: it is
   runnable or running, or it ran since the last accounting.  A VCPU
   halted all period, or down, gets no credit and needs none. */
static bool
credit_active (const struct vcpu *vcpu)
{
  const struct vsched_vcpu *s = &vcpu->sched;
  return (s->state == VCPU_RUNNABLE || s->state == VCPU_RUNNING
          || s->run_cycles != s->run_mark);
}

/* Returns how many of VM's VCPUs are active (credit_active). */
static unsigned
credit_active_vcpus (const struct vm *vm)
{
  unsigned n = 0;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    n += credit_active (&vm->vcpus[i]);
  return n;
}

/* Gives VCPU SHARE cycles of credit, within the bounds above, and
   moves it to the queue of its CPU that its new credit puts it in. */
static void
credit_give (struct vcpu *vcpu, int64_t share)
{
  struct vsched_vcpu *s = &vcpu->sched;
  int64_t min = -CREDIT_MIN_PERIODS * credit_period_cycles ();

  s->credit += share;
  if (s->credit > CREDIT_MAX_SHARES * share)
    s->credit = CREDIT_MAX_SHARES * share;
  if (s->credit < min)
    s->credit = min;
  if (s->prio != PRIO_BOOST && s->prio != credit_prio (vcpu))
    {
      bool queued = s->state == VCPU_RUNNABLE && !s->parked;
      if (queued)
        list_remove (&s->elem);
      s->prio = credit_prio (vcpu);
      if (queued)
        list_push_back (&s->pcpu->runq[s->prio], &s->elem);
    }
}

/* Starts VM's new cap period: what it ran beyond the last allowance
   counts against this one, and it is unparked if it has some left. */
static void
credit_renew_cap (struct vm *vm)
{
  struct vsched_vm *vs = &vm->sched;
  int64_t allowance = credit_cap_allowance (vm);

  vs->cap_used = vs->cap != 0 && vs->cap_used > allowance
                 ? vs->cap_used - allowance : 0;
  if (!vs->parked || (vs->cap != 0 && vs->cap_used >= allowance))
    return;
  vs->parked = false;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vsched_vcpu *s = &vm->vcpus[i].sched;
      if (s->parked)
        {
          s->parked = false;
          list_push_back (&s->pcpu->runq[s->prio], &s->elem);
        }
    }
}

/* Returns the number of bits set in SET. */
static unsigned
credit_count_cpus (uint32_t set)
{
  unsigned n = 0;
  for (; set != 0; set &= set - 1)
    n++;
  return n;
}

/* Returns the set of the PCPU_CNT CPUs (bit N: cpu N) that VM's
   active VCPUs may run on: all of them, unless every active VCPU is
   pinned. */
static uint32_t
credit_vm_cpus (const struct vm *vm, unsigned pcpu_cnt)
{
  uint32_t cpus = 0;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    if (credit_active (&vm->vcpus[i]))
      cpus |= (vm->vcpus[i].sched.pin < 0 ? (1u << pcpu_cnt) - 1
               : 1u << vm->vcpus[i].sched.pin);
  return cpus;
}

/* Returns the most of a period's cycles VM can use on PCPU_CNT CPUs:
   one CPU's worth per active VCPU (a VCPU runs on one CPU at a time)
   and per CPU they may run on, and no more than its cap allows. */
static int64_t
credit_vm_limit (const struct vm *vm, unsigned pcpu_cnt)
{
  unsigned vcpus = credit_active_vcpus (vm);
  unsigned cpus = credit_count_cpus (credit_vm_cpus (vm, pcpu_cnt));
  int64_t limit = (vcpus < cpus ? vcpus : cpus) * credit_period_cycles ();
  if (vm->sched.cap != 0 && credit_cap_allowance (vm) < limit)
    limit = credit_cap_allowance (vm);
  return limit;
}

/* Decides each active VM's share of the period (its SHARE field):
   the period of the CPUs that active VCPUs may run on, split by
   weight, except that a VM whose part by weight would exceed what it
   can use (credit_vm_limit: its cap, or a whole CPU for each of its
   active VCPUs and each CPU they may use) gets only that, and the
   rest is split among the others by weight, as if it were not there.
   Repeats until no more VMs reach their limits (at most once per
   VM).  With every VCPU pinned to one CPU, this is one CPU's
   accounting. */
static void
credit_split (unsigned pcpu_cnt, struct list *vms)
{
  uint32_t usable = 0;
  uint64_t weight_left = 0;
  struct list_elem *e;

  for (e = list_begin (vms); e != list_end (vms); e = list_next (e))
    {
      struct vm *vm = list_entry (e, struct vm, sched.elem);
      vm->sched.at_cap = false;
      vm->sched.share = 0;
      usable |= credit_vm_cpus (vm, pcpu_cnt);
      if (credit_active_vcpus (vm) > 0)
        weight_left += vm->sched.weight;
    }
  int64_t left = credit_count_cpus (usable) * credit_period_cycles ();
  for (bool changed = true; changed && weight_left > 0; )
    {
      changed = false;
      for (e = list_begin (vms); e != list_end (vms); e = list_next (e))
        {
          struct vm *vm = list_entry (e, struct vm, sched.elem);
          struct vsched_vm *vs = &vm->sched;
          if (vs->at_cap || credit_active_vcpus (vm) == 0
              || (uint64_t) left * vs->weight / weight_left
                 <= (uint64_t) credit_vm_limit (vm, pcpu_cnt))
            continue;
          vs->at_cap = changed = true;
          vs->share = credit_vm_limit (vm, pcpu_cnt);
          left -= vs->share;
          weight_left -= vs->weight;
        }
    }
  for (e = list_begin (vms); e != list_end (vms); e = list_next (e))
    {
      struct vm *vm = list_entry (e, struct vm, sched.elem);
      if (!vm->sched.at_cap && credit_active_vcpus (vm) > 0)
        vm->sched.share = (uint64_t) left * vm->sched.weight / weight_left;
    }
}

/* The accounting at the end of each period: shares the period of all
   PCPU_CNT CPUs among the active VMs on list VMS (credit_split), and
   each VM's share equally among its active VCPUs; renews caps. */
void
credit_account (struct vsched_pcpu *pcpus[] UNUSED, unsigned pcpu_cnt,
                struct list *vms)
{
  credit_split (pcpu_cnt, vms);
  for (struct list_elem *e = list_begin (vms); e != list_end (vms);
       e = list_next (e))
    {
      struct vm *vm = list_entry (e, struct vm, sched.elem);
      unsigned active = credit_active_vcpus (vm);
      for (unsigned i = 0; i < vm->vcpu_cnt; i++)
        if (credit_active (&vm->vcpus[i]))
          credit_give (&vm->vcpus[i], (uint64_t) vm->sched.share / active);
      for (unsigned i = 0; i < vm->vcpu_cnt; i++)
        vm->vcpus[i].sched.run_mark = vm->vcpus[i].sched.run_cycles;
      credit_renew_cap (vm);
    }
}

/* Returns the best priority among P's runnable VCPUs (or its running
   one), PRIO_CNT if it has none: how soon a VCPU of a better priority
   would run there. */
static int
credit_cpu_prio (struct vsched_pcpu *p)
{
  int best = p->current != NULL ? (int) p->current->sched.prio : PRIO_CNT;
  for (int prio = 0; prio < best; prio++)
    if (!list_empty (&p->runq[prio]))
      return prio;
  return best;
}

/* Returns the number of VCPUs P runs or has waiting. */
static unsigned
credit_cpu_load (struct vsched_pcpu *p)
{
  unsigned load = p->current != NULL;
  for (int prio = 0; prio < PRIO_CNT; prio++)
    for (struct list_elem *e = list_begin (&p->runq[prio]);
         e != list_end (&p->runq[prio]); e = list_next (e))
      load++;
  return load;
}

/* Returns the CPU of the PCPU_CNT in PCPUS where VCPU, unpinned and
   about to become runnable (started, or woken from a halt), can run
   soonest: the CPU it ran on last if that one is idle (its caches may
   still hold its data); else an idle CPU; else, for a boosted VCPU,
   the CPU whose best VCPU is of the worst priority, if that is worse
   than BOOST; else the CPU with the fewest VCPUs.  Ties go to the
   CPU it ran on last, then to the lowest number. */
struct vsched_pcpu *
credit_place (struct vsched_pcpu *pcpus[], unsigned pcpu_cnt,
              struct vcpu *vcpu)
{
  struct vsched_pcpu *last = vcpu->sched.last;
  if (last != NULL && credit_cpu_load (last) == 0)
    return last;
  for (unsigned i = 0; i < pcpu_cnt; i++)
    if (credit_cpu_load (pcpus[i]) == 0)
      return pcpus[i];

  struct vsched_pcpu *best = last != NULL ? last : pcpus[0];
  if (vcpu->sched.prio == PRIO_BOOST)
    {
      for (unsigned i = 0; i < pcpu_cnt; i++)
        if (credit_cpu_prio (pcpus[i]) > credit_cpu_prio (best))
          best = pcpus[i];
      if (credit_cpu_prio (best) > PRIO_BOOST)
        return best;
    }
  for (unsigned i = 0; i < pcpu_cnt; i++)
    if (credit_cpu_load (pcpus[i]) < credit_cpu_load (best))
      best = pcpus[i];
  return best;
}

/* P found nothing to run (THAN is PRIO_CNT), or only a VCPU that is
   OVER (THAN is PRIO_OVER): returns a runnable VCPU of a better
   priority than THAN, taken out of another CPU's queue, or a null
   pointer if there is none.  Takes the first of the best queue found
   (the longest-waiting), from the CPU with the most VCPUs among those
   that have that priority; never a VCPU pinned to its CPU. */
struct vcpu *
credit_steal (struct vsched_pcpu *pcpus[], unsigned pcpu_cnt,
              struct vsched_pcpu *p, int than)
{
  int worst_ok = than - 1;
  struct vcpu *best = NULL;
  struct vsched_pcpu *from = NULL;

  for (unsigned i = 0; i < pcpu_cnt; i++)
    {
      struct vsched_pcpu *q = pcpus[i];
      if (q == p)
        continue;
      for (int prio = 0; prio <= worst_ok; prio++)
        {
          struct list_elem *e;
          for (e = list_begin (&q->runq[prio]); e != list_end (&q->runq[prio]);
               e = list_next (e))
            {
              struct vcpu *v = list_entry (e, struct vcpu, sched.elem);
              if (v->sched.pin >= 0)
                continue;
              if (best == NULL || prio < (int) best->sched.prio
                  || (prio == (int) best->sched.prio
                      && credit_cpu_load (q) > credit_cpu_load (from)))
                {
                  best = v;
                  from = q;
                }
              break;
            }
          if (best != NULL && from == q)
            break;
        }
    }
  if (best != NULL)
    list_remove (&best->sched.elem);
  return best;
}
/* STUB:
void
credit_init_vm (struct vm *vm UNUSED)
{
}

void
credit_enqueue (struct vsched_pcpu *p, struct vcpu *vcpu)
{
  list_push_back (&p->runq[PRIO_UNDER], &vcpu->sched.elem);
}

void
credit_dequeue (struct vsched_pcpu *p UNUSED, struct vcpu *vcpu)
{
  list_remove (&vcpu->sched.elem);
}

struct vcpu *
credit_pick (struct vsched_pcpu *p)
{
  if (list_empty (&p->runq[PRIO_UNDER]))
    return NULL;
  return list_entry (list_pop_front (&p->runq[PRIO_UNDER]), struct vcpu,
                     sched.elem);
}

void
credit_charge (struct vsched_pcpu *p UNUSED, struct vcpu *vcpu UNUSED,
               uint64_t cycles UNUSED)
{
}

bool
credit_should_preempt (struct vsched_pcpu *p, struct vcpu *vcpu, int64_t tick)
{
  return (p->yield_to != NULL
          || (!list_empty (&p->runq[PRIO_UNDER])
              && tick - vcpu->sched.slice_start >= VSCHED_SLICE_TICKS));
}

void
credit_wake (struct vcpu *vcpu UNUSED)
{
}

void
credit_account (struct vsched_pcpu *pcpus[] UNUSED, unsigned pcpu_cnt UNUSED,
                struct list *vms UNUSED)
{
}

struct vsched_pcpu *
credit_place (struct vsched_pcpu *pcpus[], unsigned pcpu_cnt UNUSED,
              struct vcpu *vcpu)
{
  return vcpu->sched.last != NULL ? vcpu->sched.last : pcpus[0];
}

struct vcpu *
credit_steal (struct vsched_pcpu *pcpus[] UNUSED, unsigned pcpu_cnt UNUSED,
              struct vsched_pcpu *p UNUSED, int than UNUSED)
{
  return NULL;
}
*/
/* END LAB */
