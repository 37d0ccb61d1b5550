/* The VCPU scheduler's mechanism (tier 3 of the scheduling lab): the
   loops that run VCPUs on the physical CPUs, and the events that move
   a VCPU between its states and between CPUs.  Which VCPU runs next,
   where a woken VCPU goes, what an idle CPU steals, and how credit is
   charged and handed out, is policy: hv/credit.c.

   Xen's split, on Ringlet.  The boot CPU, cpu 0, runs the host kernel
   and one kernel thread, "hv-cpu0", running its loop; every other CPU
   the hv started (hv/smp-boot.c) runs its loop for good, in
   vsched_ap_loop, until the hv unloads.  With other CPUs, only they
   run VCPUs, and cpu 0's loop serves them (below); with none, cpu 0's
   loop runs every VCPU, as on a one-CPU machine.  Each loop picks a VCPU from
   its own run queues (stealing from another CPU's when it has nothing
   good), enters the guest, charges the time it ran (TSC at entry and
   at exit, with interrupts off around the world switch so the host's
   own interrupt handling is not charged), handles the exit and decides
   whether the VCPU goes on.  Every timer tick makes a running guest
   exit (the PIT on cpu 0, each other CPU's APIC timer there, or the
   NMI watchdog for a guest that masks interrupts on Bochs), so each
   loop gets control at least once a tick; the first loop to see a new
   tick does the tick's work for all: it wakes halted VCPUs whose
   timers fell due, ends killed VMs, and hands out credit every
   VSCHED_PERIOD_TICKS.

   What the other CPUs cannot do.  They must not call into the host
   kernel's threads, locks, allocator or console.  So an exit that may
   (hv/exit.c, exit_needs_host) leaves its VCPU in state HOST on the
   boot CPU's list, and cpu 0's loop handles it and makes the VCPU
   runnable again where it was; ending a VM (vm_finish wakes its
   waiter and prints) is cpu 0's too.  An IPI ("kick") tells a CPU to
   look at its queue or at a VCPU it runs: the guest exits, and the
   loop decides again.

   VCPU states: DOWN until started (VCPU 0 at vm_start, the others by
   HC_VCPU_UP), then RUNNABLE (in a CPU's run queue, or parked while
   its VM is over its cap), RUNNING (a CPU's current VCPU), HOST (its
   exit waits for cpu 0), BLOCKED (halted until an interrupt: its
   timer or an IPI), PAUSED while its VM is paused (out of every queue,
   remembering whether it goes back to RUNNABLE, BLOCKED or DOWN), and
   DONE when its VM ends.

   Locks.  SCHED_LOCK, a spinlock, guards every run queue, every
   VCPU's state, PCPU and PIN, each CPU's CURRENT and YIELD_TO, the
   list of VMs, the HOST list, a VM's weight, cap and credit, and the
   statistics; whoever holds it has interrupts off on its CPU and
   calls nothing that sleeps, allocates or prints.  It comes after
   vm_list_lock (a host lock, hv/vm.c) and before each VM's exit
   statistics lock (hv/exit-stats.c).  A RUNNING VCPU's registers,
   VMCB and devices belong to the CPU that runs it, without a lock;
   other CPUs only raise interrupts on it (hv/irq.c, atomically). */

#include <debug.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "hv/smp.h"
#include "devices/lapic.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"
#include "threads/vaddr.h"

/* The physical CPUs the hv runs VCPUs on, PCPUS[0] to
   PCPUS[PCPU_CNT - 1]: every CPU other than the boot CPU that came up
   with SVM on, or, if there is none, the boot CPU alone.  BOOT is the
   boot CPU's, whether it runs VCPUs or not; SMP_GUESTS says the other
   CPUs do.  PCPU_SMP[I] is PCPUS[I]'s struct smp_cpu. */
static struct vsched_pcpu pcpu_store[SMP_CPU_MAX];
static struct vsched_pcpu *pcpus[SMP_CPU_MAX];
static unsigned pcpu_cnt;
static struct vsched_pcpu *boot;
static bool smp_guests;
static struct smp_cpu *pcpu_smp[SMP_CPU_MAX];

static struct spinlock sched_lock;
static struct list vms;         /* Started VMs not yet finished. */
static struct list host_exits;  /* VCPUs in state HOST, oldest first. */
static int64_t tick_done;       /* Last tick whose work is done. */
static int64_t next_period;     /* Tick of the next credit accounting. */

/* Cpu 0's loop thread, what wakes it when there is no VM at all, and
   whether the loops must stop (the hv is unloading). */
static tid_t loop_tid;
static struct semaphore loop_work;
static volatile bool loop_stop;

/* Cpu 0's loop thread while it waits, blocked, for a kick (with
   several CPUs): vsched_ipi unblocks it.  Changes only on cpu 0 with
   interrupts off. */
static struct thread *volatile loop_sleeper;

/* TSC cycles per host timer tick, measured at start-up. */
static uint64_t cycles_per_tick;

/* Ticks to measure the TSC over. */
#define CALIBRATE_TICKS 2

/* How long an unloading hv waits for another CPU to leave its loop. */
#define VSCHED_STOP_TICKS 100

