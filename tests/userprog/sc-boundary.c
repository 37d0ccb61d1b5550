/* Makes an exit system call whose number is the last word of one page
   and whose argument is the first word of the next: both are valid,
   so the process must exit with the argument, 42. */

#include <syscall-nr.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  int *call = (int *) get_boundary_area () - 1;

  call[0] = SYS_EXIT;
  call[1] = 42;
  asm volatile ("movl %0, %%esp; int $0x30" : : "g" (call) : "memory");
  fail ("exit returned");
}
