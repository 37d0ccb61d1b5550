/* The debug-exit port: writing 42 to it ends the VM with exit code
   42, at once. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-debug-port";

int
main (void)
{
  msg ("writing 42 to the debug-exit port");
  outb (HV_PORT_DEBUG_EXIT, 42);
  fail ("still running after the debug-exit port");
}