static void vsched_loop (void *pcpu);

/* Takes SCHED_LOCK, the scheduler's lock (see the top of this file),
   with interrupts off; returns the old level.  hv/vsched-stats.c takes
   it too. */
enum intr_level
vsched_lock (void)
{
  enum intr_level old_level = intr_disable ();
  spin_lock (&sched_lock);
  return old_level;
}

/* Releases SCHED_LOCK and restores interrupts to OLD_LEVEL. */
void
vsched_unlock (enum intr_level old_level)
{
  spin_unlock (&sched_lock);
  intr_set_level (old_level);
}

/* Returns the physical CPU the caller runs on.  With no other CPUs:
   the boot CPU, without asking the hardware. */
static struct vsched_pcpu *
vsched_self (void)
{
  if (!smp_guests)
    return boot;
  unsigned id = lapic_id ();
  if (id == boot->apic_id)
    return boot;
  for (unsigned i = 0; i < pcpu_cnt; i++)
    if (pcpus[i]->apic_id == id)
      return pcpus[i];
  NOT_REACHED ();
}

/* Cpu 0: unblocks its loop thread if it waits for a kick.
   Interrupts off. */
static void
vsched_wake_loop0 (void)
{
  struct thread *t = loop_sleeper;
  if (t != NULL)
    {
      loop_sleeper = NULL;
      thread_unblock (t);
    }
}

/* Returns true if the caller runs on the boot CPU, which alone may
   call into the host kernel. */
bool
vsched_on_boot_cpu (void)
{
  return vsched_self () == boot;
}

/* Sends P an IPI that makes a guest running there exit, or ends its
   wait for work, so that its loop looks at its queues again.  On the
   caller's own CPU, only cpu 0's waiting loop thread needs waking.
   SCHED_LOCK held. */
static void
vsched_kick (struct vsched_pcpu *p)
{
  if (!smp_guests)
    return;
  struct vsched_pcpu *self = vsched_self ();
  if (p == self)
    {
      if (p == boot)
        vsched_wake_loop0 ();
      return;
    }
  p->kicks++;
  lapic_send_ipi (p->apic_id, LAPIC_ICR_FIXED | SMP_VEC_IPI);
}

/* The IPI handler of cpu 0 calls this (hv/smp-boot.c), with
   interrupts off: a kick.  If the loop thread waits, it becomes ready
   and runs once the interrupted thread next gives the CPU up (at once
   if that is the idle thread).  Nothing here may switch threads: the
   handler's code belongs to the module. */
void
vsched_ipi (void)
{
  if (smp_guests)
    vsched_wake_loop0 ();
}

/* Returns an idle CPU other than P, or a null pointer. */
static struct vsched_pcpu *
vsched_idle_cpu (struct vsched_pcpu *p)
{
  for (unsigned i = 0; i < pcpu_cnt; i++)
    if (pcpus[i] != p && pcpus[i]->idle && pcpus[i]->current == NULL)
      return pcpus[i];
  return NULL;
}

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

/* Returns a new physical CPU for the scheduler: CPU number ID (0 is
   the boot CPU), with the given APIC ID and host VMSAVE page. */
static struct vsched_pcpu *
vsched_new_pcpu (unsigned id, unsigned apic_id, uint32_t host_vmcb)
{
  struct vsched_pcpu *p = &pcpu_store[id];
  memset (p, 0, sizeof *p);
  p->id = id;
  p->apic_id = apic_id;
  p->host_vmcb = host_vmcb;
  for (int prio = 0; prio < PRIO_CNT; prio++)
    list_init (&p->runq[prio]);
  p->last_tick = timer_ticks ();
  return p;
}

/* Starts the scheduler: measures the TSC, starts cpu 0's loop thread
   and sends every other CPU with SVM into its loop.  With other CPUs,
   the boot CPU runs no VCPUs: it keeps the host kernel, as Xen's
   domain 0 (and QEMU, whose -icount runs CPUs in turn, gave the other
   CPUs no turn at all once the boot CPU ran a guest without pause:
   docs/design.md, "Simulator facts").  Call after smp_start_all.
   Returns false if the thread cannot be made. */
bool
vsched_init (void)
{
  vsched_calibrate ();
  spin_init (&sched_lock);
  list_init (&vms);
  list_init (&host_exits);
  tick_done = timer_ticks ();
  next_period = tick_done + VSCHED_PERIOD_TICKS;
  pcpu_cnt = 0;
  unsigned smp_cnt = smp_cpu_count ();
  boot = vsched_new_pcpu (0, smp_cnt > 1 ? lapic_id () : 0, svm_host_vmcb ());
  for (unsigned i = 1; i < smp_cnt; i++)
    {
      struct smp_cpu *cpu = smp_cpu (i);
      if (cpu->svm_problem != NULL)
        continue;
      pcpu_smp[pcpu_cnt] = cpu;
      pcpus[pcpu_cnt++] = vsched_new_pcpu (i, cpu->apic_id,
                                           vtop (cpu->host_state));
    }
  smp_guests = pcpu_cnt > 0;
  if (!smp_guests)
    pcpus[pcpu_cnt++] = boot;

  sema_init (&loop_work, 0);
  loop_stop = false;
  loop_tid = thread_create ("hv-cpu0", PRI_DEFAULT, vsched_loop, boot);
  if (loop_tid == TID_ERROR)
    return false;
  for (unsigned i = 0; smp_guests && i < pcpu_cnt; i++)
    smp_post (pcpu_smp[i], SMP_REQ_SCHED, (void *) (uintptr_t) i);
  return true;
}

