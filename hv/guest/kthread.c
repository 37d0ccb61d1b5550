/* Guest kernel threads: creating them on stacks from a static pool,
   switching between them (kswitch.S), preempting them from each
   VCPU's virtual timer, blocking and waking, each VCPU's idle thread,
   and the statistics.  Where a thread runs is the policy's business
   (ksched.c).

   The time slice is KTHREAD_SLICE = 2 ticks (20 ms).  Each VCPU's
   timer interrupts every tick (10 ms, the finest the hv offers), and
   each interrupt already costs the hv an injection whether or not it
   switches threads.  A slice of one tick would switch at every one of
   them, twice the switches for no gain in fairness; three ticks or
   more would make shares coarse over the few hundred ticks a test
   runs, and keep waiting threads waiting longer: with 2, each of K
   threads sharing a VCPU waits at most 2 * (K - 1) ticks for its turn.

   A thread switched away from is only put back in a run queue (or
   retired, or the lock it sleeps under released) once its VCPU runs
   on the next thread's stack (kthread_switch_done): until then
   another VCPU must not pick it up. */

#include "hv/guest/kernel.h"
#include <string.h>

/* Bytes of kernel stack per thread. */
#define KTHREAD_STACK 8192

_Static_assert (offsetof (struct kthread, esp) == 0,
                "kswitch.S expects ESP at +0");

void kswitch (struct kthread *cur, struct kthread *next);  /* kswitch.S */

/* The image header of start.c: gives the main thread's stack. */
extern const struct hv_image_header guest_header;

static struct kthread kthread_pool[KTHREAD_MAX];
static uint8_t kthread_stacks[KTHREAD_MAX][KTHREAD_STACK]
  __attribute__ ((aligned (16)));
static struct kspin kthread_pool_lock;

/* Threads created and not yet exited, and an up for each exit. */
static volatile unsigned kthread_live;
static struct ksema kthread_exits;

static void kthread_switch_done (void);

/* Returns the thread the calling VCPU runs. */
struct kthread *
kthread_current (void)
{
  uint32_t flags = kernel_intr_disable ();
  struct kthread *t = smp_self ()->current;
  kernel_intr_restore (flags);
  return t;
}

/* Returns the index of a pool slot that is free, or else of one whose
   thread has exited, or -1 if every slot holds a live thread.  The
   caller holds the pool lock. */
static int
kthread_find_slot (void)
{
  int exited = -1;

  for (int i = 0; i < KTHREAD_MAX; i++)
    if (kthread_pool[i].state == KTHREAD_FREE)
      return i;
    else if (kthread_pool[i].state == KTHREAD_EXITED && exited < 0)
      exited = i;
  return exited;
}

/* Takes a slot of the pool for a thread called NAME, with the stack
   of that slot, or the one below STACK_TOP if that is not 0.  Returns
   a null pointer when KTHREAD_MAX threads live. */
static struct kthread *
kthread_alloc (const char *name, uint32_t stack_top)
{
  struct kthread *t = NULL;

  kspin_acquire (&kthread_pool_lock);
  int i = kthread_find_slot ();
  if (i >= 0)
    {
      t = &kthread_pool[i];
      memset (t, 0, sizeof *t);
      t->state = KTHREAD_BLOCKED;
      t->stack_top = stack_top != 0 ? stack_top
                     : (uint32_t) (kthread_stacks[i] + KTHREAD_STACK);
      t->vcpu = -1;
      strlcpy (t->name, name, sizeof t->name);
    }
  kspin_release (&kthread_pool_lock);
  return t;
}

/* Marks T, which has exited and no longer runs anywhere, as gone: its
   slot may be reused, and keeps T's statistics until it is. */
static void
kthread_retire (struct kthread *t)
{
  kspin_acquire (&kthread_pool_lock);
  t->state = KTHREAD_EXITED;
  kspin_release (&kthread_pool_lock);
}

/* Where a new thread starts, on its own stack, returned to from
   kswitch with interrupts off: finishes the switch, unmasks
   interrupts, runs the thread's function and exits. */
static void
kthread_launch (void)
{
  kthread_switch_done ();
  guest_sti ();
  struct kthread *t = kthread_current ();
  t->function (t->aux);
  kthread_exit ();
}

/* Lays out on T's stack the frame kswitch pops: four saved registers,
   then a return into kthread_launch (which itself never returns). */
