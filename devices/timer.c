/* The system timer.  PIT channel 0 interrupts TIMER_FREQ times a
   second; each interrupt advances the tick count and lets the
   scheduler account for the running thread.  Real-time sleeps of a
   tick or more sleep by ticks; shorter ones spin in a delay loop
   whose speed timer_calibrate measures at boot. */

#include "devices/timer.h"
#include <inttypes.h>
#include <stdio.h>
#include <debug.h>
#include "threads/thread.h"
#include "threads/synch.h"
#include "threads/interrupt.h"
#include "devices/pit.h"

_Static_assert (TIMER_FREQ >= 19 && TIMER_FREQ <= 1000,
                "TIMER_FREQ must lie between 19 and 1000");

#define TIMER_CHANNEL 0             /* PIT channel wired to IRQ 0. */
#define TIMER_IRQ 0                 /* Its interrupt line. */

/* Calibration runs the delay loop with interrupts off for growing
   loop counts until one run lasts at least a quarter of a tick: long
   enough to measure with the PIT's counter to better than 0.1%,
   short enough (under half a tick) that the counter wraps at most
   once, so the difference of two reads is unambiguous, and that at
   most one tick interrupt waits while interrupts are off. */
#define TIMER_CALIBRATE_FIRST 256   /* First loop count tried. */
#define TIMER_CALIBRATE_LIMIT (1u << 30) /* Give up growing here. */
#define TIMER_CALIBRATE_FRACTION 4  /* Target: 1/4 of a tick. */

#define NSEC_PER_SEC 1000000000
#define USEC_PER_SEC 1000000
#define MSEC_PER_SEC 1000

/* Timer interrupts taken since boot.  Written by the interrupt
   handler only; see timer_ticks for how it is read. */
static int64_t timer_tick_cnt;

/* How many rounds of timer_busy_wait fill one tick; measured by
   timer_calibrate. */
static unsigned timer_loops_per_tick;

static void timer_interrupt (struct intr_frame *);

/* LAB threads: alarm */
/* A thread sleeping in timer_sleep (), on the sleepers list.  It
   lives on the sleeping thread's stack. */
struct timer_sleeper
  {
    int64_t wake_tick;              /* First tick it may run again. */
    struct semaphore wake;          /* Upped at WAKE_TICK. */
    struct list_elem elem;          /* Element in sleepers. */
  };

/* Sleeping threads, soonest WAKE_TICK first; of equal WAKE_TICKs, the
   one that went to sleep first comes first.  Guarded by turning
   interrupts off: the timer interrupt takes sleepers off it. */
static struct list sleepers = LIST_INITIALIZER (sleepers);

/* list_insert_ordered () order of sleepers: by wake tick. */
static bool
timer_sleeper_earlier (const struct list_elem *a, const struct list_elem *b,
                       void *aux UNUSED)
{
  return list_entry (a, struct timer_sleeper, elem)->wake_tick
         < list_entry (b, struct timer_sleeper, elem)->wake_tick;
}

/* Wakes the sleepers whose tick has come.  Called by the timer
   interrupt: only the front of the sorted list is ever looked at, so
   a tick that wakes nobody costs one comparison. */
static void
timer_wake_sleepers (void)
{
  while (!list_empty (&sleepers))
    {
      struct timer_sleeper *s = list_entry (list_front (&sleepers),
                                            struct timer_sleeper, elem);
      if (s->wake_tick > timer_tick_cnt)
        break;
      list_pop_front (&sleepers);
      sema_up (&s->wake);
    }
}
/* END LAB */

/* Takes PIT channel 0 over from the firmware, before intr_init resets
   the PIC.  The firmware leaves it running an 18.2 Hz square wave;
   if that wave rose between the PIC's reset and timer_init, the PIC
   would hold a stale timer interrupt, taken as soon as interrupts go
   on.  Whether it rises there depends on where the wave was when the
   kernel started, which on QEMU depends on how long the BIOS's disk
   reads took in host time: about one run in fifty had one tick more.
   Reprogrammed now, any edge comes before the reset, which forgets
   it.  Interrupts must be off. */
void
timer_take_over (void)
{
  pit_configure_channel (TIMER_CHANNEL, PIT_MODE_RATE, TIMER_FREQ);
}

/* Programs PIT channel 0 to interrupt TIMER_FREQ times per second and
   registers the interrupt handler.  Called once at boot, before
   interrupts are enabled. */
void
timer_init (void)
{
  pit_configure_channel (TIMER_CHANNEL, PIT_MODE_RATE, TIMER_FREQ);
  intr_register_ext (INTR_IRQ_BASE + TIMER_IRQ, timer_interrupt,
                     "8254 Timer");
}

/* Spins LOOPS times around an empty loop.  Never inlined, so every
   caller runs exactly the code timer_calibrate timed. */
static void NO_INLINE
timer_busy_wait (int64_t loops)
{
  while (loops-- > 0)
    barrier ();
}

/* Returns how many PIT input cycles LOOPS iterations of the delay
   loop take, measured with interrupts off.  Valid only for runs
   shorter than one tick, since the counter wraps once per tick. */
static unsigned
timer_measure (unsigned loops)
{
  unsigned period = pit_period (TIMER_FREQ);
  enum intr_level old_level = intr_disable ();
  unsigned start = pit_read_count (TIMER_CHANNEL);
  timer_busy_wait (loops);
  unsigned end = pit_read_count (TIMER_CHANNEL);
  intr_set_level (old_level);

  /* The count falls from PERIOD to 1, then starts again. */
  return start >= end ? start - end : start + period - end;
}