/* thread_foreach () helper: sets *AUX, a bool, if T is the loop's
   thread. */
static void
vsched_find_loop (struct thread *t, void *aux)
{
  if (t->tid == loop_tid)
    *(bool *) aux = true;
}

/* Stops every loop and waits until each has left, since their code is
   about to be unloaded.  Every VM must have ended. */
void
vsched_shutdown (void)
{
  loop_stop = true;
  enum intr_level old_level = vsched_lock ();
  for (unsigned i = 0; smp_guests && i < pcpu_cnt; i++)
    vsched_kick (pcpus[i]);
  vsched_wake_loop0 ();
  vsched_unlock (old_level);
  for (unsigned i = 0; smp_guests && i < pcpu_cnt; i++)
    smp_wait (pcpu_smp[i], SMP_REQ_SCHED, VSCHED_STOP_TICKS);
  sema_up (&loop_work);
  for (;;)
    {
      bool alive = false;
      old_level = intr_disable ();
      thread_foreach (vsched_find_loop, &alive);
      intr_set_level (old_level);
      if (!alive)
        return;
      timer_sleep (1);            /* Not thread_yield: the caller may
                                     outrank the loop thread. */
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

/* Returns the number of physical CPUs the hv runs VCPUs on. */
unsigned
vsched_pcpu_count (void)
{
  return pcpu_cnt;
}

/* Returns the cycles S has waited since it became runnable, by the
   TSC reading NOW.  S->SINCE may come from another CPU, whose TSC can
   be a little ahead: a wait never counts as negative. */
uint64_t
vsched_waited (const struct vsched_vcpu *s, uint64_t now)
{
  return now > s->since ? now - s->since : 0;
}

/* Returns the physical CPU that runs VCPUs number I, 0 to
   vsched_pcpu_count () - 1.  Its figures change under the scheduler's
   lock (vsched_lock). */
struct vsched_pcpu *
vsched_pcpu (unsigned i)
{
  ASSERT (i < pcpu_cnt);
  return pcpus[i];
}

/* Returns true if P has nothing to run: no current VCPU and empty
   queues. */
static bool
vsched_pcpu_idle (struct vsched_pcpu *p)
{
  if (p->current != NULL)
    return false;
  for (int prio = 0; prio < PRIO_CNT; prio++)
    if (!list_empty (&p->runq[prio]))
      return false;
  return true;
}

/* Makes VCPU runnable: into its CPU's run queue (or parked), with its
   waiting time counted from now.  A pinned VCPU goes to its CPU.
   Tells that CPU if it is idle, or if VCPU is boosted, so that it
   runs VCPU now.  SCHED_LOCK held. */
static void
vsched_make_runnable (struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  if (vcpu->vm->sched.paused)
    {
      /* Its VM is paused: it runs when the VM resumes. */
      s->state = VCPU_PAUSED;
      s->paused_from = VCPU_RUNNABLE;
      return;
    }
  if (s->pin >= 0)
    s->pcpu = pcpus[s->pin];
  bool idle = vsched_pcpu_idle (s->pcpu);
  s->state = VCPU_RUNNABLE;
  s->since = rdtsc ();
  credit_enqueue (s->pcpu, vcpu);
  if (idle || s->prio == PRIO_BOOST)
    vsched_kick (s->pcpu);
  else if (s->pin < 0 && !s->parked)
    {
      /* It waits behind others: an idle CPU may steal it. */
      struct vsched_pcpu *idle_cpu = vsched_idle_cpu (s->pcpu);
      if (idle_cpu != NULL)
        vsched_kick (idle_cpu);
    }
}

/* Chooses the CPU VCPU, about to become runnable after being down or
   halted, should wait on: its pinned CPU, else the policy's choice.
   SCHED_LOCK held. */
static void
vsched_place (struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  if (s->pin >= 0)
    s->pcpu = pcpus[s->pin];
  else if (pcpu_cnt > 1)
    s->pcpu = credit_place (pcpus, pcpu_cnt, vcpu);
  else
    s->pcpu = pcpus[0];
}

/* Gives VM, just started, to the scheduler: VCPU 0 becomes runnable
   where the policy places it.  Called by a host thread (vm_start). */
void
vsched_start_vm (struct vm *vm)
{
  enum intr_level old_level = vsched_lock ();
  credit_init_vm (vm);
  list_push_back (&vms, &vm->sched.elem);
  vsched_place (&vm->vcpus[0]);
  vsched_make_runnable (&vm->vcpus[0]);
  vsched_wake_loop0 ();
  vsched_unlock (old_level);
  sema_up (&loop_work);
}

/* Starts VCPU, which was down (HC_VCPU_UP): it becomes runnable. */
void
vsched_vcpu_up (struct vcpu *vcpu)
{
  enum intr_level old_level = vsched_lock ();
  ASSERT (vcpu->sched.state == VCPU_DOWN);
  vsched_place (vcpu);
  vsched_make_runnable (vcpu);
  vsched_unlock (old_level);
}

/* An interrupt is pending for VCPU (its timer, or an IPI raised with
   it pending first): wakes it if it is halted, boosted if it has
   credit (hv/credit.c), with its wake-up latency measured from now;
   if it runs on another CPU, makes that CPU let the guest exit so the
   interrupt is delivered now.  SCHED_LOCK held. */
static void
vsched_wake_locked (struct vcpu *vcpu)
{
  struct vsched_vcpu *s = &vcpu->sched;
  if (s->state == VCPU_RUNNING)
    {
      vsched_kick (s->pcpu);
      return;
    }
  if (s->state == VCPU_PAUSED && s->paused_from == VCPU_BLOCKED)
    {
      /* Halted when its VM paused: it runs when the VM resumes. */
      s->wakeups++;
      s->paused_from = VCPU_RUNNABLE;
      return;
    }
  if (s->state != VCPU_BLOCKED)
    return;
  s->wakeups++;
  s->woke = true;
  credit_wake (vcpu);
  vsched_place (vcpu);
  vsched_make_runnable (vcpu);
}

/* The same, taking SCHED_LOCK (irq_raise). */
void
vsched_wake (struct vcpu *vcpu)
{
  enum intr_level old_level = vsched_lock ();
  vsched_wake_locked (vcpu);
  vsched_unlock (old_level);
}

/* Makes every VCPU of VM that runs on another CPU exit now, so that
   it enters again with what a host thread just changed for it (a TLB
   flush, hv/npt.c).  A host thread. */
void
vsched_kick_vm (struct vm *vm)
{
  enum intr_level old_level = vsched_lock ();
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    if (vm->vcpus[i].sched.state == VCPU_RUNNING)
      vsched_kick (vm->vcpus[i].sched.pcpu);
  vsched_unlock (old_level);
}

/* Directed yield from FROM to TO, a VCPU of the same VM: if TO is
   waiting for a CPU, it runs next in FROM's place, moving to FROM's
   CPU if it waited on another (and may run there).  Returns false if
   TO is not waiting (running, halted, down, or parked) or pinned
   elsewhere. */
bool
vsched_yield_to (struct vcpu *from, struct vcpu *to)
{
  enum intr_level old_level = vsched_lock ();
  struct vsched_vcpu *s = &to->sched;
  struct vsched_pcpu *p = from->sched.pcpu;
  bool ok = (to != from && s->state == VCPU_RUNNABLE && !s->parked
             && (s->pin < 0 || pcpus[s->pin] == p));
  if (ok)
    {
      if (s->pcpu != p)
        {
          credit_dequeue (s->pcpu, to);
          s->pcpu = p;
          credit_enqueue (p, to);
        }
      p->yield_to = to;
    }
  vsched_unlock (old_level);
  return ok;
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
   masked ends the VM at once, in hv/hlt.c.)  SCHED_LOCK held. */
static bool
vsched_vm_stuck (struct vm *vm)
{
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vcpu *v = &vm->vcpus[i];
      enum vcpu_state state = v->sched.state;
      if (state == VCPU_RUNNABLE || state == VCPU_RUNNING
          || state == VCPU_HOST || state == VCPU_PAUSED
          || (state == VCPU_BLOCKED
              && (irq_pending (v) || vdev_vtimer_next (v) >= 0)))
        return false;
    }
  return true;
}

/* VCPU, which ran on a CPU (RUNNING) or whose exit was handled on cpu
   0 (HOST), is done with that exit, whose handler decided ACTION:
   it stops (its VM ended), halts until an interrupt, or waits in its
   CPU's queue again (a yield, or any exit handled on cpu 0); else it
   stays where it is.  SCHED_LOCK held. */
static void
vsched_after_exit (struct vcpu *vcpu, enum exit_action action)
{
  struct vsched_vcpu *s = &vcpu->sched;
  struct vm *vm = vcpu->vm;
  bool was_host = s->state == VCPU_HOST;

  if (s->pcpu->current == vcpu && (vm->ended || action == EXIT_YIELD
                                   || action == EXIT_BLOCK
                                   || vm->sched.paused))
    s->pcpu->current = NULL;
  if (vm->ended)
    {
      s->state = VCPU_DONE;
      vsched_kick (boot);           /* Cpu 0 ends VMs. */
    }
  else if (vm->sched.paused)
    {
      /* Its VM paused meanwhile: it stops here, to go on as it would
         have when the VM resumes. */
      s->state = VCPU_PAUSED;
      vdev_vtimer_update (vcpu);
      s->paused_from = (action == EXIT_BLOCK && !irq_pending (vcpu)
                        ? VCPU_BLOCKED : VCPU_RUNNABLE);
    }
  else if (action == EXIT_BLOCK)
    {
      s->state = VCPU_BLOCKED;
      /* An IPI raised while it was on its way here found it running
         and only kicked its CPU: look once more. */
      vdev_vtimer_update (vcpu);
      if (irq_pending (vcpu))
        vsched_wake_locked (vcpu);
      else if (vsched_vm_stuck (vm))
        vm_fail (vm, vm->vcpu_cnt == 1
                 ? "halted with no timer armed: nothing can wake it"
                 : "every VCPU halted with no timer armed: nothing can wake it");
    }
  else if (action == EXIT_YIELD || was_host)
    vsched_make_runnable (vcpu);
}

/* Takes VCPU, which is not running, out of play: out of its run
   queue if it waits in one (its waiting counted up to NOW), and no
   CPU's directed-yield target.  The caller gives it its new state.
   SCHED_LOCK held. */
static void
vsched_withdraw (struct vcpu *vcpu, uint64_t now)
{
  struct vsched_vcpu *s = &vcpu->sched;
  if (s->state == VCPU_RUNNABLE)
    {
      credit_dequeue (s->pcpu, vcpu);
      s->wait_cycles += vsched_waited (s, now);
    }
  for (unsigned c = 0; c < pcpu_cnt; c++)
    if (pcpus[c]->yield_to == vcpu)
      pcpus[c]->yield_to = NULL;
}

/* Ends VM, which ended (vm_exit, vm_fail) or was killed, once none of
   its VCPUs runs or waits for cpu 0: every VCPU stops and leaves the
   run queues, and vm_finish reports and lets vm_wait have it.
   Returns false, having made the CPUs that still run its VCPUs exit,
   if it cannot end yet.  Cpu 0's loop, without SCHED_LOCK. */
static bool
vsched_end_vm (struct vm *vm)
{
  uint64_t now = rdtsc ();

  enum intr_level old_level = vsched_lock ();
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vsched_vcpu *s = &vm->vcpus[i].sched;
      if (s->state == VCPU_RUNNING || s->state == VCPU_HOST)
        {
          if (s->state == VCPU_RUNNING)
            vsched_kick (s->pcpu);
          vsched_unlock (old_level);
          return false;
        }
    }
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      vsched_withdraw (&vm->vcpus[i], now);
      vm->vcpus[i].sched.state = VCPU_DONE;
    }
  list_remove (&vm->sched.elem);
  vsched_unlock (old_level);
  vm_finish (vm);
  return true;
}

