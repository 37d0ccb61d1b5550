/* The user-level thread library (see uthread.h).  All of it runs in
   guest ring 3 and reaches the guest kernel only through system
   calls, none of them on the path of a thread switch.

   Each VP runs uthread_vp_main's loop on its own stack: take a thread
   from the ready queue, switch to it (uswitch), and when the thread
   yields or ends it switches back to the loop, which puts it back in
   the queue.  A thread goes back into the queue only after its VP has
   left its stack, so another VP can never run it twice at once.

   Lock: uthread_lock guards the ready queue, the thread table and the
   totals.  It is never held across a switch or a system call. */

#include <debug.h>
#include <stdarg.h>
#include <stddef.h>
#include "hv/guest/uthread.h"
#include "hv/guest/uswitch.h"

#define ULOCK_SPINS 2000        /* Spins before the VP yields its CPU. */
#define UIDLE_SPINS 200         /* Idle spins before the VP yields. */

enum uthread_state
  {
    UTHREAD_FREE,               /* Slot unused. */
    UTHREAD_READY,              /* In the ready queue. */
    UTHREAD_RUNNING,            /* On a VP. */
    UTHREAD_DONE                /* Ended. */
  };

/* A user thread. */
struct uthread
  {
    uint32_t esp;               /* Saved by uswitch. */
    enum uthread_state state;
    struct uthread *next;       /* In the ready queue. */
    struct uvp *vp;             /* The VP running it. */
    void (*function) (void *);
    void *aux;
  };

/* A virtual processor: one kernel thread in ring 3. */
struct uvp
  {
    uint32_t loop_esp;          /* The scheduler loop's context. */
    unsigned id;
    struct uthread *last;       /* Thread it ran last. */
  };

/* The ready queue: a singly linked list, HEAD first out. */
struct uthread_queue
  {
    struct uthread *head, *tail;
  };

struct uthread_stat uthread_stats[UTHREAD_MAX];
struct uthread_totals uthread_totals;
char uthread_name[32];

static struct uthread uthreads[UTHREAD_MAX];
static struct uvp uvps[USER_VP_MAX];
static struct uthread_queue uthread_ready;
static volatile int uthread_lock;
static volatile unsigned uthread_live;  /* Created and not done. */
static volatile unsigned uthread_started; /* Generation set up. */
static uint8_t uthread_stacks[UTHREAD_MAX][UTHREAD_STACK]
  __attribute__ ((aligned (UTHREAD_STACK)));

/* ---- The user-level spinlock: XCHG, PAUSE ---- */

/* Acquires uthread_lock.  A VP that spins long gives its CPU away with
   USYS_YIELD: the holder may be a VP whose kernel thread was
   preempted on this very VCPU. */
static void
uthread_lock_acquire (void)
{
  for (unsigned spins = 0; ; spins++)
    {
      int taken = 1;
      asm volatile ("xchgl %0, %1" : "+r" (taken), "+m" (uthread_lock)
                    : : "memory");
      if (taken == 0)
        return;
      asm volatile ("pause");
      if (spins == ULOCK_SPINS)
        {
          usys_call (USYS_YIELD, 0, 0);
          __atomic_add_fetch (&uthread_totals.lock_yields, 1, __ATOMIC_RELAXED);
          spins = 0;
        }
    }
}

/* Releases uthread_lock. */
static void
uthread_lock_release (void)
{
  asm volatile ("" : : : "memory");
  uthread_lock = 0;
}

/* ---- Policy: which thread runs next, where a thread waits ---- */

/* LAB sched: user-level scheduler */
/* Returns the thread that should run next, taken out of the ready
   queue, or null if the queue is empty.  Round robin: the thread that
   has waited longest.  Lock held. */
static struct uthread *
uthread_pick_next (void)
{
  struct uthread *t = uthread_ready.head;
  if (t != NULL)
    {
      uthread_ready.head = t->next;
      if (uthread_ready.head == NULL)
        uthread_ready.tail = NULL;
    }
  return t;
}

/* Puts T, which is NEW or has just given up its VP, in the ready
   queue: at the back, behind every thread already waiting, so each
   ready thread runs once before any runs twice.  Lock held. */