static void
kthread_make_frame (struct kthread *t)
{
  uint32_t *sp = (uint32_t *) t->stack_top;

  *--sp = 0;                            /* kthread_launch's return address. */
  *--sp = (uint32_t) kthread_launch;    /* kswitch's RET goes here. */
  for (int i = 0; i < 4; i++)
    *--sp = 0;                          /* EBP, EBX, ESI, EDI. */
  t->esp = (uint32_t) sp;
}

/* Makes T, which runs nowhere, ready and queues it where the policy
   says; wakes that VCPU if it is idle.  Interrupts off. */
static void
kthread_make_ready (struct kthread *t, enum ksched_why why)
{
  struct smp_vcpu *self = smp_self ();

  t->state = KTHREAD_READY;
  struct smp_vcpu *v = ksched_place (t, why, self);
  smp_rq_put (v, t);
  smp_wake (v);
}

/* Creates a thread called NAME that runs FUNCTION (AUX) and exits when
   it returns, and makes it ready.  Returns it, or a null pointer if
   KTHREAD_MAX threads exist.  Needs kernel_start first. */
struct kthread *
kthread_create (const char *name, void (*function) (void *), void *aux)
{
  struct kthread *t = kthread_alloc (name, 0);
  if (t == NULL)
    return NULL;
  t->function = function;
  t->aux = aux;
  kthread_make_frame (t);

  uint32_t flags = kernel_intr_disable ();
  __atomic_add_fetch (&kthread_live, 1, __ATOMIC_SEQ_CST);
  kthread_make_ready (t, KSCHED_NEW);
  kernel_intr_restore (flags);
  return t;
}

/* Switches the calling VCPU, SELF, from CUR to NEXT, charging CUR its
   cycles; returns when CUR runs again (perhaps on another VCPU).
   UNLOCK, if not null, is released on NEXT's stack.  Interrupts off. */
static void
kthread_switch_to (struct smp_vcpu *self, struct kthread *cur,
                   struct kthread *next, struct kspin *unlock)
{
  uint64_t now = rdtsc ();

  ASSERT (cur != next);
  cur->cycles += now - cur->run_start;
  next->run_start = now;
  next->runs++;
  if (next->vcpu >= 0 && next->vcpu != (int) self->id)
    next->migrations++;
  next->vcpu = self->id;
  next->state = KTHREAD_RUNNING;
  self->current = next;
  self->slice_used = 0;
  self->switch_prev = cur;
  self->switch_unlock = unlock;
  idt_set_kernel_stack (self->id, next->stack_top);
  kswitch (cur, next);
  kthread_switch_done ();
}

/* Runs on the thread just switched to: queues the previous thread again
   if it was preempted, retires it if it exited, or releases the lock
   it went to sleep under.  Its state is read before that lock goes:
   once it is free, a waker on another VCPU may make the sleeper READY
   and queue it, and it must not be queued twice.  Interrupts off. */
static void
kthread_switch_done (void)
{
  struct smp_vcpu *self = smp_self ();
  struct kthread *prev = self->switch_prev;
  struct kspin *unlock = self->switch_unlock;
  enum kthread_state state = prev->state;

  self->switch_prev = NULL;
  self->switch_unlock = NULL;
  if (state == KTHREAD_READY && !prev->is_idle)
    kthread_make_ready (prev, KSCHED_PREEMPTED);
  else if (state == KTHREAD_DYING)
    kthread_retire (prev);
  if (unlock != NULL)
    kspin_unlock_raw (unlock);
}

/* Gives the calling VCPU to the thread the policy picks.  The current
   thread has already set its state: READY (it goes on running if
   nothing else is ready), BLOCKED or DYING (the VCPU's idle thread
   runs if nothing is ready).  UNLOCK as for kthread_switch_to.
   Interrupts off. */
static void
kthread_schedule (struct kspin *unlock)
{
  struct smp_vcpu *self = smp_self ();
  struct kthread *cur = self->current;
  struct kthread *next = ksched_pick_next (self);

  if (next == NULL && cur->state == KTHREAD_READY)
    {
      cur->state = KTHREAD_RUNNING;
      self->slice_used = 0;
      if (unlock != NULL)
        kspin_unlock_raw (unlock);
      return;
    }
  if (next == NULL)
    next = self->idle;
  self->halted = false;
  kthread_switch_to (self, cur, next, unlock);
}

