/* IOIO exits to the emulated 16550: the guest prints through COM1
   (every byte an OUT the hv catches) and the UART's registers behave
   as a driver expects. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-ioio-serial";

#define COM1 HV_PORT_COM1
#define LCR_DLAB 0x80

int
main (void)
{
  console_use_serial (true);
  msg ("this line went out through COM1, one OUT per byte");

  outb (COM1 + 7, 0x5a);
  msg ("scratch register reads back %#x", inb (COM1 + 7));

  outb (COM1 + 3, LCR_DLAB);
  outb (COM1 + 0, 3);
  outb (COM1 + 1, 0);
  unsigned divisor = inb (COM1 + 0) | inb (COM1 + 1) << 8;
  outb (COM1 + 3, 0x03);
  msg ("divisor latch reads back %u; line control %#x", divisor,
       inb (COM1 + 3));

  msg ("line status %#x, interrupt identification %#x",
       inb (COM1 + 5), inb (COM1 + 2));
  return 0;
}
