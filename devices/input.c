/* The input buffer: one interrupt queue that the keyboard and serial
   interrupt handlers fill and that readers drain.  When a reader
   frees room, the serial port is told, since it stops accepting
   bytes while the buffer is full. */

#include "devices/input.h"
#include <debug.h>
#include "devices/intq.h"
#include "devices/serial.h"
#include "threads/interrupt.h"

/* Keys typed but not yet read. */
static struct intq input_buffer;

/* Initialises the input buffer.  Called once at boot, before the
   keyboard and serial interrupts can deliver input. */
void
input_init (void)
{
  intq_init (&input_buffer);
}

/* Appends KEY to the input buffer, which must not be full.
   Interrupts must be off (normally called from an interrupt
   handler). */
void
input_putc (uint8_t key)
{
  ASSERT (intr_get_level () == INTR_OFF);
  ASSERT (!input_full ());

  intq_putc (&input_buffer, key);
  serial_notify ();
}

/* Returns the next key typed, sleeping until there is one.  Must not
   be called from an interrupt handler. */
uint8_t
input_getc (void)
{
  enum intr_level old_level = intr_disable ();
  uint8_t key = intq_getc (&input_buffer);
  serial_notify ();
  intr_set_level (old_level);
  return key;
}

/* Returns true if the input buffer has no room: further keys must be
   dropped (keyboard) or left waiting (serial).  Interrupts must be
   off. */
bool
input_full (void)
{
  ASSERT (intr_get_level () == INTR_OFF);
  return intq_full (&input_buffer);
}
