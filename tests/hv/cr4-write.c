/* Writes to CR4: bits the CPU does not offer a 32-bit guest
   (VMXE, PCIDE, OSXSAVE, SMEP, and reserved ones) raise #GP and leave
   CR4 alone; the ones it does (PSE, OSFXSR) take effect. */

#include "hv/guest/guest.h"

const char test_name[] = "cr4-write";

#include "tests/hv/cr-write.inc"

#define CR4_VMXE    (1u << 13)
#define CR4_PCIDE   (1u << 17)
#define CR4_OSXSAVE (1u << 18)
#define CR4_SMEP    (1u << 20)
#define CR4_BIT31   (1u << 31)

int
main (void)
{
  idt_set_handler (VEC_GP, on_gp);
  msg ("CR4 at start: %#x", (unsigned) read_cr (4));
  try_cr (4, "VMXE", CR4_VMXE);
  try_cr (4, "PCIDE", CR4_PCIDE);
  try_cr (4, "OSXSAVE", CR4_OSXSAVE);
  try_cr (4, "SMEP", CR4_SMEP);
  try_cr (4, "bit 31", CR4_BIT31);
  try_cr (4, "PSE", CR4_PSE);
  try_cr (4, "PSE and OSFXSR", CR4_PSE | CR4_OSFXSR);
  try_cr (4, "nothing", 0);
  return 0;
}
