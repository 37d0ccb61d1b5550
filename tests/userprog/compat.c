/* Two processes the kernel kills, one for a system call and one for a
   fault: child-bad, started and waited for, makes a system call with a
   bad stack pointer; then this program reads address 0.  Built as
   compat-pintos, run in Pintos compatibility mode (launcher option
   --pintos), where each kill must show as the exit line alone; and as
   compat-ringlet, run without it, where the fault's kill line must
   still be there. */

#include <stddef.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("wait(exec(\"child-bad\")): %d", wait (exec ("child-bad")));

  /* The pointer and what it points to are both volatile, so the read
     really happens, at address 0. */
  volatile int *volatile p = NULL;
  msg ("read at 0: %d", *p);
  fail ("reading address 0 did not kill the process");
}