/* Cpu 0: ends every VM that ended and can end now. */
static void
vsched_reap (void)
{
  for (;;)
    {
      struct vm *ended = NULL;
      enum intr_level old_level = vsched_lock ();
      for (struct list_elem *e = list_begin (&vms); e != list_end (&vms);
           e = list_next (e))
        {
          struct vm *vm = list_entry (e, struct vm, sched.elem);
          if (vm->ended && !vm->sched.ending)
            {
              ended = vm;
              vm->sched.ending = true;
              break;
            }
        }
      vsched_unlock (old_level);
      if (ended == NULL)
        break;
      if (!vsched_end_vm (ended))
        {
          ended->sched.ending = false;
          break;
        }
    }
}

/* With other CPUs: the NMI watchdog (threads/vmctl-watchdog.c) is
   armed while one of them runs a guest that masks interrupts.  Bochs
   gives such a guest no INTR exit, so the first CPU to enter one routes
   the watchdog's NMI, a tick's, to itself (the watchdog sends it to
   the CPU that arms it); from then on that CPU's loop gets control at
   every tick, does the tick's work and sends the others their NMIs
   (vsched_nmi_masked).  The tick work disarms it once no CPU runs such
   a guest.  The boot CPU needs no watchdog then: it runs no guests.
   Changes under SCHED_LOCK. */
