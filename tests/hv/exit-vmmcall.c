/* VMMCALL exits: each hypercall does what hv/abi.h says, bad
   arguments get error codes instead of harming the host, and the exit
   hypercall sets the VM's exit code. */

#include <string.h>
#include "hv/guest/guest.h"

const char test_name[] = "exit-vmmcall";

int
main (void)
{
  static const char line[] = "(exit-vmmcall) written by HC_CONSOLE_WRITE\n";

  msg ("HC_NULL returns %d", (int) hypercall (HC_NULL, 0, 0));
  msg ("hypercall 99 returns %d", (int) hypercall (99, 0, 0));
  msg ("HC_CONSOLE_WRITE returns %d",
       (int) hypercall (HC_CONSOLE_WRITE, (uint32_t) line, strlen (line)));
  msg ("HC_CONSOLE_WRITE outside guest RAM returns %d",
       (int) hypercall (HC_CONSOLE_WRITE, 0xfffff000u, 4));
  msg ("HC_CONSOLE_WRITE of %d bytes returns %d", HC_CONSOLE_MAX + 1,
       (int) hypercall (HC_CONSOLE_WRITE, (uint32_t) line, HC_CONSOLE_MAX + 1));
  msg ("HC_YIELD returns %d", (int) hypercall (HC_YIELD, 0, 0));
  int32_t t0 = hypercall (HC_TICKS, 0, 0);
  int32_t t1 = hypercall (HC_TICKS, 0, 0);
  msg ("HC_TICKS: %s", t0 >= 0 && t1 >= t0 ? "never goes back" : "went back");
  msg ("HC_EXIT with code 7");
  hypercall (HC_EXIT, 7, 0);
  fail ("still running after HC_EXIT");
}
