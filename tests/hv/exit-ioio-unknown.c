/* IOIO exits to ports with no device: reads give all ones, of the
   access's width, and writes are dropped without harm. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-ioio-unknown";

int
main (void)
{
  outb (0x80, 0x12);
  msg ("byte read of port 0x80: %#x", inb (0x80));
  msg ("word read of port 0x1234: %#x", inw (0x1234));
  msg ("doubleword read of port 0x5678: %#x", (unsigned) inl (0x5678));
  return 0;
}
