/* The VCPU scheduler's mechanism (tier 3 of the scheduling lab): the
   loop that runs VCPUs on a physical CPU, and the events that move a
   VCPU between its states.  Which VCPU runs next, and how credit is
   charged and handed out, is policy: hv/credit.c.

   Xen's split, on Ringlet: each physical CPU the hv uses has one
   kernel thread, "hv-cpuN", running vsched_loop over that CPU's run
   queues.  It enters a VCPU's guest, handles the exit, charges the
   time the guest ran (TSC at entry and at exit, with interrupts off
   around the world switch so the host's own interrupt handling is not
   charged), and decides after every exit whether the VCPU goes on.
   Every host timer tick makes a running guest exit (INTR, or the NMI
   watchdog on Bochs), so the loop gets control at least once a tick:
   that is where blocked VCPUs whose timers fell due wake, killed VMs
   end, and credit is handed out every VSCHED_PERIOD_TICKS.  Host
   threads keep running as before: the loop's thread is one of them,
   and while the host runs others no VCPU is charged.

   VCPU states: DOWN until started (VCPU 0 at vm_start, the others by
   HC_VCPU_UP), then RUNNABLE (in a run queue, or parked while its VM
   is over its cap), RUNNING (the CPU's current VCPU), BLOCKED (halted
   until an interrupt: its timer or an IPI), and DONE when its VM
   ends.

   Synchronization: the host kernel is a uniprocessor kernel, and the
   loop's thread shares the CPU with host threads, so what both touch
   (a CPU's list of VMs, a VM's weight and cap, the statistics that
   vmctl reads) changes only with interrupts off.  Everything else
   belongs to the loop's thread. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"

/* The physical CPUs the hv runs VCPUs on: today only the boot CPU. */
#define VSCHED_PCPUS 1
static struct vsched_pcpu pcpus[VSCHED_PCPUS];

/* The loop's thread, what wakes it when it has nothing at all to run,
   and whether it must stop (the hv is unloading). */
static tid_t loop_tid;
static struct semaphore loop_work;
static volatile bool loop_stop;

/* TSC cycles per host timer tick, measured at start-up. */
static uint64_t cycles_per_tick;

/* Ticks to measure the TSC over. */
#define CALIBRATE_TICKS 2

static void vsched_loop (void *pcpu);

/* Measures the TSC's cycles per timer tick.  Takes up to
   CALIBRATE_TICKS + 1 ticks, spinning with interrupts on. */
static void
vsched_calibrate (void)
{
  int64_t start = timer_ticks ();
  while (timer_ticks () == start)
    barrier ();
  uint64_t tsc = rdtsc ();
  start = timer_ticks ();
  while (timer_ticks () < start + CALIBRATE_TICKS)
    barrier ();
  cycles_per_tick = (rdtsc () - tsc) / CALIBRATE_TICKS;
  if (cycles_per_tick == 0)
    cycles_per_tick = 1;
}

/* Starts the scheduler: measures the TSC and starts each physical
   CPU's loop thread.  Returns false if the thread cannot be made. */
bool
vsched_init (void)
{
  vsched_calibrate ();
  for (unsigned i = 0; i < VSCHED_PCPUS; i++)
    {
      struct vsched_pcpu *p = &pcpus[i];
      p->id = i;
      for (int prio = 0; prio < PRIO_CNT; prio++)
        list_init (&p->runq[prio]);
      list_init (&p->vms);
      p->last_tick = timer_ticks ();
      p->next_period = p->last_tick + VSCHED_PERIOD_TICKS;
    }
  sema_init (&loop_work, 0);
  loop_stop = false;
  loop_tid = thread_create ("hv-cpu0", PRI_DEFAULT, vsched_loop, &pcpus[0]);
  return loop_tid != TID_ERROR;
}

/* thread_foreach () helper: sets *AUX, a bool, if T is the loop's
   thread. */
static void
vsched_find_loop (struct thread *t, void *aux)
{
  if (t->tid == loop_tid)
    *(bool *) aux = true;
}

/* Stops the loop's thread and waits until it has exited, since its
   code is about to be unloaded.  Every VM must have ended. */
void
vsched_shutdown (void)
{
  loop_stop = true;
  sema_up (&loop_work);
  for (;;)
    {
      bool alive = false;
      enum intr_level old_level = intr_disable ();
      thread_foreach (vsched_find_loop, &alive);
      intr_set_level (old_level);
      if (!alive)
        return;
      thread_yield ();
    }
}

