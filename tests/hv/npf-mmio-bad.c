/* An MMIO access the device does not have (a byte load from a 32-bit
   register) ends the VM with a message saying what was wrong. */

#include "hv/guest/guest.h"

const char test_name[] = "npf-mmio-bad";

int
main (void)
{
  msg ("reading one byte of the timer's period register");
  uint8_t v = *(volatile uint8_t *) (HV_VTIMER_BASE + HV_VTIMER_PERIOD);
  fail ("byte read of an MMIO register returned %#x", v);
}
