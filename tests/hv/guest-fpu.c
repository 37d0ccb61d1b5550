/* Helper guest of fpu-isolation, run in two VMs at once: loads x87
   and SSE state of its own (a control word, an integer on the x87
   stack, an MXCSR rounding mode and XMM0), lets the other VM run many
   times, and checks that every piece is still its own. */

#include "hv/guest/guest.h"

const char test_name[] = "fpu-isolation";

#define ROUNDS 20
#define GUEST_FCW 0x0f7f                /* Round toward zero, 64-bit. */
#define MXCSR_RC_SHIFT 13               /* Rounding control, 2 bits. */
#define MXCSR_MASKS 0x1f80              /* Every SSE exception masked. */

/* Reads back the state and fails unless it is MINE's. */
static void
check_state (uint32_t mine, uint32_t mxcsr)
{
  uint16_t fcw;
  uint32_t st0, xmm0, now_mxcsr;

  asm volatile ("fnstcw %0" : "=m" (fcw));
  asm volatile ("fistl %0" : "=m" (st0));
  asm volatile ("movd %%xmm0, %0" : "=r" (xmm0));
  asm volatile ("stmxcsr %0" : "=m" (now_mxcsr));
  if (fcw != GUEST_FCW || st0 != mine || xmm0 != ~mine
      || now_mxcsr != mxcsr)
    fail ("FPU state changed: FCW %#x ST0 %#x XMM0 %#x MXCSR %#x",
          fcw, (unsigned) st0, (unsigned) xmm0, (unsigned) now_mxcsr);
}

int
main (void)
{
  uint32_t cr4;
  uint32_t mine = ((uint32_t) rdtsc () >> 4) & 0x3fffffff;
  uint32_t mxcsr = MXCSR_MASKS | (mine & 3) << MXCSR_RC_SHIFT;
  uint32_t not_mine = ~mine;
  uint16_t fcw = GUEST_FCW;

  asm volatile ("movl %%cr4, %0" : "=r" (cr4));
  asm volatile ("movl %0, %%cr4" : : "r" (cr4 | CR4_OSFXSR));
  asm volatile ("fninit; fldcw %0; fildl %1" : : "m" (fcw), "m" (mine));
  asm volatile ("ldmxcsr %0; movd %1, %%xmm0" : : "m" (mxcsr),
                "r" (not_mine));
  for (int i = 0; i < ROUNDS; i++)
    {
      hypercall (HC_YIELD, 0, 0);
      check_state (mine, mxcsr);
    }
  msg ("x87 and SSE state stayed its own");
  return 0;
}
