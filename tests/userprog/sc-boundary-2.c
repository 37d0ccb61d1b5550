/* Makes an exit system call whose number itself straddles a page
   boundary (one byte below it, three above): valid, so the process
   must exit with the argument, 67. */

#include <stdint.h>
#include <string.h>
#include <syscall-nr.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  uint8_t *call = (uint8_t *) get_boundary_area () - 1;
  int number = SYS_EXIT;
  int status = 67;

  memcpy (call, &number, sizeof number);
  memcpy (call + sizeof number, &status, sizeof status);
  asm volatile ("movl %0, %%esp; int $0x30" : : "g" (call) : "memory");
  fail ("exit returned");
}
