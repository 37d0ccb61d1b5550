/* uthread-kill: a user thread that does something bad kills its user
   program, with a message, and the guest kernel goes on.  Four
   programs run one after the other, each with three well-behaved
   threads, one thread that waits for good on a guest-kernel semaphore
   (blocking its VP's kernel thread, which the kill must end too), and
   one bad thread that, once each well-behaved one has made 20
   iterations, writes from a kernel buffer, makes an unknown system
   call, executes CLI (#GP) or stores to kernel memory (#PF).  A fifth
   program ends itself with USYS_EXIT, and a sixth, well-behaved one
   runs to its end, one of its threads joining the others.  The good
   threads also check what USYS_SELF, USYS_VCPU and USYS_TIME answer. */

#include "hv/guest/guest.h"
#include "hv/guest/uthread.h"

const char test_name[] = "uthread-kill";

#define KILL_GOOD 3                     /* Well-behaved threads. */
#define KILL_VPS 2
#define KILL_VCPUS 2                    /* The VM's (tier1-tests.c). */
#define KILL_ROUNDS 20                  /* Good threads' iterations first. */
#define KILL_WAIT_MAX 2000              /* Most yields of the bad thread. */
#define KILL_CAP 300                    /* Most iterations of a thread. */
#define KILL_CLEAN_ROUNDS 50            /* Iterations in the last program. */
#define KILL_NULL_DS_LOOPS 400000       /* About 20 ticks of a register loop. */

/* The bad deeds, one per program. */
enum kill_deed { KILL_WRITE, KILL_SYSCALL, KILL_CLI, KILL_STORE,
                 KILL_NULL_DS, KILL_EXIT, KILL_NONE };

static const char *const kill_deed_names[] =
  { "write from a kernel buffer", "unknown system call", "cli",
    "store to kernel memory", "null data segment", "exit with code 7",
    "none" };

static enum kill_deed kill_deed USER_BSS;
static unsigned kill_rounds USER_BSS;   /* Iterations of good threads. */
static unsigned kill_odd_answers USER_BSS; /* Out of range, see below. */

/* Returns the fewest iterations any good thread did (ring 3 and
   ring 0 both call it). */
static unsigned USER_CODE
kill_least_progress (void)
{
  unsigned least = uthread_stats[0].iterations;
  for (int i = 1; i < KILL_GOOD; i++)
    if (uthread_stats[i].iterations < least)
      least = uthread_stats[i].iterations;
  return least;
}

/* Does bad deed DEED, from ring 3. */
static void USER_CODE
kill_do_deed (enum kill_deed deed)
{
  if (deed == KILL_WRITE)
    usys_call (USYS_WRITE, (uint32_t) test_name, 4);
  else if (deed == KILL_SYSCALL)
    usys_call (99, 0, 0);
  else if (deed == KILL_CLI)
    asm volatile ("cli");
  else if (deed == KILL_STORE)
    *(volatile uint32_t *) HV_GUEST_LOAD_ADDR = 0;
  else if (deed == KILL_NULL_DS)
    {
      /* Null DS and ES, then long enough without touching memory that
         timer interrupts come meanwhile (the guest kernel must take
         them with its own selectors: on Bochs, which checks null
         selectors, it would fault otherwise), then CLI: #GP.  (A
         load through the null DS would fault on Bochs only.) */
      uint32_t count = KILL_NULL_DS_LOOPS;
      asm volatile ("movl %1, %%ds; movl %1, %%es\n"
                    "1: decl %0; jnz 1b\n"
                    "cli"
                    : "+r" (count) : "r" (0) : "memory");
    }
  else if (deed == KILL_EXIT)
    usys_call (USYS_EXIT, 7, 0);
}

/* Counts, in KILL_ODD_ANSWERS, answers of USYS_SELF and USYS_VCPU out
   of range and a USYS_TIME earlier than *LAST_TIME, which it updates. */
static void USER_CODE
kill_check_answers (unsigned *last_time)
{
  unsigned vp = usys_call (USYS_SELF, 0, 0);
  unsigned vcpu = usys_call (USYS_VCPU, 0, 0);
  unsigned now = usys_call (USYS_TIME, 0, 0);
  unsigned odd = (vp >= KILL_VPS) + (vcpu >= KILL_VCPUS) + (now < *last_time);
  __atomic_add_fetch (&kill_odd_answers, odd, __ATOMIC_SEQ_CST);
  *last_time = now;
}

/* A well-behaved thread: iterations and yields, up to a bound, and
   questions to the guest kernel on the way. */
static void USER_CODE
kill_good (void *aux UNUSED)
{
  unsigned last_time = 0;
  for (unsigned i = 0; i < kill_rounds; i++)
    {
      kill_check_answers (&last_time);
      uthread_progress ();
      uthread_yield ();
    }
}

/* A thread that blocks its VP in the guest kernel, on a semaphore
   nobody ups: only the end of the program releases it. */
static void USER_CODE
kill_waiter (void *aux UNUSED)
{
  usys_call (USYS_SEMA_DOWN, 0, 0);
}

/* The bad thread: yields until each good thread has made KILL_ROUNDS
   iterations (or it has yielded KILL_WAIT_MAX times: a scheduler that
   never switches threads still ends), then does the program's deed. */
static void USER_CODE
kill_bad (void *aux UNUSED)
{
  for (int i = 0; i < KILL_WAIT_MAX && kill_least_progress () < KILL_ROUNDS;
       i++)
    {
      uthread_progress ();
      uthread_yield ();
    }
  kill_do_deed (kill_deed);
}

/* In the well-behaved program: waits for the good threads, which are
   threads 0 to KILL_GOOD - 1, to end. */
static void USER_CODE
kill_joiner (void *aux UNUSED)
{
  for (int i = 0; i < KILL_GOOD; i++)
    uthread_join (i);
  uthread_print (USTR ("joined the %u good threads"), (unsigned) KILL_GOOD);
}

/* Run by VP 0 first: the good threads, then the waiter and the bad
   one, or in the well-behaved program a thread that joins the others. */
static void USER_CODE
kill_setup (void)
{
  for (int i = 0; i < KILL_GOOD; i++)
    uthread_create (kill_good, NULL);
  if (kill_deed != KILL_NONE)
    {
      uthread_create (kill_waiter, NULL);
      uthread_create (kill_bad, NULL);
    }
  else
    uthread_create (kill_joiner, NULL);
}

/* Returns the fewest iterations any good thread did (ring 3 and
   ring 0 both call it). */

/* Runs the program whose bad thread does DEED and prints how it
   ended. */
static void
kill_run (enum kill_deed deed)
{
  struct user_result result;

  kill_deed = deed;
  kill_rounds = deed == KILL_NONE ? KILL_CLEAN_ROUNDS : KILL_CAP;
  msg ("program with bad deed: %s", kill_deed_names[deed]);
  user_run (uthread_vp_main, KILL_VPS, kill_setup, &result);
  if (result.exit_code != 0)
    msg ("program exited with code %d", result.exit_code);
  msg ("program %s; good threads' least progress %u, threads done %u",
       result.killed ? "killed" : "ended", kill_least_progress (),
       uthread_done_count ());
}

int
main (void)
{
  user_init ();
  uthread_report_name (test_name);
  for (enum kill_deed d = KILL_WRITE; d <= KILL_NONE; d++)
    kill_run (d);
  msg ("the guest kernel ran %d programs; system-call answers out of "
       "range: %u", KILL_NONE + 1, kill_odd_answers);
  return 0;
}
