/* cpl: shows the ring this program runs in.  The current privilege
   level (CPL) is the low two bits of the code-segment selector in
   %cs: 0 for the kernel, 3 for user programs.  The data and stack
   selectors carry the same requested privilege level, and the I/O
   privilege level (IOPL, EFLAGS bits 12-13) says which rings may use
   in/out and cli/sti. */

#include <stdint.h>
#include <stdio.h>

/* EFLAGS fields. */
#define EFLAGS_IF 0x200                 /* Interrupts enabled. */
#define EFLAGS_IOPL_SHIFT 12            /* I/O privilege level, 2 bits. */
#define EFLAGS_IOPL_MASK 3

/* Returns the low two bits of selector SEL: its privilege level. */
static unsigned
rpl (uint16_t sel)
{
  return sel & 3;
}

int
main (void)
{
  uint16_t cs, ds, ss;
  uint32_t eflags;

  asm ("movw %%cs, %0; movw %%ds, %1; movw %%ss, %2"
       : "=r" (cs), "=r" (ds), "=r" (ss));
  asm volatile ("pushfl; popl %0" : "=r" (eflags));
  unsigned iopl = (eflags >> EFLAGS_IOPL_SHIFT) & EFLAGS_IOPL_MASK;

  printf ("cpl: running in ring %u (CS=0x%04x, low two bits = CPL)\n",
          rpl (cs), cs);
  printf ("cpl: data and stack selectors DS=0x%04x SS=0x%04x, "
          "privilege %u\n", ds, ss, rpl (ss));
  printf ("cpl: EFLAGS=0x%08x: IF=%d, IOPL=%u, so in/out and cli/sti "
          "are %s here\n", eflags, (eflags & EFLAGS_IF) != 0, iopl,
          rpl (cs) <= iopl ? "allowed" : "forbidden");
  return 0;
}
