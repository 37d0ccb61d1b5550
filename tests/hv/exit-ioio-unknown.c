/* IOIO exits to ports with no device: reads give all ones, of the
   access's width, and writes are dropped without harm. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-ioio-unknown";

/* Reads 16 bits from PORT. */
static uint16_t
inw (uint16_t port)
{
  uint16_t v;
  asm volatile ("inw %w1, %w0" : "=a" (v) : "Nd" (port));
  return v;
}

int
main (void)
{
  guest_outb (0x80, 0x12);
  msg ("byte read of port 0x80: %#x", guest_inb (0x80));
  msg ("word read of port 0x1234: %#x", inw (0x1234));
  msg ("doubleword read of port 0x5678: %#x", (unsigned) guest_inl (0x5678));
  return 0;
}
