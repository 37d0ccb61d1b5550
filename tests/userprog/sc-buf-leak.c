/* Makes reads and writes with bad buffers, each in a child process
   the kernel must kill, many times over, and checks that the kernel
   kept no page for any of them: a read or write takes a page to copy
   through, and must give it back before it kills the caller. */

#include <stdio.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"

/* Children started for each kind of bad call. */
#define ROUNDS 6

/* The kinds of bad call, as child-bad-buf's argument. */
static const char *const kinds[] =
  { "read-null", "read-code", "write-null", "write-kernel", "write-unmapped" };

/* Runs child-bad-buf with argument KIND and returns its exit code. */
static int
run_child (const char *kind)
{
  char cmd[64];

  snprintf (cmd, sizeof cmd, "child-bad-buf %s", kind);
  pid_t pid = exec (cmd);
  return pid == PID_ERROR ? PID_ERROR : wait (pid);
}

void
test_main (void)
{
  /* A first child, so that the kernel's heap has what processes need
     before the count starts. */
  run_child ("write-null");
  size_t before = freepages ();

  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    {
      int killed = 0;
      for (int i = 0; i < ROUNDS; i++)
        killed += run_child (kinds[k]) == -1;
      CHECK (killed == ROUNDS, "%s: %d of %d children killed",
             kinds[k], killed, ROUNDS);
    }
  size_t after = freepages ();
  if (after != before)
    fail ("free pages: %zu before, %zu after", before, after);
  msg ("free pages: as many as before");
}
