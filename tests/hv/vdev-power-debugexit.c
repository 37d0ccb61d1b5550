/* QEMU's isa-debug-exit device at its usual base (port 0x501): a
   write of V ends the VM with exit code V. */

#include "hv/guest/guest.h"

const char test_name[] = "vdev-power-debugexit";

#define DEBUG_EXIT_PORT 0x501
#define EXIT_CODE 37

int
main (void)
{
  msg ("writing %d to port %#x", EXIT_CODE, DEBUG_EXIT_PORT);
  outb (DEBUG_EXIT_PORT, EXIT_CODE);
  fail ("still running after the debug-exit port");
}
