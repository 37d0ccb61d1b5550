/* Helper of owner: the processes of the ownership test, each a role
   chosen by its arguments.  The test runs "manager", the programs the
   first process runs being allowed everything; the manager runs the
   others, which are not:

     manager            runs VM A; runs "runner" (which starts VM B
                        and exits), "intruder A B" and "middle"; then
                        kills B, started by its descendant, and A.
     runner A           starts VM B and pauses it (its own), is refused
                        A (its parent's), exits with B's number.
     intruder A B       is refused both: neither is its or below it.
     middle             runs "runner -1" as its child, then pauses,
                        resumes and kills the VM the child started.

   Each prints what it tried and what it got. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/vmctl/vmtest.h"

/* Runs COMMAND as a child and returns its exit code. */
static int
run (const char *command)
{
  return wait (exec (command));
}

/* Tries operation OP on VM, expecting WANTED; WHAT says what it
   tried. */
static void
try (const char *what, int op, int vm, int wanted)
{
  vt_expect (vmctl (op, &vm), wanted, what);
}

int
main (int argc, char *argv[])
{
  char cmd[64];
  const char *role = argc > 1 ? argv[1] : "";
  test_name = role;

  if (!strcmp (role, "manager"))
    {
      int a = vt_run (VT_SPIN);
      snprintf (cmd, sizeof cmd, "child-owner runner %d", a);
      int b = run (cmd);
      snprintf (cmd, sizeof cmd, "child-owner intruder %d %d", a, b);
      run (cmd);
      run ("child-owner middle");
      try ("kill its child's VM B", VMC_KILL, b, VMC_OK);
      try ("kill its own VM A", VMC_KILL, a, VMC_OK);
      return 0;
    }
  if (!strcmp (role, "runner") && argc == 3)
    {
      int a = atoi (argv[2]);
      int b = vt_run (VT_SPIN);
      if (a >= 0)
        try ("pause its parent's VM A", VMC_PAUSE, a, VMC_EPERM);
      try ("pause its own VM", VMC_PAUSE, b, VMC_OK);
      return b;
    }
  if (!strcmp (role, "intruder") && argc == 4)
    {
      try ("kill its parent's VM A", VMC_KILL, atoi (argv[2]), VMC_EPERM);
      try ("resume its sibling's VM B", VMC_RESUME, atoi (argv[3]), VMC_EPERM);
      return 0;
    }
  if (!strcmp (role, "middle"))
    {
      int c = run ("child-owner runner -1");
      try ("resume its child's VM", VMC_RESUME, c, VMC_OK);
      try ("kill its child's VM", VMC_KILL, c, VMC_OK);
      return 0;
    }
  fail ("unknown role");
}
