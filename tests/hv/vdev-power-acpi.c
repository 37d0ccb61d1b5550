/* The PIIX4's ACPI PM1a control register (port 0x604), the one QEMU
   has: it reads as 0, a write without SLP_EN leaves the VM running,
   and a write with SLP_EN ends it with exit code 0. */

#include "hv/guest/guest.h"

const char test_name[] = "vdev-power-acpi";

#define PM1A_CNT 0x604
#define SLP_EN 0x2000           /* PM1 control bit 13. */
#define SLP_TYP_SHIFT 10        /* Sleep type, bits 12-10. */

int
main (void)
{
  msg ("PM1a control reads %#x", inw (PM1A_CNT));
  outw (PM1A_CNT, 5 << SLP_TYP_SHIFT);
  msg ("still running after a write without SLP_EN");
  outw (PM1A_CNT, SLP_EN);
  fail ("still running after a write with SLP_EN");
}
