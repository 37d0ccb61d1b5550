/* x87 and SSE state belongs to each VCPU and to the host: two VMs
   run guest-fpu at once, each loading state of its own and checking
   it after yielding to the other many times; the host thread loads
   state of its own before and checks it after the VMs ran. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

#define HOST_FCW 0x027f                 /* 53-bit precision, all masked. */
#define HOST_VALUE 271828               /* Left on the x87 stack. */

static void
fpu_isolation_test (void)
{
  uint16_t fcw = HOST_FCW;
  uint32_t value = HOST_VALUE;
  uint16_t host_fcw;
  uint32_t host_value;

  asm volatile ("fninit; fldcw %0; fildl %1" : : "m" (fcw), "m" (value));
  hvtest_run_together ("guest-fpu.bin", 2);
  asm volatile ("fnstcw %0; fistpl %1; fninit" : "=m" (host_fcw),
                "=m" (host_value));
  if (host_fcw != HOST_FCW || host_value != HOST_VALUE)
    fail ("host FPU state changed: FCW %#x, ST0 %u", host_fcw,
          (unsigned) host_value);
  msg ("the host kept its x87 state");
}
KTEST ("fpu-isolation", fpu_isolation_test);