static bool watchdog_on;

/* Routes the watchdog's NMI to this CPU, which is about to enter a
   guest that masks interrupts, unless another CPU has it already. */
static void
vsched_watchdog_to_me (void)
{
  enum intr_level old_level = vsched_lock ();
  if (!watchdog_on)
    watchdog_on = vmctl_watchdog_arm (true);
  vsched_unlock (old_level);
}

/* The tick work's part: disarms the watchdog once no CPU runs a guest
   that masks interrupts.  SCHED_LOCK held. */
static void
vsched_watchdog_check (void)
{
  for (unsigned i = 0; i < pcpu_cnt; i++)
    if (pcpus[i]->masked_guest)
      return;
  if (watchdog_on)
    {
      vmctl_watchdog_arm (false);
      watchdog_on = false;
    }
}

/* Sends an NMI to every other CPU whose guest entered with interrupts
   masked and has not exited for two ticks: Bochs gives such a guest no
   INTR exit (docs/design.md, "Simulator facts"), and cpu 0's NMI
   watchdog reaches only cpu 0.  The NMI makes the guest exit, as the
   watchdog does there.  (QEMU does give INTR exits; there NMIs would
   only cost, and measured, an NMI every tick left QEMU's other CPUs no
   turn.)  NOW is this tick.  SCHED_LOCK held. */