static void
uthread_make_ready (struct uthread *t, bool new UNUSED)
{
  t->next = NULL;
  if (uthread_ready.tail != NULL)
    uthread_ready.tail->next = t;
  else
    uthread_ready.head = t;
  uthread_ready.tail = t;
}
/* STUB:
static struct uthread *
uthread_pick_next (void)
{
  struct uthread *t = uthread_ready.head;
  if (t != NULL)
    uthread_ready.head = t->next;
  return t;
}

static void
uthread_make_ready (struct uthread *t, bool new UNUSED)
{
  t->next = uthread_ready.head;
  uthread_ready.head = t;
}
*/
/* END LAB */

/* ---- Threads ---- */

/* Returns the running thread: its stack is UTHREAD_STACK-aligned, so
   the stack pointer names it.  Only a user thread may call this. */
static struct uthread *
uthread_current (void)
{
  uint32_t esp;
  asm ("movl %%esp, %0" : "=r" (esp));
  return &uthreads[(esp - (uint32_t) uthread_stacks) / UTHREAD_STACK];
}

/* Returns the index of thread T. */
static int
uthread_id (const struct uthread *t)
{
  return t - uthreads;
}

/* Where a new thread starts: runs its function, then ends. */
static void
uthread_begin (void)
{
  struct uthread *t = uthread_current ();
  t->function (t->aux);
  uthread_exit ();
}

/* Creates a thread that runs FUNCTION (AUX) and makes it ready.
   Returns its number, or -1 if UTHREAD_MAX threads exist. */
int
uthread_create (void (*function) (void *aux), void *aux)
{
  int id = -1;
  uthread_lock_acquire ();
  for (int i = 0; i < UTHREAD_MAX; i++)
    if (uthreads[i].state == UTHREAD_FREE)
      {
        struct uthread *t = &uthreads[i];
        t->function = function;
        t->aux = aux;
        t->esp = uswitch_prepare (uthread_stacks[i] + UTHREAD_STACK,
                                  uthread_begin);
        t->state = UTHREAD_READY;
        uthread_stats[i].used = true;
        uthread_live++;
        uthread_make_ready (t, true);
        id = i;
        break;
      }
  uthread_lock_release ();
  return id;
}

/* Gives the VP to the next ready thread; the caller waits its turn. */
void
uthread_yield (void)
{
  struct uthread *t = uthread_current ();
  t->state = UTHREAD_READY;
  uswitch (&t->esp, t->vp->loop_esp);
}

/* Ends the running thread. */
void
uthread_exit (void)
{
  struct uthread *t = uthread_current ();
  t->state = UTHREAD_DONE;
  uswitch (&t->esp, t->vp->loop_esp);
  for (;;)
    continue;                           /* Never resumed. */
}

/* Waits, yielding, until thread ID has ended. */
void
uthread_join (int id)
{
  while (uthreads[id].state != UTHREAD_DONE)
    uthread_yield ();
}

/* Returns the running thread's number. */
int
uthread_self (void)
{
  return uthread_id (uthread_current ());
}

/* Counts one iteration of the running thread's work. */
void
uthread_progress (void)
{
  uthread_stats[uthread_self ()].iterations++;
}

/* Returns how many threads have ended. */
unsigned
uthread_done_count (void)
{
  unsigned done = 0;
  for (int i = 0; i < UTHREAD_MAX; i++)
    done += uthread_stats[i].done;
  return done;
}

/* ---- The scheduler loop of each VP ---- */

/* Forgets every thread of an earlier program.  Written as plain
   stores, so the compiler calls no kernel memset. */
static void __attribute__ ((optimize ("no-tree-loop-distribute-patterns")))
uthread_reset (void)
{
  for (int i = 0; i < UTHREAD_MAX; i++)
    {
      uthreads[i].state = UTHREAD_FREE;
      uthread_stats[i].used = uthread_stats[i].done = false;
      uthread_stats[i].iterations = uthread_stats[i].runs = 0;
      uthread_stats[i].vp_mask = 0;
    }
  uthread_totals.switches = uthread_totals.dispatches = 0;
  uthread_totals.idle_yields = uthread_totals.lock_yields = 0;
  uthread_ready.head = uthread_ready.tail = NULL;
  uthread_live = 0;
  uthread_lock = 0;
}

/* Runs thread T on VP until it yields or ends, then puts it back in
   the queue or retires it. */
