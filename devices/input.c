/* The input buffer: one interrupt queue that the keyboard and serial
   interrupt handlers fill and that readers drain.  When a reader
   frees room, the serial port is told, since it stops accepting
   bytes while the buffer is full. */

#include "devices/input.h"
#include <debug.h>
#include "threads/interrupt.h"
#include "devices/serial.h"
#include "devices/intq.h"

/* Characters typed and not yet consumed. */
static struct intq input_pending;

/* Makes the buffer empty.  Runs once at boot, before the keyboard
   or the serial port can raise an interrupt. */
void
input_init (void)
{
  intq_init (&input_pending);
}

/* Removes the oldest character from the buffer and returns it,
   sleeping while there is none.  A thread's call, never an interrupt
   handler's.  Taking a character may make room the serial port was
   waiting for, so it is told. */
uint8_t
input_getc (void)
{
  enum intr_level saved = intr_disable ();
  uint8_t c;

  c = intq_getc (&input_pending);
  serial_notify ();
  intr_set_level (saved);
  return c;
}

/* True if the buffer cannot take another character: the keyboard
   then drops keys, the serial port leaves them in its FIFO.
   Interrupts must be off. */
bool
input_full (void)
{
  return intq_full (&input_pending);
}

/* Stores character C, which a device just delivered, at the end of
   the buffer; the buffer must have room.  Interrupts must be off (the
   callers are interrupt handlers). */
void
input_putc (uint8_t c)
{
  ASSERT (!input_full ());
  intq_putc (&input_pending, c);
  serial_notify ();
}