/* Measures how fast the delay loop runs, for delays shorter than a
   tick, stores it in timer_loops_per_tick and prints it.  Coarse
   step: double the loop count until one run lasts a good fraction of
   a tick.  Fine step: scale that count by the exact number of PIT
   cycles it took.  All runs together take about a tick.  Called once
   at boot, after timer_init. */
void
timer_calibrate (void)
{
  unsigned period = pit_period (TIMER_FREQ);
  unsigned target = period / TIMER_CALIBRATE_FRACTION;
  unsigned loops = TIMER_CALIBRATE_FIRST;
  unsigned cycles;

  printf ("Calibrating timer...  ");
  while ((cycles = timer_measure (loops)) < target
         && loops < TIMER_CALIBRATE_LIMIT)
    loops *= 2;

  uint64_t per_tick = (uint64_t) loops * period / (cycles > 0 ? cycles : 1);
  if (per_tick == 0 || per_tick > UINT32_MAX)
    per_tick = UINT32_MAX;
  timer_loops_per_tick = per_tick;
  printf ("%'"PRIu64" loops/s.\n", per_tick * TIMER_FREQ);
}

/* Returns how many ticks have passed since the timer started.  Any
   context may call it, interrupts on or off.  The count is 64 bits,
   read as two 32-bit halves, so a tick may land between them; the
   count is read until two reads agree, which needs no change to the
   interrupt level. */
int64_t
timer_ticks (void)
{
  int64_t first, second;

  do
    {
      first = timer_tick_cnt;
      barrier ();
      second = timer_tick_cnt;
      barrier ();
    }
  while (first != second);
  return first;
}

/* Returns the number of timer ticks elapsed since THEN, a value once
   returned by timer_ticks. */
int64_t
timer_elapsed (int64_t then)
{
  int64_t now = timer_ticks ();

  return now - then;
}

/* Suspends the calling thread for TICKS timer ticks: it runs again
   no earlier than TICKS ticks from now, and (CPU permitting) in that
   very tick.  The thread blocks meanwhile, so other threads, or the
   idle thread, have the CPU.  Returns at once if TICKS is zero or
   negative.  Interrupts must be on; may sleep. */
void
timer_sleep (int64_t ticks)
{
  ASSERT (intr_get_level () == INTR_ON);
/* LAB threads: alarm */
  if (ticks <= 0)
    return;

  struct timer_sleeper sleeper;
  sema_init (&sleeper.wake, 0);
  enum intr_level old_level = intr_disable ();
  sleeper.wake_tick = timer_ticks () + ticks;
  list_insert_ordered (&sleepers, &sleeper.elem, timer_sleeper_earlier, NULL);
  intr_set_level (old_level);
  sema_down (&sleeper.wake);
/* STUB:
  int64_t wake = timer_ticks () + ticks;
  while (timer_ticks () < wake)
    thread_yield ();
*/
/* END LAB */
}

/* Spins for NUM / DENOM seconds, a time shorter than a tick that
   timer ticks cannot measure.  Does not yield the CPU. */
static void
timer_real_delay (int64_t num, int32_t denom)
{
  ASSERT (num >= 0 && denom > 0);

  /* loops = NUM / DENOM * loops per second, split to avoid overflow. */
  uint64_t per_sec = (uint64_t) timer_loops_per_tick * TIMER_FREQ;
  uint64_t loops = (uint64_t) (num / denom) * per_sec
                   + (uint64_t) (num % denom) * per_sec / denom;
  timer_busy_wait (loops);
}

/* Sleeps for NUM / DENOM seconds: by ticks if that is at least one
   tick, otherwise in the delay loop.  Interrupts must be on. */
static void
timer_real_sleep (int64_t num, int32_t denom)
{
  int64_t sleep_ticks = num * TIMER_FREQ / denom;

  ASSERT (intr_get_level () == INTR_ON);
  if (sleep_ticks > 0)
    timer_sleep (sleep_ticks);
  else
    timer_real_delay (num, denom);
}

/* Sleeps for about MS milliseconds.  Interrupts must be on. */
void
timer_msleep (int64_t ms)
{
  timer_real_sleep (ms, MSEC_PER_SEC);
}

/* Sleeps for about US microseconds.  Interrupts must be on. */
void
timer_usleep (int64_t us)
{
  timer_real_sleep (us, USEC_PER_SEC);
}

/* Sleeps for about NS nanoseconds.  Interrupts must be on. */
void
timer_nsleep (int64_t ns)
{
  timer_real_sleep (ns, NSEC_PER_SEC);
}

/* Spins for about MS milliseconds without yielding the CPU.  Works
   with interrupts off; prefer timer_msleep when they are on. */
void
timer_mdelay (int64_t ms)
{
  timer_real_delay (ms, MSEC_PER_SEC);
}

/* Spins for about US microseconds without yielding the CPU.  Works
   with interrupts off; prefer timer_usleep when they are on. */
void
timer_udelay (int64_t us)
{
  timer_real_delay (us, USEC_PER_SEC);
}

/* Spins for about NS nanoseconds without yielding the CPU.  Works
   with interrupts off; prefer timer_nsleep when they are on. */
void
timer_ndelay (int64_t ns)
{
  timer_real_delay (ns, NSEC_PER_SEC);
}

/* Prints the tick count, for the statistics shown at power-off. */
void
timer_print_stats (void)
{
  int64_t now = timer_ticks ();

  printf ("Timer: %"PRId64" ticks\n", now);
}

/* IRQ 0: one more tick; the scheduler accounts for it, and sleepers
   whose time has come wake up. */
static void
timer_interrupt (struct intr_frame *args UNUSED)
{
  timer_tick_cnt++;
  thread_tick ();
/* LAB threads: alarm */
  timer_wake_sleepers ();
/* END LAB */
}