static void
uthread_dispatch (struct uvp *vp, struct uthread *t)
{
  struct uthread_stat *s = &uthread_stats[uthread_id (t)];

  t->state = UTHREAD_RUNNING;
  t->vp = vp;
  s->runs++;
  s->vp_mask |= 1u << vp->id;
  uthread_totals.dispatches++;
  if (vp->last != t)
    uthread_totals.switches++;
  vp->last = t;
  uthread_lock_release ();

  uswitch (&vp->loop_esp, t->esp);

  uthread_lock_acquire ();
  if (t->state == UTHREAD_DONE)
    {
      s->done = true;
      uthread_live--;
    }
  else
    uthread_make_ready (t, false);
}

/* Waits until VP 0 has set up program GENERATION. */
static void
uthread_wait_start (unsigned generation)
{
  for (unsigned spins = 0; uthread_started != generation; spins++)
    {
      asm volatile ("pause");
      if (spins % UIDLE_SPINS == 0)
        {
          usys_call (USYS_YIELD, 0, 0);
          __atomic_add_fetch (&uthread_totals.idle_yields, 1,
                              __ATOMIC_RELAXED);
        }
    }
}

/* The entry point of every VP (see uthread.h): VP_ID is its index,
   GENERATION the program's serial number, SETUP the function that VP 0
   calls to create the first threads.  Ends the kernel thread once no
   user thread is left. */
void
uthread_vp_main (unsigned vp_id, unsigned generation, void *setup)
{
  struct uvp *vp = &uvps[vp_id];

  if (vp_id == 0)
    {
      uthread_reset ();
      ((void (*) (void)) setup) ();
      uthread_started = generation;
    }
  else
    uthread_wait_start (generation);
  vp->id = vp_id;
  vp->last = NULL;
  for (unsigned idle = 0; ; )
    {
      uthread_lock_acquire ();
      struct uthread *t = uthread_pick_next ();
      if (t != NULL)
        {
          uthread_dispatch (vp, t);     /* Releases and retakes the lock. */
          uthread_lock_release ();
          idle = 0;
          continue;
        }
      bool finished = uthread_live == 0;
      uthread_lock_release ();
      if (finished)
        break;
      asm volatile ("pause");
      if (++idle % UIDLE_SPINS == 0)
        {
          __atomic_add_fetch (&uthread_totals.idle_yields, 1, __ATOMIC_RELAXED);
          usys_call (USYS_YIELD, 0, 0);
        }
    }
  usys_call (USYS_VP_EXIT, 0, 0);
}

/* ---- Output from ring 3 ---- */

/* Appends string S to BUF (of SIZE bytes) at *LEN. */
static void
uthread_put_str (char *buf, size_t size, size_t *len, const char *s)
{
  while (*s != '\0' && *len < size)
    buf[(*len)++] = *s++;
}

/* Appends unsigned N in decimal to BUF (of SIZE bytes) at *LEN. */
static void
uthread_put_unsigned (char *buf, size_t size, size_t *len, unsigned n)
{
  char digits[12];
  int d = 0;
  do
    digits[d++] = '0' + n % 10;
  while ((n /= 10) != 0);
  while (d > 0 && *len < size)
    buf[(*len)++] = digits[--d];
}

/* Prints one line, "(NAME) " and FORMAT, in which %u takes an
   unsigned and %s a string (both in user memory), with one USYS_WRITE. */
void
uthread_print (const char *format, ...)
{
  char line[128];
  size_t len = 0;
  va_list args;

  va_start (args, format);
  line[len++] = '(';
  uthread_put_str (line, sizeof line - 1, &len, uthread_name);
  uthread_put_str (line, sizeof line - 1, &len, ") ");
  for (const char *f = format; *f != '\0' && len < sizeof line - 1; f++)
    if (f[0] == '%' && f[1] == 'u')
      uthread_put_unsigned (line, sizeof line - 1, &len,
                            va_arg (args, unsigned)), f++;
    else if (f[0] == '%' && f[1] == 's')
      uthread_put_str (line, sizeof line - 1, &len, va_arg (args, char *)), f++;
    else
      line[len++] = *f;
  va_end (args);
  line[len++] = '\n';
  usys_call (USYS_WRITE, (uint32_t) line, len);
}
