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

  guest_outb (COM1 + 7, 0x5a);
  msg ("scratch register reads back %#x", guest_inb (COM1 + 7));

  guest_outb (COM1 + 3, LCR_DLAB);
  guest_outb (COM1 + 0, 3);
  guest_outb (COM1 + 1, 0);
  unsigned divisor = guest_inb (COM1 + 0) | guest_inb (COM1 + 1) << 8;
  guest_outb (COM1 + 3, 0x03);
  msg ("divisor latch reads back %u; line control %#x", divisor,
       guest_inb (COM1 + 3));

  msg ("line status %#x, interrupt identification %#x",
       guest_inb (COM1 + 5), guest_inb (COM1 + 2));
  return 0;
}
