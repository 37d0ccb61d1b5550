/* x87 and SSE state belongs to each VCPU.  The CPU does not switch it
   on VMRUN or #VMEXIT, so without help one guest's FPU registers,
   control word and pending exceptions would reach the host and the
   next guest.  Each VCPU has a page holding two FXSAVE images, its
   guest's state and the host's state while the guest runs; the world
   switch (hv/vmrun.S) swaps them eagerly with FXSAVE and FXRSTOR
   while GIF is clear, so that no host thread can run between the
   switch and the swap. */

#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* CPUID leaf 1 EDX bits (AMD APM vol. 3, appendix E). */
#define CPUID_EDX_FXSR (1u << 24)
#define CPUID_EDX_SSE  (1u << 25)

/* Fields of the FXSAVE image (AMD APM vol. 2, 11.4.4). */
#define FXSAVE_FCW   0          /* x87 control word, 16 bits. */
#define FXSAVE_MXCSR 24         /* SSE control and status, 32 bits. */

/* The state FNINIT and a reset leave: every x87 exception masked,
   64-bit precision, round to nearest; every SSE exception masked. */
#define FPU_INIT_FCW   0x037f
#define FPU_INIT_MXCSR 0x1f80

_Static_assert (2 * FPU_IMAGE_SIZE <= PGSIZE, "two images in a page");

/* Makes the host ready for the world switch's FXSAVE and FXRSTOR:
   checks that the CPU has them, and sets CR4.OSFXSR (so they include
   the SSE registers) and CR0.NE (x87 errors are #MF exceptions, never
   FERR#, which would reach the host's PIC as IRQ 13).  Returns a null
   pointer, or why the hv cannot run. */
const char *
fpu_enable (void)
{
  uint32_t features = cpuid (1, 0).edx;
  if (!(features & CPUID_EDX_FXSR))
    return "this CPU has no FXSAVE/FXRSTOR to switch guests' FPU state";
  uint32_t cr4 = rcr4 () | CR4_OSFXSR;
  if (features & CPUID_EDX_SSE)
    cr4 |= CR4_OSXMMEXCPT;
  lcr4 (cr4);
  lcr0 ((rcr0 () | CR0_NE) & ~(CR0_TS | CR0_EM));
  return NULL;
}

/* Allocates VCPU's FPU page and gives its guest the state a CPU has
   after reset.  Returns false if memory is short. */
bool
fpu_init (struct vcpu *vcpu)
{
  uint8_t *page = palloc_get_page (PAL_ZERO);
  if (page == NULL)
    return false;
  uint16_t fcw = FPU_INIT_FCW;
  uint32_t mxcsr = FPU_INIT_MXCSR;
  memcpy (page + FXSAVE_FCW, &fcw, sizeof fcw);
  memcpy (page + FXSAVE_MXCSR, &mxcsr, sizeof mxcsr);
  vcpu->regs.fpu_guest = page;
  vcpu->regs.fpu_host = page + FPU_IMAGE_SIZE;
  return true;
}

/* Frees what fpu_init allocated; safe if it never ran. */
void
fpu_destroy (struct vcpu *vcpu)
{
  if (vcpu->regs.fpu_guest != NULL)
    palloc_free_page (vcpu->regs.fpu_guest);
  vcpu->regs.fpu_guest = vcpu->regs.fpu_host = NULL;
}