/* Returns the TSC cycles per host timer tick. */
uint64_t
vsched_cycles_per_tick (void)
{
  return cycles_per_tick;
}

/* Converts CYCLES of the TSC to microseconds. */
uint64_t
vsched_cycles_to_us (uint64_t cycles)
{
  return cycles * (1000000 / HV_TICK_HZ) / cycles_per_tick;
}

/* Makes VCPU runnable on its CPU: into a run queue (or parked), with
   its waiting time counted from now.  Run queues change only with
   interrupts off, since a host thread may start a VM meanwhile. */
static void
vsched_make_runnable (struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  enum intr_level old_level = intr_disable ();
  s->state = VCPU_RUNNABLE;
  s->since = rdtsc ();
  credit_enqueue (s->pcpu, vcpu);
  intr_set_level (old_level);
}

/* Gives VM, just started, to the scheduler: VCPU 0 becomes runnable
   on the first CPU.  Called by a host thread (vm_start). */
void
vsched_start_vm (struct vm *vm)
{
  struct vsched_pcpu *p = &pcpus[0];

  enum intr_level old_level = intr_disable ();
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    vm->vcpus[i].sched.pcpu = p;
  credit_init_vm (vm);
  list_push_back (&p->vms, &vm->sched.elem);
  vsched_make_runnable (&vm->vcpus[0]);
  intr_set_level (old_level);
  sema_up (&loop_work);
}

/* Starts VCPU, which was down (HC_VCPU_UP): it becomes runnable. */
void
vsched_vcpu_up (struct vcpu *vcpu)
{
  ASSERT (vcpu->sched.state == VCPU_DOWN);
  vsched_make_runnable (vcpu);
}

/* Wakes VCPU if it is halted: an interrupt is pending for it.  It
   becomes runnable, boosted if it has credit (hv/credit.c), and its
   wake-up latency is measured from now. */
void
vsched_wake (struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  if (s->state != VCPU_BLOCKED)
    return;
  s->wakeups++;
  s->woke = true;
  credit_wake (vcpu);
  vsched_make_runnable (vcpu);
}

/* Directed yield from FROM to TO, a VCPU of the same VM: if TO is
   waiting for a CPU, it runs next in FROM's place.  Returns false if
   TO is not waiting (running, halted, down, or parked). */
bool
vsched_yield_to (struct vcpu *from, struct vcpu *to)
{
  const struct vsched_vcpu *s = &to->sched;
  if (to == from || s->state != VCPU_RUNNABLE || s->parked)
    return false;
  s->pcpu->yield_to = to;
  return true;
}

/* Returns the TSC cycles VM's VCPUs have run in guest mode. */
uint64_t
vm_run_cycles (const struct vm *vm)
{
  uint64_t cycles = 0;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    cycles += vm->vcpus[i].sched.run_cycles;
  return cycles;
}

/* Returns true if VCPU has been halted long enough that nothing can
   ever wake its VM: every VCPU is halted or down, none has an
   interrupt pending or its timer armed.  (A halt with interrupts
   masked ends the VM at once, in hv/hlt.c.) */
static bool
vsched_vm_stuck (struct vm *vm)
{
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vcpu *v = &vm->vcpus[i];
      enum vcpu_state state = v->sched.state;
      if (state == VCPU_RUNNABLE || state == VCPU_RUNNING
          || (state == VCPU_BLOCKED
              && (irq_pending (v) || vdev_vtimer_next (v) >= 0)))
        return false;
    }
  return true;
}

/* VCPU halted (an EXIT_BLOCK): it leaves the CPU until an interrupt
   wakes it.  Ends its VM if nothing ever could. */
static void
vsched_block (struct vsched_pcpu *p, struct vcpu *vcpu)
{
  struct vm *vm = vcpu->vm;
  vcpu->sched.state = VCPU_BLOCKED;
  p->current = NULL;
  if (vsched_vm_stuck (vm))
    vm_fail (vm, vm->vcpu_cnt == 1
             ? "halted with no timer armed: nothing can wake it"
             : "every VCPU halted with no timer armed: nothing can wake it");
}

/* Ends VM on P, which ended (vm_exit, vm_fail) or was killed: every
   VCPU stops and leaves the run queues, and vm_finish reports and
   lets vm_wait have it. */
