/* The parents of a fuzz run (see fuzz.h).  sc-fuzz (and sc-fuzz-vm)
   only measures: it takes the free-page count, starts a runner,
   "child-fuzz run", and takes the count again once the runner has
   exited, so that nothing the runner held can look like a leak.  The
   runner does the fuzzing: each round it makes a batch of calls itself
   and starts a child, "child-fuzz die", that makes its own and then
   one that must kill it.  The runner's exit status is the number of
   kernel failures it saw. */

#include "tests/userprog/fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>
#include <syscall-nr.h>
#include "tests/lib.h"

/* Calls in each round: the runner's batch, then the child's, which
   ends with one fatal call. */
#define FUZZ_RUNNER_CALLS 40
#define FUZZ_CHILD_CALLS 239
#define FUZZ_ROUND_CALLS (FUZZ_RUNNER_CALLS + FUZZ_CHILD_CALLS + 1)

/* What sc-fuzz does as a test, under "make check". */
#define FUZZ_TEST_SEED 1
#define FUZZ_TEST_COUNT 1680

/* Mixed into the seed of the round run before the count starts. */
#define FUZZ_WARMUP_SEED 0x5eed

/* Runs "child-fuzz MODE SEED N", with " vm" if VM, and returns its
   exit status, or -2 if it could not be started. */
static int
fuzz_exec_child (const char *mode, unsigned seed, int n, bool vm)
{
  char cmd[64];

  snprintf (cmd, sizeof cmd, "%s %s %u %d%s", FUZZ_CHILD, mode, seed, n,
            vm ? " vm" : "");
  pid_t pid = exec (cmd);
  return pid == PID_ERROR ? -2 : wait (pid);
}

/* The runner: ROUNDS rounds from seed SEED (VM: with the calls of the
   virtual-memory lab).  Returns the kernel failures it saw: results
   that broke a promise, and children that did not end with exit(-1)
   from their fatal call (each child's seed comes from SEED and the
   round). */
int
fuzz_run (unsigned seed, int rounds, bool vm)
{
  int failures = 0;

  fuzz_start (seed, vm);
  for (int i = 0; i < rounds; i++)
    {
      failures += fuzz_calls (FUZZ_RUNNER_CALLS);
      unsigned child_seed = (seed * 2654435761u + i + 1) & 0x7fffffff;
      int status = fuzz_exec_child ("die", child_seed, FUZZ_CHILD_CALLS, vm);
      bool marked = fuzz_marked (child_seed);
      if (status != -1 || !marked)
        {
          printf ("(%s) child with seed %u ended with %d%s: FAILED\n",
                  test_name, child_seed, status,
                  status == -1 ? " before its fatal call" : ", not -1");
          failures++;
        }
    }
  fuzz_close_all ();
  return failures;
}

/* Starts a runner for ROUNDS rounds from SEED and returns the kernel
   failures it saw: its exit status, or 1 if it died or never ran. */
static int
fuzz_run_runner (unsigned seed, int rounds, bool vm)
{
  int status = fuzz_exec_child ("run", seed, rounds, vm);
  if (status < 0)
    {
      printf ("(%s) runner with seed %u ended with %d: FAILED\n",
              test_name, seed, status);
      return 1;
    }
  return status;
}

/* Returns the free swap slots if VM, else 0. */
static int
fuzz_swap_free (bool vm)
{
  return vm ? vmstat (VMSTAT_SWAP_FREE) : 0;
}

/* Prints the outcome of a run of CALL_CNT calls from SEED with
   FAILURE_CNT kernel failures, after which the kernel kept LEAKED
   pages and (VM) SWAP_LEAKED swap slots: one summary line if SUMMARY,
   else test lines, failing if anything went wrong. */
static void
fuzz_report (bool summary, bool vm, unsigned seed, int call_cnt,
             int failure_cnt, int leaked, int swap_leaked)
{
  if (summary)
    {
      printf ("%s: seed %u: %d calls, %d kernel failures, pages leaked: %d",
              test_name, seed, call_cnt, failure_cnt, leaked);
      printf (vm ? ", swap slots leaked: %d\n" : "\n", swap_leaked);
      return;
    }
  if (failure_cnt != 0)
    fail ("%d kernel failures", failure_cnt);
  msg ("no kernel failures");
  if (leaked != 0)
    fail ("free pages: %d fewer after than before", leaked);
  msg ("free pages: as many as before");
  if (swap_leaked != 0)
    fail ("free swap slots: %d fewer after than before", swap_leaked);
  if (vm)
    msg ("free swap slots: as many as before");
}

/* main() of sc-fuzz and sc-fuzz-vm (VM): with no arguments, the test
   "make check" runs; with arguments SEED COUNT, a run of about COUNT
   calls that ends with a summary line.  A round with another seed runs
   first, so that the kernel's heap has what a run needs before the
   count starts. */
int
fuzz_main (int argc, char *argv[], bool vm)
{
  bool summary = argc >= 3;
  unsigned seed = summary ? (unsigned) atoi (argv[1]) : FUZZ_TEST_SEED;
  int count = summary ? atoi (argv[2]) : FUZZ_TEST_COUNT;
  int rounds = count > FUZZ_ROUND_CALLS ? (count - 1) / FUZZ_ROUND_CALLS + 1 : 1;

  test_name = argv[0];
  msg ("begin");
  msg ("seed %u: %d rounds of %d calls", seed, rounds, FUZZ_ROUND_CALLS);
  int failures = fuzz_run_runner (seed ^ FUZZ_WARMUP_SEED, 1, vm);
  int free_before = freepages ();
  int swap_before = fuzz_swap_free (vm);
  failures += fuzz_run_runner (seed, rounds, vm);
  fuzz_report (summary, vm, seed, (rounds + 1) * FUZZ_ROUND_CALLS, failures,
               free_before - (int) freepages (),
               swap_before - fuzz_swap_free (vm));
  msg ("end");
  return 0;
}
