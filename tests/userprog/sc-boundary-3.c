/* Makes a system call whose number starts in the last byte of the
   last mapped page of the program's data and runs on into the
   unmapped page above: the process must be killed with exit code
   -1. */

#include <stdint.h>
#include <syscall-nr.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  uint8_t *call = (uint8_t *) get_bad_boundary () - 1;

  *call = SYS_EXIT;
  asm volatile ("movl %0, %%esp; int $0x30" : : "g" (call) : "memory");
  fail ("the system call whose number runs into an unmapped page returned");
}
