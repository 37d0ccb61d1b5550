/* Runs the kernel out of memory, again and again, and checks that it
   recovers every page and descriptor each time.

   Each round, the test starts "multi-oom 1", which starts "multi-oom
   2", and so on until exec fails for want of memory; the deepest
   level reached comes back as the exit status.  On the way down each
   process opens files and never closes them, and first starts a
   child that dies in one of several ways (a fault, a bad system-call
   pointer, an exit with open files) while memory is short; the
   parent checks that wait gives -1 for the killed ones.
   Every round must reach the same depth, and at the end the kernel
   must have exactly as many free pages as at the start: anything a
   process leaks shows up as a shallower round or missing pages. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/lib.h"

/* Rounds the top level runs. */
#define OOM_ROUNDS 3

/* Files each process opens and leaves open. */
#define OOM_OPEN_CNT 10

/* Depth every round must reach with the test's 4 MB of memory. */
#define OOM_MIN_DEPTH 10

/* Longest command line this test builds. */
#define CMD_MAX 32

/* Ways a short-lived child ends, chosen by its depth. */
enum oom_death
  {
    DEATH_PAGE_FAULT,           /* Writes to address 0. */
    DEATH_BAD_POINTER,          /* Passes a kernel address to open. */
    DEATH_BAD_STACK,            /* System call with %esp where no stack
                                   could be, even one that grows. */
    DEATH_EXIT_OPEN,            /* Calls exit(-1) with files open. */
    DEATH_CNT
  };

/* Opens the program's own executable OOM_OPEN_CNT times, or as often
   as memory allows, and leaves the descriptors for the kernel to
   close. */
static void
open_many (void)
{
  for (int i = 0; i < OOM_OPEN_CNT && open ("multi-oom") > 1; i++)
    continue;
}

/* Ends this process in way DEATH, with exit code -1 one way or
   another. */
static void NO_RETURN
die (enum oom_death death)
{
  open_many ();
  switch (death)
    {
    case DEATH_PAGE_FAULT:
      {
        volatile int *volatile p = NULL;
        *p = 0;
      }
      break;
    case DEATH_BAD_POINTER:
      open ((const char *) 0xc0000000);
      break;
    case DEATH_BAD_STACK:
      asm volatile ("movl $0x20101234, %%esp; int $0x30" : : : "memory");
      break;
    default:
      break;
    }
  exit (-1);
}

/* Runs level DEPTH of the descent: starts a child that dies, then
   level DEPTH + 1.  Returns the deepest level reached: DEPTH itself
   if memory ran out for the next, at its exec or, in a kernel that
   loads pages on demand, after it started (it is then killed, -1). */
static int
descend (int depth)
{
  char cmd[CMD_MAX];

  snprintf (cmd, sizeof cmd, "multi-oom die %d", depth % DEATH_CNT);
  pid_t victim = exec (cmd);
  if (victim != PID_ERROR)
    {
      int status = wait (victim);
      if (status != -1)
        fail ("a child that had to die at depth %d exited with %d", depth,
              status);
    }

  open_many ();
  snprintf (cmd, sizeof cmd, "multi-oom %d", depth + 1);
  pid_t next = exec (cmd);
  int deepest = next != PID_ERROR ? wait (next) : -1;
  return deepest >= 0 ? deepest : depth;
}

/* Runs the rounds and compares the free-page counts. */
static void
run_rounds (void)
{
  size_t before = freepages ();
  int first = -1;

  for (int round = 1; round <= OOM_ROUNDS; round++)
    {
      int depth = wait (exec ("multi-oom 1"));
      if (depth < OOM_MIN_DEPTH)
        fail ("round %d reached depth %d, less than %d", round, depth,
              OOM_MIN_DEPTH);
      if (round == 1)
        first = depth;
      else if (depth != first)
        fail ("round %d reached depth %d, round 1 depth %d: something leaked",
              round, depth, first);
    }
  msg ("%d rounds each reached the same depth, at least %d", OOM_ROUNDS,
       OOM_MIN_DEPTH);

  size_t after = freepages ();
  if (after != before)
    fail ("%zu free pages before the rounds, %zu after", before, after);
  msg ("free pages after the rounds: as many as before");
}

int
main (int argc, char *argv[])
{
  test_name = "multi-oom";
  if (argc == 3 && !strcmp (argv[1], "die"))
    die (atoi (argv[2]));
  if (argc == 2)
    {
      quiet = true;
      return descend (atoi (argv[1]));
    }

  msg ("begin");
  run_rounds ();
  msg ("end");
  return 0;
}
