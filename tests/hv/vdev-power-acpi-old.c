/* The older ACPI PM1a control register (port 0xb004): it reads as 0,
   and a byte write to its high half (port 0xb005) with SLP_EN, bit 13
   of the register, ends the VM with exit code 0. */

#include "hv/guest/guest.h"

const char test_name[] = "vdev-power-acpi-old";

#define PM1A_CNT 0xb004
#define SLP_EN_HIGH 0x20        /* SLP_EN, bit 13, in the high byte. */

int
main (void)
{
  msg ("PM1a control reads %#x", inw (PM1A_CNT));
  outb (PM1A_CNT, SLP_EN_HIGH);
  msg ("still running after writing bit 5 of the low byte");
  outb (PM1A_CNT + 1, SLP_EN_HIGH);
  fail ("still running after a write with SLP_EN");
}