/* Puts the current thread back among the ready and lets the policy
   pick what runs next (perhaps the same thread).  Interrupts off. */
static void
kthread_preempt_current (void)
{
  smp_self ()->current->state = KTHREAD_READY;
  kthread_schedule (NULL);
}

/* Gives up the VCPU; the thread stays ready. */
void
kthread_yield (void)
{
  uint32_t flags = kernel_intr_disable ();
  kthread_preempt_current ();
  kernel_intr_restore (flags);
}

/* Keeps the guest kernel from preempting the calling thread (its timer
   still interrupts, and the hv may still preempt the VCPU) until the
   matching kthread_preempt_enable.  Calls nest. */
void
kthread_preempt_disable (void)
{
  uint32_t flags = kernel_intr_disable ();
  smp_self ()->preempt_off++;
  kernel_intr_restore (flags);
}

/* Ends one kthread_preempt_disable; once none is left, a thread whose
   slice ran out meanwhile yields at once. */
void
kthread_preempt_enable (void)
{
  uint32_t flags = kernel_intr_disable ();
  struct smp_vcpu *self = smp_self ();

  ASSERT (self->preempt_off > 0);
  if (--self->preempt_off == 0 && self->slice_used >= KTHREAD_SLICE)
    kthread_preempt_current ();
  kernel_intr_restore (flags);
}

/* Puts the current thread to sleep until kthread_unblock.  UNLOCK
   (may be null), which the caller holds and which guards whatever will
   find the thread to wake it, is released once the thread is off its
   VCPU.  Interrupts off; returns with them off and UNLOCK not held. */
void
kthread_block (struct kspin *unlock)
{
  ASSERT (!(read_eflags () & FLAG_IF));
  smp_self ()->current->state = KTHREAD_BLOCKED;
  kthread_schedule (unlock);
}

/* Makes blocked thread T ready, on the VCPU the policy chooses; counts
   a remote wake-up if that is not the caller's VCPU. */
void
kthread_unblock (struct kthread *t)
{
  uint32_t flags = kernel_intr_disable ();

  ASSERT (t->state == KTHREAD_BLOCKED);
  struct smp_vcpu *self = smp_self ();
  t->state = KTHREAD_READY;
  struct smp_vcpu *v = ksched_place (t, KSCHED_WOKEN, self);
  if (v != self)
    t->remote_wakeups++;
  smp_rq_put (v, t);
  smp_wake (v);
  kernel_intr_restore (flags);
}

/* Ends the current thread. */
void
kthread_exit (void)
{
  guest_cli ();
  __atomic_sub_fetch (&kthread_live, 1, __ATOMIC_SEQ_CST);
  ksema_up (&kthread_exits);
  smp_self ()->current->state = KTHREAD_DYING;
  kthread_schedule (NULL);
  NOT_REACHED ();
}

/* Waits until every thread kthread_create made has exited. */
void
kthread_wait_all (void)
{
  while (kthread_live > 0)
    ksema_down (&kthread_exits);
}

/* The virtual timer's handler, on each VCPU: counts the tick for the
   VCPU and its thread, and preempts a thread whose slice is over
   unless preemption is off (kthread_preempt_enable does it then). */
static void
kthread_tick (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
              uint32_t error UNUSED)
{
  struct smp_vcpu *self = smp_self ();
  struct kthread *cur = self->current;

  self->ticks++;
  if (cur->is_idle)
    {
      self->idle_ticks++;
      return;
    }
  cur->ticks++;
  if (++self->slice_used >= KTHREAD_SLICE && self->preempt_off == 0)
    kthread_preempt_current ();
}

/* The wake-up IPI's handler: only counts.  Its work is done by
   interrupting HLT, after which the idle loop looks for threads. */
static void
kthread_wake_ipi (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
                  uint32_t error UNUSED)
{
  smp_self ()->ipis_received++;
}

/* What each VCPU's idle thread does: runs whatever the policy finds
   (its own queue, or work taken from another VCPU), and when there is
   nothing, halts until an interrupt (its timer, or a wake-up IPI) so
   that the hv sees the VCPU blocked. */
