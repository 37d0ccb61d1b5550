/* The parent of a fuzz run (see fuzz.h): main() of sc-fuzz and
   sc-fuzz-vm.  Each round makes a batch of calls here and starts a
   child that makes its own and then one that must kill it; at the end
   the parent reports the children that were not killed, the results
   that broke a promise, and the pages (and swap slots) the kernel
   kept. */

#include "tests/userprog/fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>
#include <syscall-nr.h>
#include "tests/lib.h"

/* Calls in each round: the parent's batch, then the child's, which
   ends with one fatal call. */
#define FUZZ_PARENT_CALLS 40
#define FUZZ_CHILD_CALLS 239

/* What sc-fuzz does as a test, under "make check". */
#define FUZZ_TEST_SEED 1
#define FUZZ_TEST_COUNT 1680

/* Whether the run is on the virtual-memory kernel. */
static bool fuzz_vm;

/* Starts child number I of the run seeded SEED and returns its exit
   code, -1 if it was killed as it must be. */
static int
fuzz_run_child (unsigned seed, int i)
{
  char cmd[64];
  unsigned child_seed = (seed * 2654435761u + i + 1) & 0x7fffffff;

  snprintf (cmd, sizeof cmd, "%s %u %d%s", FUZZ_CHILD, child_seed,
            FUZZ_CHILD_CALLS, fuzz_vm ? " vm" : "");
  pid_t pid = exec (cmd);
  return pid == PID_ERROR ? PID_ERROR - 1 : wait (pid);
}

/* Returns the free swap slots (vm), or 0. */
static int
fuzz_swap_free (void)
{
  return fuzz_vm ? vmstat (VMSTAT_SWAP_FREE) : 0;
}

/* Prints the outcome of a run of CALL_CNT calls from seed SEED, in
   which CHILD_CNT children were started and KILLED_CNT were killed
   as they must be, the parent's own calls broke FAILURE_CNT promises,
   and the kernel kept LEAKED pages and SWAP_LEAKED swap slots: as
   test lines if SUMMARY is false, else as one summary line. */
static void
fuzz_report (bool summary, unsigned seed, int call_cnt, int child_cnt,
             int killed_cnt, int failure_cnt, int leaked, int swap_leaked)
{
  int kernel_failures = failure_cnt + child_cnt - killed_cnt;

  if (summary)
    {
      printf ("%s: seed %u: %d calls, %d kernel failures, pages leaked: %d",
              test_name, seed, call_cnt, kernel_failures, leaked);
      printf (fuzz_vm ? ", swap slots leaked: %d\n" : "\n", swap_leaked);
      return;
    }
  msg ("children killed by their last call: %d of %d", killed_cnt, child_cnt);
  if (kernel_failures != 0)
    fail ("%d kernel failures", kernel_failures);
  if (leaked != 0)
    fail ("free pages: %d fewer after than before", leaked);
  msg ("free pages: as many as before");
  if (swap_leaked != 0)
    fail ("free swap slots: %d fewer after than before", swap_leaked);
  if (fuzz_vm)
    msg ("free swap slots: as many as before");
}

/* main() of sc-fuzz and sc-fuzz-vm (VM): with no arguments, the test
   "make check" runs; with arguments SEED COUNT, a run of about COUNT
   calls that ends with a summary line.  Each round makes a batch of
   calls here and starts a child that makes its own and then a fatal
   one.  The free-page count is taken after the first round, when the
   kernel's heap has what processes need. */
int
fuzz_main (int argc, char *argv[], bool vm)
{
  bool summary = argc >= 3;
  unsigned seed = summary ? (unsigned) atoi (argv[1]) : FUZZ_TEST_SEED;
  int count = summary ? atoi (argv[2]) : FUZZ_TEST_COUNT;
  int round_calls = FUZZ_PARENT_CALLS + FUZZ_CHILD_CALLS + 1;
  int rounds = 1 + (count > round_calls ? (count - 1) / round_calls : 0);
  int killed_cnt = 0, failure_cnt = 0;
  int free_before = 0, swap_before = 0;

  test_name = argv[0];
  msg ("begin");
  msg ("seed %u: %d rounds of %d calls", seed, rounds, round_calls);
  fuzz_vm = vm;
  fuzz_start (seed, vm);
  for (int i = 0; i < rounds; i++)
    {
      failure_cnt += fuzz_calls (FUZZ_PARENT_CALLS);
      killed_cnt += fuzz_run_child (seed, i) == -1;
      if (i == 0)
        {
          fuzz_close_all ();
          free_before = freepages ();
          swap_before = fuzz_swap_free ();
        }
    }
  fuzz_close_all ();
  fuzz_report (summary, seed, rounds * round_calls, rounds, killed_cnt,
               failure_cnt, free_before - (int) freepages (),
               swap_before - fuzz_swap_free ());
  msg ("end");
  return 0;
}
