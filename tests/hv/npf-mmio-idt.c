/* A guest whose IDT lies in the virtual timer's MMIO page.  Raising an
   exception makes the CPU read the gate from MMIO while delivering
   it: a nested page fault the instruction at EIP did not cause.  The
   hv must not emulate that instruction; it ends the VM. */

#include "hv/guest/guest.h"

const char test_name[] = "npf-mmio-idt";

/* The operand of LIDT. */
struct table_register
  {
    uint16_t limit;
    uint32_t base;
  } __attribute__ ((packed));

int
main (void)
{
  struct table_register idtr = { 0x7ff, HV_VTIMER_BASE };

  msg ("IDT moved to MMIO at %#x; raising #BP", HV_VTIMER_BASE);
  asm volatile ("lidt %0; int3" : : "m" (idtr) : "memory");
  fail ("the breakpoint went through an IDT in MMIO");
}