void
kthread_idle_loop (void)
{
  for (;;)
    {
      guest_cli ();
      struct smp_vcpu *self = smp_self ();
      self->halted = true;
      __sync_synchronize ();    /* HALTED before the queues are read. */
      struct kthread *next = ksched_pick_next (self);
      if (next != NULL)
        {
          self->halted = false;
          self->idle->state = KTHREAD_READY;
          kthread_switch_to (self, self->idle, next, NULL);
          continue;
        }
      self->halts++;
      guest_wait ();
    }
}

/* The function of VCPU 0's idle thread, which starts like any thread. */
static void
kthread_idle_main (void *aux UNUSED)
{
  kthread_idle_loop ();
}

/* Makes the idle thread of every VCPU; VCPU 0's starts through a
   frame, the others' stacks are where their VCPUs start. */
static void
kthread_make_idle_threads (void)
{
  for (unsigned i = 0; i < smp_vcpu_cnt (); i++)
    {
      char name[16];
      snprintf (name, sizeof name, "idle%u", i);
      struct kthread *t = kthread_alloc (name, 0);
      ASSERT (t != NULL);
      t->is_idle = true;
      t->function = kthread_idle_main;
      t->state = KTHREAD_READY;
      kthread_make_frame (t);
      smp_vcpu (i)->idle = t;
    }
}

/* Arms the calling VCPU's timer for preemption and installs the
   kernel's interrupt handlers. */
static void
kthread_start_timer (void)
{
  idt_set_handler (KERNEL_VECTOR_WAKE, kthread_wake_ipi);
  timer_start (1, KERNEL_VECTOR_TIMER, kthread_tick);
}

/* Where secondary VCPU V ends up (smp.c), interrupts off, on its idle
   thread's stack: makes the idle thread current and runs it. */
void
kthread_run_idle (struct smp_vcpu *v)
{
  struct kthread *idle = v->idle;

  idle->state = KTHREAD_RUNNING;
  idle->vcpu = v->id;
  idle->run_start = rdtsc ();
  idle->runs++;
  v->current = idle;
  idt_set_kernel_stack (v->id, idle->stack_top);
  kthread_start_timer ();
  kthread_idle_loop ();
}

/* Turns the calling program, on VCPU 0, into the guest kernel's "main"
   thread; makes the idle threads; brings up the other VCPUs and starts
   preemption.  Call once, from main (); returns with interrupts on. */
void
kernel_start (void)
{
  guest_cli ();
  smp_start ();
  kspin_init (&kthread_pool_lock);
  ksema_init (&kthread_exits, 0);

  struct kthread *main_thread = kthread_alloc ("main", guest_header.stack_top);
  ASSERT (main_thread != NULL);
  main_thread->state = KTHREAD_RUNNING;
  main_thread->vcpu = 0;
  main_thread->run_start = rdtsc ();
  main_thread->runs = 1;
  smp_vcpu (0)->current = main_thread;
  idt_set_kernel_stack (0, main_thread->stack_top);

  kthread_make_idle_threads ();
  smp_boot_secondaries ();
  kthread_start_timer ();
  guest_sti ();
}

/* Prints, with msg (), a line per thread ever created that is still in
   the pool (idle threads included) and a line per VCPU: CPU use,
   switches, migrations and wake-ups.  The .ck scripts parse them. */
void
kthread_print_stats (void)
{
  uint32_t flags = kernel_intr_disable ();
  for (unsigned i = 0; i < KTHREAD_MAX; i++)
    {
      const struct kthread *t = &kthread_pool[i];
      if (t->state == KTHREAD_FREE)
        continue;
      msg ("thread %s: ticks %u, cycles %llu, runs %u, migrations %u, "
           "remote wake-ups %u", t->name, (unsigned) t->ticks,
           (unsigned long long) t->cycles, (unsigned) t->runs,
           (unsigned) t->migrations, (unsigned) t->remote_wakeups);
    }
  for (unsigned i = 0; i < smp_vcpu_cnt (); i++)
    {
      const struct smp_vcpu *v = smp_vcpu (i);
      msg ("vcpu %u: ticks %u, idle %u, steals %u, ipis sent %u, "
           "ipis received %u, halts %u", i, (unsigned) v->ticks,
           (unsigned) v->idle_ticks, (unsigned) v->steals,
           (unsigned) v->ipis_sent, (unsigned) v->ipis_received,
           (unsigned) v->halts);
    }
  kernel_intr_restore (flags);
}
