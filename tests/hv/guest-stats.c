/* Helper guest of exit-stats: makes a known number of exits of each
   kind, then exits with the exit hypercall.  It prints nothing, since
   printing itself makes exits. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-stats";

#define MSR_SYSENTER_CS 0x174
#define MSR_EFER        0xc0000080
#define UNUSED_PORT     0x80

int
main (void)
{
  for (int i = 0; i < 7; i++)
    cpuid (0, 0);
  for (int i = 0; i < 3; i++)
    rdmsr (MSR_EFER);
  for (int i = 0; i < 2; i++)
    wrmsr (MSR_SYSENTER_CS, i);   /* Not intercepted: no exit. */
  for (int i = 0; i < 5; i++)
    hypercall (HC_NULL, 0, 0);
  for (int i = 0; i < 4; i++)
    outb (UNUSED_PORT, i);
  return 0;                             /* HC_EXIT: one more VMMCALL. */
}