static void
vsched_end_vm (struct vsched_pcpu *p, struct vm *vm)
{
  uint64_t now = rdtsc ();

  enum intr_level old_level = intr_disable ();
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vcpu *v = &vm->vcpus[i];
      struct vsched_vcpu *s = &v->sched;
      if (s->state == VCPU_RUNNABLE)
        {
          credit_dequeue (p, v);
          s->wait_cycles += now - s->since;
        }
      if (p->current == v)
        p->current = NULL;
      if (p->yield_to == v)
        p->yield_to = NULL;
      s->state = VCPU_DONE;
    }
  list_remove (&vm->sched.elem);
  intr_set_level (old_level);
  vm_finish (vm);
}

/* Once per host tick (the first time the loop runs in a new tick):
   wakes halted VCPUs whose timers fell due, ends VMs that a host
   thread asked to stop, and hands out credit every period. */
static void
vsched_tick (struct vsched_pcpu *p)
{
  int64_t now = timer_ticks ();
  if (now == p->last_tick)
    return;
  p->last_tick = now;

  struct list_elem *e = list_begin (&p->vms);
  while (e != list_end (&p->vms))
    {
      struct vm *vm = list_entry (e, struct vm, sched.elem);
      e = list_next (e);
      if (vm->kill_requested)
        {
          vm_fail (vm, "stopped at the host's request");
          vsched_end_vm (p, vm);
          continue;
        }
      for (unsigned i = 0; i < vm->vcpu_cnt; i++)
        {
          struct vcpu *v = &vm->vcpus[i];
          if (v->sched.state != VCPU_BLOCKED)
            continue;
          vdev_vtimer_update (v);
          if (irq_pending (v))
            vsched_wake (v);
        }
    }
  if (now >= p->next_period)
    {
      enum intr_level old_level = intr_disable ();
      credit_account (p);
      intr_set_level (old_level);
      p->next_period = now + VSCHED_PERIOD_TICKS;
    }
}

/* Returns the VCPU P runs next: its current one, unless the policy
   says it must give way, else the one the policy picks (or a
   directed yield's target).  Null if nothing is runnable.  Counts the
   decisions and the cycles they take. */
static struct vcpu *
vsched_choose (struct vsched_pcpu *p)
{
  struct vcpu *cur = p->current;
  int64_t tick = p->last_tick;          /* vsched_tick read it just now. */

  if (cur != NULL && !credit_should_preempt (p, cur, tick))
    return cur;

  uint64_t start = rdtsc ();
  enum intr_level old_level = intr_disable ();
  if (cur != NULL)
    vsched_make_runnable (cur);
  struct vcpu *next = p->yield_to;
  p->yield_to = NULL;
  if (next != NULL && next->sched.state == VCPU_RUNNABLE
      && !next->sched.parked)
    credit_dequeue (p, next);
  else
    next = credit_pick (p);
  p->current = next;
  if (next != NULL)
    {
      struct vsched_vcpu *s = &next->sched;
      uint64_t waited = start - s->since;
      s->state = VCPU_RUNNING;
      s->wait_cycles += waited;
      if (s->woke && waited > s->worst_latency)
        s->worst_latency = waited;
      s->woke = false;
      s->slice_start = tick;
    }
  intr_set_level (old_level);
  p->decisions++;
  p->decision_cycles += rdtsc () - start;
  return next;
}

/* Runs VCPU, P's current VCPU, until its next exit, charges the
   cycles it ran, and acts on what the exit handler decided. */
static void
vsched_run (struct vsched_pcpu *p, struct vcpu *vcpu)
{
  struct vm *vm = vcpu->vm;
  uint64_t cycles = 0, host = 0;
  enum exit_action action;

  if (vm->kill_requested)
    action = vm_fail (vm, "stopped at the host's request");
  else
    action = vcpu_run_once (vcpu, &cycles, &host);
  p->host_cycles += host;

  enum intr_level old_level = intr_disable ();
  vcpu->sched.run_cycles += cycles;
  credit_charge (p, vcpu, cycles);
  intr_set_level (old_level);

  if (vm->budget != 0
      && vm_run_cycles (vm) >= (uint64_t) vm->budget * cycles_per_tick)
    action = vm_fail (vm, "used up its CPU budget of %lld ticks",
                      (long long) vm->budget);
  if (action == EXIT_YIELD)
    {
      /* Give the CPU up even if nobody else is waiting: the slice
         starts again. */
      p->current = NULL;
      vsched_make_runnable (vcpu);
    }
  else if (action == EXIT_BLOCK)
    vsched_block (p, vcpu);
  if (vm->ended)
    vsched_end_vm (p, vm);
}

/* Waits for work while nothing is runnable on P: until the next tick
   if some VCPU is halted (its timer may fall due), or until a VM
   starts if there is none. */