static void
vsched_nmi_masked (int64_t now)
{
  for (unsigned i = 0; smp_guests && i < pcpu_cnt; i++)
    if (pcpus[i]->masked_guest && now - pcpus[i]->guest_since >= 2
        && pcpus[i] != vsched_self ())
      lapic_send_ipi (pcpus[i]->apic_id, LAPIC_ICR_NMI);
}

/* Once per host tick, by the first loop to see it: wakes halted VCPUs
   whose timers fell due, ends VMs that a host thread asked to stop,
   and hands out credit every period.  Also notes the tick on P, for
   its slices. */
static void
vsched_tick (struct vsched_pcpu *p)
{
  int64_t now = timer_ticks ();
  p->last_tick = now;
  if (now == tick_done)
    return;

  enum intr_level old_level = vsched_lock ();
  if (now != tick_done)
    {
      tick_done = now;
      for (struct list_elem *e = list_begin (&vms); e != list_end (&vms);
           e = list_next (e))
        {
          struct vm *vm = list_entry (e, struct vm, sched.elem);
          if (vm->kill_requested)
            vm_fail (vm, "stopped at the host's request");
          if (vm->ended)
            {
              vsched_kick (boot);   /* Cpu 0 ends VMs. */
              continue;
            }
          for (unsigned i = 0; i < vm->vcpu_cnt; i++)
            {
              struct vcpu *v = &vm->vcpus[i];
              if (v->sched.state != VCPU_BLOCKED)
                continue;
              vdev_vtimer_update (v);
              if (irq_pending (v))
                vsched_wake_locked (v);
            }
        }
      if (now >= next_period)
        {
          credit_account (pcpus, pcpu_cnt, &vms);
          next_period = now + VSCHED_PERIOD_TICKS;
        }
      vsched_nmi_masked (now);
      if (smp_guests)
        vsched_watchdog_check ();
    }
  vsched_unlock (old_level);
}

/* Returns the VCPU P runs next: its current one, unless the policy
   says it must give way, else a directed yield's target, else the one
   the policy picks from P's queues, or steals from another CPU's if
   P has nothing, or only VCPUs over their credit.  Null if there is
   nothing to run.  Counts decisions, switches, steals, migrations. */
static struct vcpu *
vsched_choose (struct vsched_pcpu *p)
{
  int64_t tick = p->last_tick;          /* vsched_tick set it just now. */
  uint64_t start = rdtsc ();
  enum intr_level old_level = vsched_lock ();
  struct vcpu *cur = p->current;

  /* A current VCPU over its credit gives way to a better one waiting
     on another CPU, as one about to start would. */
  struct vcpu *stolen = NULL;
  if (cur != NULL && cur->sched.prio == PRIO_OVER && pcpu_cnt > 1)
    stolen = credit_steal (pcpus, pcpu_cnt, p, PRIO_OVER);
  if (stolen == NULL && cur != NULL
      && (cur->sched.pin < 0 || pcpus[cur->sched.pin] == p)
      && !credit_should_preempt (p, cur, tick))
    {
      vsched_unlock (old_level);
      return cur;
    }

  if (cur != NULL)
    vsched_make_runnable (cur);
  struct vcpu *next = p->yield_to;
  p->yield_to = NULL;
  if (next != NULL && next->sched.state == VCPU_RUNNABLE
      && !next->sched.parked && next->sched.pcpu == p)
    credit_dequeue (p, next);
  else
    next = credit_pick (p);
  if (stolen == NULL && pcpu_cnt > 1
      && (next == NULL || next->sched.prio == PRIO_OVER))
    stolen = credit_steal (pcpus, pcpu_cnt, p,
                           next == NULL ? PRIO_CNT : PRIO_OVER);
  if (stolen != NULL)
    {
      if (next != NULL)
        credit_enqueue (p, next);
      next = stolen;
      next->sched.pcpu = p;
      p->steals++;
    }
  p->current = next;
  p->idle = next == NULL;
  if (next != NULL)
    {
      struct vsched_vcpu *s = &next->sched;
      uint64_t waited = vsched_waited (s, rdtsc ());
      s->state = VCPU_RUNNING;
      s->wait_cycles += waited;
      if (s->woke && waited > s->worst_latency)
        s->worst_latency = waited;
      s->woke = false;
      s->slice_start = tick;
      if (next != cur)
        p->switches++;
      if (s->last != NULL && s->last != p)
        {
          p->migrations++;
          s->migrations++;
        }
      s->cpus |= 1u << p->id;
    }
  p->decisions++;
  p->decision_cycles += rdtsc () - start;
  vsched_unlock (old_level);
  return next;
}

/* Runs VCPU, P's current VCPU, until its next exit, charges the
   cycles it ran, and has the exit handled: here, or on cpu 0 if it
   needs the host and P is another CPU. */
