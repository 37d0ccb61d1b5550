/* A minimal guest kernel-thread layer for one VCPU (see kmin.h).
   Threads run round-robin, one tick each, preempted by the virtual
   timer; a sleeping thread waits for a tick count; with nothing to
   run the VCPU halts.  Thread 0 is the program's starting context.
   Every function here runs with interrupts off while it touches the
   thread table: that is all the locking one VCPU needs. */

#include "hv/guest/kmin.h"
#include "hv/guest/uswitch.h"

#define KMIN_STACK 8192                 /* Bytes of stack per thread. */
#define EFLAGS_IF 0x200u

enum kmin_state
  {
    KMIN_FREE,                          /* Slot unused. */
    KMIN_READY,                         /* Waiting for the VCPU. */
    KMIN_RUNNING,                       /* On the VCPU. */
    KMIN_SLEEPING                       /* Waiting for tick WAKE. */
  };

struct kmin_thread
  {
    uint32_t esp;                       /* Saved by uswitch. */
    enum kmin_state state;
    uint32_t wake;                      /* KMIN_SLEEPING: tick to wake. */
    void (*function) (void *);          /* What a new thread runs... */
    void *aux;                          /* ...and its argument. */
  };

static struct kmin_thread kmin_threads[KMIN_THREADS];
static uint8_t kmin_stacks[KMIN_THREADS][KMIN_STACK]
  __attribute__ ((aligned (16)));
static struct kmin_thread *kmin_current;
static volatile uint32_t kmin_tick_count;
static bool kmin_scheduling;            /* Inside kmin_schedule. */
static kmin_tick_hook *kmin_on_tick;
static kmin_switch_hook *kmin_on_switch;

static void kmin_schedule (void);

/* Turns interrupts off and returns whether they were on. */
static bool
kmin_intr_off (void)
{
  uint32_t flags;
  asm volatile ("pushfl; popl %0; cli" : "=r" (flags) : : "memory");
  return (flags & EFLAGS_IF) != 0;
}

/* Turns interrupts back on if WAS_ON. */
static void
kmin_intr_restore (bool was_on)
{
  if (was_on)
    guest_sti ();
}

/* Timer interrupt: counts the tick, calls the hook, and gives the VCPU
   to the next ready thread (each thread runs one tick at a time). */
static void
kmin_timer (unsigned vector UNUSED, struct guest_frame *frame,
            uint32_t error UNUSED)
{
  kmin_tick_count++;
  if (kmin_on_tick != NULL)
    kmin_on_tick (frame);
  if (!kmin_scheduling)
    kmin_schedule ();
}

/* Makes the running code thread 0, calls TICK at every timer
   interrupt and SWITCH before every thread runs (either may be null),
   and starts the timer.  Interrupts are turned on. */
void
kmin_init (kmin_tick_hook *tick, kmin_switch_hook *on_switch)
{
  kmin_current = &kmin_threads[0];
  kmin_current->state = KMIN_RUNNING;
  kmin_on_tick = tick;
  kmin_on_switch = on_switch;
  timer_start (1, KMIN_TIMER_VECTOR, kmin_timer);
  guest_sti ();
}

/* Returns the top of thread T's stack. */
static uint32_t
kmin_stack_top (const struct kmin_thread *t)
{
  return (uint32_t) kmin_stacks[t - kmin_threads] + KMIN_STACK;
}

/* Where a new thread starts: with interrupts on, it runs its function
   and ends. */
static void
kmin_begin (void)
{
  guest_sti ();
  kmin_current->function (kmin_current->aux);
  kmin_exit ();
}

/* Starts a thread that runs FUNCTION (AUX).  Returns its number, or
   -1 if every slot is taken. */
int
kmin_create (void (*function) (void *aux), void *aux)
{
  bool was_on = kmin_intr_off ();
  int id = -1;

  for (int i = 1; i < KMIN_THREADS; i++)
    if (kmin_threads[i].state == KMIN_FREE)
      {
        struct kmin_thread *t = &kmin_threads[i];
        t->function = function;
        t->aux = aux;
        t->esp = uswitch_prepare ((void *) kmin_stack_top (t), kmin_begin);
        t->state = KMIN_READY;
        id = i;
        break;
      }
  kmin_intr_restore (was_on);
  return id;
}

/* Returns whether T may run now, waking it if its sleep is over. */
static bool
kmin_runnable (struct kmin_thread *t)
{
  if (t->state == KMIN_SLEEPING && (int32_t) (kmin_tick_count - t->wake) >= 0)
    t->state = KMIN_READY;
  return t->state == KMIN_READY || t->state == KMIN_RUNNING;
}

/* Returns the next thread after the current one, in round-robin
   order, that may run (possibly the current one), or null. */
static struct kmin_thread *
kmin_pick (void)
{
  int self = kmin_current - kmin_threads;
  for (int i = 1; i <= KMIN_THREADS; i++)
    {
      struct kmin_thread *t = &kmin_threads[(self + i) % KMIN_THREADS];
      if (kmin_runnable (t))
        return t;
    }
  return NULL;
}

/* Gives the VCPU to the next thread that may run, halting until one
   may if none can; the current thread keeps it if it is the only one.
   The current thread must already be in the state it should wait in.
   Interrupts must be off. */
static void
kmin_schedule (void)
{
  struct kmin_thread *prev = kmin_current, *next;

  kmin_scheduling = true;
  while ((next = kmin_pick ()) == NULL)
    {
      guest_wait ();                    /* sti; hlt: a tick wakes it. */
      guest_cli ();
    }
  kmin_scheduling = false;
  if (prev->state == KMIN_RUNNING)
    prev->state = KMIN_READY;
  next->state = KMIN_RUNNING;
  if (next == prev)
    return;
  kmin_current = next;
  if (kmin_on_switch != NULL)
    kmin_on_switch (kmin_stack_top (next));
  uswitch (&prev->esp, next->esp);
}

/* Lets the other ready threads run first.  Any interrupt state. */
void
kmin_yield (void)
{
  bool was_on = kmin_intr_off ();
  kmin_schedule ();
  kmin_intr_restore (was_on);
}

/* Blocks the current thread for TICKS timer ticks.  Any interrupt
   state; the VCPU runs other threads meanwhile. */
void
kmin_sleep (uint32_t ticks)
{
  bool was_on = kmin_intr_off ();
  kmin_current->wake = kmin_tick_count + ticks;
  kmin_current->state = KMIN_SLEEPING;
  kmin_schedule ();
  kmin_intr_restore (was_on);
}

/* Ends the current thread, which must not be thread 0. */
void
kmin_exit (void)
{
  kmin_intr_off ();
  ASSERT (kmin_current != &kmin_threads[0]);
  kmin_current->state = KMIN_FREE;
  kmin_schedule ();
  NOT_REACHED ();
}

/* Returns the current thread's number. */
int
kmin_self (void)
{
  return kmin_current - kmin_threads;
}

/* Returns the timer ticks counted since kmin_init. */
uint32_t
kmin_ticks (void)
{
  return kmin_tick_count;
}