static void
vsched_idle (struct vsched_pcpu *p)
{
  enum intr_level old_level = intr_disable ();
  vmctl_watchdog_arm (false);
  bool no_vms = list_empty (&p->vms);
  intr_set_level (old_level);
  if (no_vms)
    sema_down (&loop_work);
  else
    timer_sleep (1);
}

/* The loop of physical CPU P (AUX): runs VCPUs until the hv unloads. */
static void
vsched_loop (void *aux)
{
  struct vsched_pcpu *p = aux;

  while (!loop_stop)
    {
      vsched_tick (p);
      struct vcpu *vcpu = vsched_choose (p);
      if (vcpu != NULL)
        vsched_run (p, vcpu);
      else
        vsched_idle (p);
    }
  enum intr_level old_level = intr_disable ();
  vmctl_watchdog_arm (false);
  intr_set_level (old_level);
}

/* Changes VM's weight to WEIGHT and its cap to CAP; -1 leaves either
   as it is.  Takes effect at the next accounting period.  Returns a
   vmctl status. */
int
vsched_set (struct vm *vm, int weight, int cap)
{
  if ((weight != -1 && (weight < VMCTL_WEIGHT_MIN
                        || weight > VMCTL_WEIGHT_MAX))
      || (cap != -1 && (cap < 0 || cap > 100 * (int) vm->vcpu_cnt)))
    return VMCTL_EINVAL;
  enum intr_level old_level = intr_disable ();
  if (weight != -1)
    vm->sched.weight = weight;
  if (cap != -1)
    vm->sched.cap = cap;
  intr_set_level (old_level);
  return VMCTL_OK;
}

/* Converts VCPU's statistics to OUT, adding waiting time up to now if
   it is waiting. */
static void
vsched_fill_vcpu (const struct vcpu *vcpu, struct vmctl_sched_stat *out)
{
  const struct vsched_vcpu *s = &vcpu->sched;
  uint64_t wait = s->wait_cycles;
  if (s->state == VCPU_RUNNABLE)
    wait += rdtsc () - s->since;
  out->run_us = vsched_cycles_to_us (s->run_cycles);
  out->wait_us = vsched_cycles_to_us (wait);
  out->wakeups = s->wakeups;
  out->worst_latency_us = vsched_cycles_to_us (s->worst_latency);
}

/* Fills in OUT with VM's scheduling parameters and statistics. */
void
vsched_fill_stats (const struct vm *vm, struct vmctl_sched *out)
{
  enum intr_level old_level = intr_disable ();
  memset (out, 0, sizeof *out);
  out->weight = vm->sched.weight;
  out->cap = vm->sched.cap;
  out->vcpu_cnt = vm->vcpu_cnt;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vmctl_sched_stat *v = &out->vcpu[i];
      vsched_fill_vcpu (&vm->vcpus[i], v);
      out->vm.run_us += v->run_us;
      out->vm.wait_us += v->wait_us;
      out->vm.wakeups += v->wakeups;
      if (v->worst_latency_us > out->vm.worst_latency_us)
        out->vm.worst_latency_us = v->worst_latency_us;
    }
  out->decisions = pcpus[0].decisions;
  out->decision_cycles = pcpus[0].decision_cycles;
  out->host_us = vsched_cycles_to_us (pcpus[0].host_cycles);
  out->now_us = vsched_cycles_to_us (rdtsc ());
  intr_set_level (old_level);
}

/* Prints one line of scheduling statistics, for WHO. */
static void
vsched_print_line (const char *who, const struct vmctl_sched_stat *s)
{
  printf ("hv:   %-6s run %10"PRIu64" us  wait %8"PRIu64" us  %5"PRIu32
          " wake-ups  worst latency %6"PRIu32" us\n", who, s->run_us,
          s->wait_us, s->wakeups, s->worst_latency_us);
}

/* Prints VM's scheduling statistics: the whole VM, then each VCPU if
   it has several. */
void
vsched_print_stats (const struct vm *vm)
{
  struct vmctl_sched sched;
  vsched_fill_stats (vm, &sched);
  printf ("hv: vm %d '%s' scheduling: weight %u, cap %u%%\n", vm->id,
          vm->name, sched.weight, sched.cap);
  vsched_print_line ("vm", &sched.vm);
  if (vm->vcpu_cnt > 1)
    for (unsigned i = 0; i < vm->vcpu_cnt; i++)
      {
        char who[16];
        snprintf (who, sizeof who, "vcpu%u", i);
        vsched_print_line (who, &sched.vcpu[i]);
      }
}