static void
vsched_run (struct vsched_pcpu *p, struct vcpu *vcpu)
{
  struct vm *vm = vcpu->vm;
  uint64_t cycles = 0, host = 0;
  enum exit_action action = EXIT_STOP;

  if (vm->kill_requested)
    vm_fail (vm, "stopped at the host's request");
  if (!vm->ended && vm->sched.paused)
    action = EXIT_RESUME;       /* Paused since it was chosen: stop. */
  else if (!vm->ended)
    {
      /* A VCPU in two CPUs' hands at once would be a scheduler bug
         (and two CPUs in one VMCB): refuse to enter it. */
      if (__atomic_exchange_n (&vcpu->sched.in_guest, true, __ATOMIC_ACQ_REL))
        {
          vm_fail (vm, "hv bug: VCPU %u chosen by two CPUs at once",
                   vcpu->index);
          return;
        }
      p->guest_since = timer_ticks ();
      p->masked_guest = p->id != 0 && !(vcpu->vmcb->save.rflags & FLAG_IF);
      if (p->masked_guest && !watchdog_on)
        vsched_watchdog_to_me ();
      bool entered = vcpu_enter (vcpu, p, &cycles, &host);
      p->masked_guest = false;
      if (p->id != 0)
        /* Take the host interrupt that made the guest exit: this
           CPU's timer, or a kick. */
        asm volatile ("sti; nop; cli" : : : "memory");
      if (entered && p->id != 0 && exit_needs_host (vcpu))
        action = EXIT_HOST;
      else if (entered)
        action = exit_dispatch (vcpu);
    }
  p->host_cycles += host;

  enum intr_level old_level = vsched_lock ();
  vcpu->sched.run_cycles += cycles;
  p->busy_cycles += cycles;
  credit_charge (p, vcpu, cycles);
  if (vm->budget != 0
      && vm_run_cycles (vm) >= (uint64_t) vm->budget * cycles_per_tick)
    vm_fail (vm, "used up its CPU budget of %lld ticks",
             (long long) vm->budget);
  if (action != EXIT_HOST || vm->ended)
    vcpu->sched.in_guest = false;
  if (action == EXIT_HOST && !vm->ended)
    {
      /* Cpu 0 handles the exit (vsched_host_exits). */
      vcpu->sched.state = VCPU_HOST;
      p->current = NULL;
      list_push_back (&host_exits, &vcpu->sched.host_elem);
      vsched_kick (boot);
    }
  else
    vsched_after_exit (vcpu, action);
  vsched_unlock (old_level);
}

/* Cpu 0: handles the exits other CPUs left for it, oldest first; each
   VCPU then waits in its CPU's queue again. */
static void
vsched_host_exits (void)
{
  for (;;)
    {
      enum intr_level old_level = vsched_lock ();
      struct vcpu *vcpu = NULL;
      if (!list_empty (&host_exits))
        vcpu = list_entry (list_pop_front (&host_exits), struct vcpu,
                           sched.host_elem);
      vsched_unlock (old_level);
      if (vcpu == NULL)
        return;

      enum exit_action action = (vcpu->vm->ended ? EXIT_STOP
                                 : exit_dispatch (vcpu));
      old_level = vsched_lock ();
      vcpu->sched.in_guest = false;
      vsched_after_exit (vcpu, action);
      vsched_unlock (old_level);
    }
}

/* Returns true if some VM has ended and waits for cpu 0 to end it.
   SCHED_LOCK held. */
static bool
vsched_vm_to_end (void)
{
  for (struct list_elem *e = list_begin (&vms); e != list_end (&vms);
       e = list_next (e))
    if (list_entry (e, struct vm, sched.elem)->ended)
      return true;
  return false;
}

/* Cpu 0 waits for work while it has nothing to run.  With one CPU:
   until the next tick if some VM exists (a timer may fall due), or
   until a VM starts if there is none.  With several, the other CPUs
   do each tick's work, and anything that gives cpu 0 work kicks it
   (a VCPU queued here or stealable, an exit left for it, a VM to
   end), so it blocks until a kick unblocks it (vsched_ipi).  (Cpu 0
   ticking meanwhile made QEMU's -icount hang now and then while
   another CPU ran a guest that masks interrupts.) */
static void
vsched_idle0 (void)
{
  enum intr_level old_level = vsched_lock ();
  bool no_vms = list_empty (&vms);
  bool work = (!list_empty (&host_exits) || vsched_vm_to_end ()
               || (!smp_guests && !vsched_pcpu_idle (boot)) || loop_stop);
  if (!smp_guests)
    vmctl_watchdog_arm (false);
  if (smp_guests && !work)
    {
      loop_sleeper = thread_current ();
      spin_unlock (&sched_lock);
      thread_block ();
      intr_set_level (old_level);
      return;
    }
  vsched_unlock (old_level);
  if (work)
    return;
  if (no_vms)
    sema_down (&loop_work);
  else
    timer_sleep (1);
}

/* Cpu 0's loop (AUX is its struct vsched_pcpu) until the hv unloads:
   handles the exits other CPUs leave and ends VMs, and runs VCPUs if
   there are no other CPUs. */
static void
vsched_loop (void *aux)
{
  struct vsched_pcpu *p = aux;

  while (!loop_stop)
    {
      vsched_tick (p);
      vsched_host_exits ();
      vsched_reap ();
      struct vcpu *vcpu = smp_guests ? NULL : vsched_choose (p);
      if (vcpu != NULL)
        vsched_run (p, vcpu);
      else
        vsched_idle0 ();
    }
  enum intr_level old_level = intr_disable ();
  vmctl_watchdog_arm (false);
  intr_set_level (old_level);
}

