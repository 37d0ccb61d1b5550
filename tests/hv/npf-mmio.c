/* Nested page faults in an MMIO hole: the virtual timer's registers
   answer loads and stores made with the MOV forms compilers emit
   (the hv decodes each instruction, as QEMU has no decode assist). */

#include "hv/guest/guest.h"

const char test_name[] = "npf-mmio";

#define REG(OFS) (HV_VTIMER_BASE + (OFS))

int
main (void)
{
  uint32_t v;

  /* MOV moffs32, EAX and MOV EAX, moffs32 (A3, A1). */
  asm volatile ("movl %%eax, %c1" : : "a" (0x30), "i" (REG (HV_VTIMER_VECTOR)));
  asm volatile ("movl %c1, %%eax" : "=a" (v) : "i" (REG (HV_VTIMER_VECTOR)));
  msg ("vector via EAX and moffs32: %#x", (unsigned) v);

  /* MOV r/m32, imm32 (C7 /0) and MOV r32, r/m32 with disp8 (8B). */
  asm volatile ("movl $0x31, 4(%0)" : : "b" (REG (0)) : "memory");
  asm volatile ("movl 4(%1), %0" : "=S" (v) : "b" (REG (0)));
  msg ("vector via imm32 store and disp8 load into ESI: %#x", (unsigned) v);

  /* MOV r/m32, r32 (89) with a SIB byte, then a plain C store. */
  asm volatile ("movl %1, (%0,%2,4)" : : "b" (REG (0)), "c" (0x32), "d" (1)
                : "memory");
  v = *(volatile uint32_t *) REG (HV_VTIMER_VECTOR);
  msg ("vector via SIB store: %#x", (unsigned) v);

  *(volatile uint32_t *) REG (HV_VTIMER_VECTOR) = 5;
  msg ("vector after writing 5 (an exception vector): %#x",
       (unsigned) *(volatile uint32_t *) REG (HV_VTIMER_VECTOR));
  *(volatile uint32_t *) REG (HV_VTIMER_FIRED) = 99;
  msg ("expiries after writing 99 to the read-only register: %u",
       (unsigned) timer_fired ());
  msg ("period of the stopped timer: %u",
       (unsigned) *(volatile uint32_t *) REG (HV_VTIMER_PERIOD));
  return 0;
}
