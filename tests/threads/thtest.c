/* Helpers shared by the threads-lab tests. */

#include "tests/threads/thtest.h"
#include "devices/timer.h"
#include "threads/interrupt.h"
#include "threads/synch.h"

/* Fails unless the kernel runs the priority scheduler (no -mlfqs). */
void
thtest_require_priority (void)
{
  CHECK (!thread_mlfqs, "this test is for the priority scheduler: "
         "run it without -mlfqs");
}

/* Fails unless the kernel runs the MLFQS scheduler (-mlfqs). */
void
thtest_require_mlfqs (void)
{
  CHECK (thread_mlfqs, "this test is for the MLFQS scheduler: "
         "run it with -mlfqs");
}

/* Creates a thread like thread_create () and fails the test if that
   fails. */
void
thtest_spawn (const char *name, int priority, thread_func *function,
              void *aux)
{
  CHECK (thread_create (name, priority, function, aux) != TID_ERROR,
         "thread_create (\"%s\") failed", name);
}

/* Threads that call thtest_join_done (), and the number the next
   thtest_join () waits for. */
static struct semaphore join_sema;
static int join_cnt;

/* Prepares thtest_join () to wait for COUNT threads. */
void
thtest_join_init (int count)
{
  sema_init (&join_sema, 0);
  join_cnt = count;
}

/* Tells thtest_join () that one more thread is done.  A thread calls
   it as its last action. */
void
thtest_join_done (void)
{
  sema_up (&join_sema);
}

/* Waits until the threads counted by thtest_join_init () are done. */
void
thtest_join (void)
{
  for (; join_cnt > 0; join_cnt--)
    sema_down (&join_sema);
}

/* A thread may be charged at most this many ticks across one
   timer_sleep () that blocks it: one tick may fall just before it
   blocks, another just after it wakes. */
#define THTEST_SLEEP_CHARGE_MAX 2

/* Calls timer_sleep () to sleep until timer tick TICK and returns
   the tick the thread woke in.  Fails the test, naming the sleeper
   WHO, if it woke before TICK or more than a tick after it, or if it
   was charged CPU time while asleep: a sleeping thread must be
   blocked, not spinning or yielding in a loop. */
int64_t
thtest_sleep_until (const char *who, int64_t tick)
{
  int64_t charged = thread_cpu_ticks ();
  int64_t duration = tick - timer_ticks ();

  /* timer_sleep () takes a duration, so a tick that fell between
     reading the clock here and timer_sleep () reading it again would
     end the sleep a tick late.  So sleep until the tick before TICK
     first (or until TICK itself, if such a tick fell), then sleep the
     rest right after waking up, when a whole tick lies ahead. */
  if (duration > 1)
    timer_sleep (duration - 1);
  timer_sleep (tick - timer_ticks ());
  int64_t woke = timer_ticks ();
  charged = thread_cpu_ticks () - charged;
  CHECK (woke >= tick, "%s woke in tick %lld, %lld tick(s) early",
         who, woke, tick - woke);
  CHECK (woke <= tick + 1, "%s woke in tick %lld, %lld ticks late",
         who, woke, woke - tick);
  CHECK (charged <= THTEST_SLEEP_CHARGE_MAX,
         "%s ran for %lld ticks during a sleep of %lld: timer_sleep () "
         "must block the sleeper, not keep it running (busy waiting)",
         who, charged, duration);
  return woke;
}

/* Spins, keeping the CPU, until timer tick TICK. */
void
thtest_spin_until (int64_t tick)
{
  while (timer_ticks () < tick)
    barrier ();
}

/* Returns the first tick after the current one that starts a second:
   the next time the MLFQS scheduler updates the load average. */
int64_t
thtest_next_second (void)
{
  return (timer_ticks () / TIMER_FREQ + 1) * TIMER_FREQ;
}

/* Most seconds thtest_mlfqs_start () sleeps for recent_cpu to decay. */
#define THTEST_SETTLE_MAX 60

/* Starts an MLFQS test: checks the scheduler, then sleeps, waking half
   a second after each once-a-second update, until this thread's
   recent_cpu reads 0.00 (asleep it decays, fast, from what the boot
   left).  The load average decays too, but slowly: tests that depend
   on it print it at the start, and their checkers start their models
   from there.  Returns T0, the tick the test times its phases from:
   half a second before the next update, and not after the current
   tick. */
int64_t
thtest_mlfqs_start (void)
{
  int seconds;

  thtest_require_mlfqs ();
  for (seconds = 0; seconds < THTEST_SETTLE_MAX; seconds++)
    {
      timer_sleep (thtest_next_second () + THTEST_HALF_SECOND
                   - timer_ticks ());
      if (thread_get_recent_cpu () == 0)
        return timer_ticks () / TIMER_FREQ * TIMER_FREQ + THTEST_HALF_SECOND;
    }
  fail ("recent_cpu did not fall to 0.00 in %d seconds asleep (it reads "
        "%d hundredths)", THTEST_SETTLE_MAX, thread_get_recent_cpu ());
}

/* Prints the load average, as "load average WHEN: X.XX". */
void
thtest_print_load (const char *when)
{
  int load = thread_get_load_avg ();
  msg ("load average %s: %d.%02d", when, load / 100, load % 100);
}

/* How far a thread's priority may stray from the one its nice value
   and recent_cpu give: priorities are recomputed every fourth tick,
   and meanwhile a running thread's recent_cpu grows by up to 3/4 of a
   priority level; thread_get_recent_cpu () rounds; and truncating the
   formula's terms one by one instead of as a whole moves it by one
   more. */
#define THTEST_PRIORITY_SLACK 2

/* Checks that the running thread's priority follows the MLFQS
   formula, PRI_MAX - recent_cpu / 4 - 2 * nice (kept within PRI_MIN
   .. PRI_MAX), from what thread_get_nice () and
   thread_get_recent_cpu () report.  Fails, naming the thread WHO, if
   it does not. */
void
thtest_mlfqs_check (const char *who)
{
  enum intr_level old_level = intr_disable ();
  int nice = thread_get_nice ();
  int recent_cpu = thread_get_recent_cpu ();
  int priority = thread_get_priority ();
  intr_set_level (old_level);

  int expected = PRI_MAX - 2 * nice - recent_cpu / 400;
  expected = expected < PRI_MIN ? PRI_MIN : expected > PRI_MAX ? PRI_MAX : expected;
  int off = priority - expected;
  int magnitude = recent_cpu < 0 ? -recent_cpu : recent_cpu;
  CHECK (off >= -THTEST_PRIORITY_SLACK && off <= THTEST_PRIORITY_SLACK,
         "%s has priority %d, but with nice %d and recent_cpu %s%d.%02d "
         "the MLFQS formula gives %d", who, priority, nice,
         recent_cpu < 0 ? "-" : "", magnitude / 100,
         magnitude % 100, expected);
}
