/* popf: shows an instruction that is sensitive but not privileged.
   In ring 0, popf can clear the interrupt flag IF.  In ring 3 (with
   IOPL 0) it may not, but instead of trapping, the CPU silently
   leaves IF as it was: the program cannot tell that its change was
   ignored, and a hypervisor running a guest kernel in ring 3 never
   gets a chance to emulate it.  That breaks Popek and Goldberg's
   condition for trap-and-emulate virtualization: every sensitive
   instruction must be privileged. */

#include <stdint.h>
#include <stdio.h>

/* The interrupt flag in EFLAGS. */
#define EFLAGS_IF 0x200

/* Returns EFLAGS. */
static uint32_t
get_eflags (void)
{
  uint32_t eflags;
  asm volatile ("pushfl; popl %0" : "=r" (eflags));
  return eflags;
}

/* Loads EFLAGS with popf. */
static void
set_eflags (uint32_t eflags)
{
  asm volatile ("pushl %0; popfl" : : "r" (eflags) : "cc");
}

int
main (void)
{
  uint32_t before = get_eflags ();
  printf ("popf: EFLAGS=0x%08x, IF=%d\n", before, (before & EFLAGS_IF) != 0);

  printf ("popf: popf with IF cleared, in ring 3...\n");
  set_eflags (before & ~EFLAGS_IF);
  uint32_t after = get_eflags ();

  printf ("popf: no trap; EFLAGS=0x%08x, IF=%d\n", after,
          (after & EFLAGS_IF) != 0);
  if (after & EFLAGS_IF)
    printf ("popf: the CPU ignored the change silently: popf is sensitive "
            "but not privileged\n");
  else
    printf ("popf: IF really is clear: this ring may change it\n");
  return 0;
}
