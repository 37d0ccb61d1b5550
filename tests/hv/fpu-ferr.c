/* An x87 error in the guest: with exceptions unmasked, a division by
   zero must raise #MF inside the guest.  The guest runs with CR0.NE
   set; were it clear, the error would assert FERR# and reach the
   host's PIC as IRQ 13 instead (which panicked the host on Bochs and
   aborted QEMU). */

#include "hv/guest/guest.h"

const char test_name[] = "fpu-ferr";

#define VEC_MF 16
#define FSW_ZE (1u << 2)                /* Zero-divide flag. */
#define FCW_ALL_UNMASKED 0x0340         /* 64-bit precision, nothing masked. */

static volatile unsigned mf_faults;
static volatile uint16_t fsw_at_fault;

/* #MF: records the status word, clears the exception and resumes; the
   FWAIT it stopped at then completes. */
static void
on_mf (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
       uint32_t error UNUSED)
{
  uint16_t fsw;
  asm volatile ("fnstsw %0; fnclex" : "=m" (fsw));
  fsw_at_fault = fsw;
  mf_faults++;
}

int
main (void)
{
  uint32_t cr0;
  uint16_t fcw = FCW_ALL_UNMASKED;

  asm volatile ("movl %%cr0, %0" : "=r" (cr0));
  msg ("CR0.NE is %s", cr0 & CR0_NE ? "set" : "clear");
  idt_set_handler (VEC_MF, on_mf);
  asm volatile ("fninit; fldcw %0" : : "m" (fcw));
  asm volatile ("fldz; fld1; fdiv %%st(1), %%st; fwait" : : : "memory");
  asm volatile ("fninit");
  msg ("1/0 with exceptions unmasked: %u #MF, zero-divide flag %s",
       mf_faults, fsw_at_fault & FSW_ZE ? "set" : "clear");
  return 0;
}