/* The loop of another CPU, number INDEX (hv/smp-ap.c calls it, with
   interrupts off, for SMP_REQ_SCHED): runs VCPUs until the hv
   unloads, waiting with interrupts on ("sti; hlt") when there is
   nothing to run, for its timer's next tick or a kick. */
void
vsched_ap_loop (unsigned index)
{
  struct vsched_pcpu *p = pcpus[index];

  while (!loop_stop)
    {
      vsched_tick (p);
      struct vcpu *vcpu = vsched_choose (p);
      if (vcpu != NULL)
        vsched_run (p, vcpu);
      else if (!loop_stop)
        asm volatile ("sti; hlt; cli" : : : "memory");
    }
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
  enum intr_level old_level = vsched_lock ();
  if (weight != -1)
    vm->sched.weight = weight;
  if (cap != -1)
    vm->sched.cap = cap;
  vsched_unlock (old_level);
  return VMCTL_OK;
}

/* Lets VM's VCPU number INDEX run only on physical CPU number CPU, or
   on any if CPU is -1.  CPU must run VCPUs: with other CPUs, cpu 0
   does not.  A runnable VCPU moves to that CPU's queue at once, a
   running one when its CPU next decides.  Returns a vmctl status. */
int
vsched_pin (struct vm *vm, unsigned index, int cpu)
{
  int pin = -1;                 /* Its index in PCPUS. */
  for (unsigned i = 0; i < pcpu_cnt; i++)
    if ((int) pcpus[i]->id == cpu)
      pin = i;
  if (index >= vm->vcpu_cnt || (cpu != -1 && pin < 0))
    return VMCTL_EINVAL;
  struct vcpu *vcpu = &vm->vcpus[index];
  struct vsched_vcpu *s = &vcpu->sched;
  enum intr_level old_level = vsched_lock ();
  s->pin = pin;
  s->cpus = 0;
  if (pin >= 0 && s->state == VCPU_RUNNABLE && s->pcpu != pcpus[pin])
    {
      credit_dequeue (s->pcpu, vcpu);
      vsched_make_runnable (vcpu);
    }
  else if (pin >= 0 && s->state == VCPU_RUNNING && s->pcpu != pcpus[pin])
    vsched_kick (s->pcpu);
  vsched_unlock (old_level);
  return VMCTL_OK;
}


/* Pauses VM for vm_pause_vm (a host thread): from now on none of its
   VCPUs is chosen.  A runnable one leaves its queue and a halted one
   stays halted, each as PAUSED; one in the guest, or whose exit is
   being handled, stops as that exit ends (vsched_after_exit), its CPU
   kicked to make it exit now.  A VCPU still DOWN stays DOWN (starting
   it pauses it).  Returns true once every VCPU has stopped; until
   then the caller calls again, a tick later. */
bool
vsched_pause_vm (struct vm *vm)
{
  uint64_t now = rdtsc ();
  bool stopped = true;

  enum intr_level old_level = vsched_lock ();
  vm->sched.paused = true;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vsched_vcpu *s = &vm->vcpus[i].sched;
      enum vcpu_state state = s->state;
      if (state == VCPU_RUNNABLE || state == VCPU_BLOCKED)
        {
          vsched_withdraw (&vm->vcpus[i], now);
          s->state = VCPU_PAUSED;
          s->paused_from = state;
        }
      else if (state == VCPU_RUNNING || state == VCPU_HOST)
        {
          if (state == VCPU_RUNNING)
            vsched_kick (s->pcpu);
          stopped = false;
        }
    }
  vsched_unlock (old_level);
  return stopped;
}

/* Lets paused VM run again: each PAUSED VCPU goes back to what it
   would have been, runnable where the policy places it, or halted
   (and woken at once if an interrupt came meanwhile). */
void
vsched_resume_vm (struct vm *vm)
{
  enum intr_level old_level = vsched_lock ();
  vm->sched.paused = false;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vcpu *v = &vm->vcpus[i];
      struct vsched_vcpu *s = &v->sched;
      if (s->state != VCPU_PAUSED)
        continue;
      if (s->paused_from == VCPU_BLOCKED)
        {
          s->state = VCPU_BLOCKED;
          vdev_vtimer_update (v);
          if (irq_pending (v))
            vsched_wake_locked (v);
        }
      else
        {
          vsched_place (v);
          vsched_make_runnable (v);
        }
    }
  vsched_wake_loop0 ();
  vsched_unlock (old_level);
  sema_up (&loop_work);
}

/* Gives VM, never started, whose VCPUs a restore or a copy left
   PAUSED (or DOWN), to the scheduler, paused: vsched_resume_vm runs
   it.  Called by a host thread (vm_resume_vm). */
void
vsched_start_paused_vm (struct vm *vm)
{
  enum intr_level old_level = vsched_lock ();
  credit_init_vm (vm);
  vm->sched.paused = true;
  list_push_back (&vms, &vm->sched.elem);
  vsched_unlock (old_level);
}
