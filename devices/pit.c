/* The 8254 programmable interval timer.  Channel 0 drives IRQ 0 (the
   system timer, devices/timer.c), channel 2 the PC speaker; channel 1
   is unused on a PC.  Each channel divides PIT_INPUT_HZ by a 16-bit
   count. */

#include "devices/pit.h"
#include <debug.h>
#include "threads/interrupt.h"
#include "threads/io.h"

/* I/O ports. */
#define PIT_PORT_COUNTER(CHANNEL) (0x40 + (CHANNEL)) /* Channel's counter. */
#define PIT_PORT_CONTROL 0x43                        /* Control word. */

/* Control word fields (8254 data sheet). */
#define PIT_CTL_CHANNEL_SHIFT 6   /* SC1-SC0: the channel addressed. */
#define PIT_CTL_ACCESS_LOHI 0x30  /* RW1-RW0: low byte, then high byte. */
#define PIT_CTL_ACCESS_LATCH 0x00 /* RW1-RW0 = 0: latch the count. */
#define PIT_CTL_MODE_SHIFT 1      /* M2-M0: counting mode. */
                                  /* BCD bit 0 left 0: binary counting. */

/* A count of 0 programs the largest period, 65536 input cycles. */
#define PIT_MAX_PERIOD 65536

/* Returns the number of input-clock cycles in one period of
   FREQUENCY Hz, rounded to nearest: the count pit_configure_channel
   programs.  FREQUENCY must be within the PIT's reach. */
unsigned
pit_period (int frequency)
{
  ASSERT (frequency > 0);

  unsigned period = (PIT_INPUT_HZ + frequency / 2) / frequency;
  ASSERT (period >= 2 && period <= PIT_MAX_PERIOD);
  return period;
}

/* Makes CHANNEL (0 or 2) count in MODE (PIT_MODE_RATE or
   PIT_MODE_SQUARE) with a period of FREQUENCY Hz.  FREQUENCY must be
   between 19 Hz (count 65536 ~ 18.2 Hz) and PIT_INPUT_HZ / 2.  May be
   called with interrupts on or off. */
void
pit_configure_channel (int channel, int mode, int frequency)
{
  ASSERT (channel == 0 || channel == 2);
  ASSERT (mode == PIT_MODE_RATE || mode == PIT_MODE_SQUARE);

  unsigned count = pit_period (frequency) % PIT_MAX_PERIOD;
  enum intr_level old_level = intr_disable ();
  outb (PIT_PORT_CONTROL, (channel << PIT_CTL_CHANNEL_SHIFT)
                          | PIT_CTL_ACCESS_LOHI
                          | (mode << PIT_CTL_MODE_SHIFT));
  outb (PIT_PORT_COUNTER (channel), count & 0xff);
  outb (PIT_PORT_COUNTER (channel), count >> 8);
  intr_set_level (old_level);
}

/* Returns CHANNEL's current count, which falls from its period down
   to 1 (in PIT_MODE_RATE) once per period.  The channel must have
   been configured with pit_configure_channel.  May be called with
   interrupts on or off. */
unsigned
pit_read_count (int channel)
{
  ASSERT (channel >= 0 && channel <= 2);

  enum intr_level old_level = intr_disable ();
  outb (PIT_PORT_CONTROL, (channel << PIT_CTL_CHANNEL_SHIFT)
                          | PIT_CTL_ACCESS_LATCH);
  unsigned low = inb (PIT_PORT_COUNTER (channel));
  unsigned high = inb (PIT_PORT_COUNTER (channel));
  intr_set_level (old_level);

  unsigned count = (high << 8) | low;
  return count != 0 ? count : PIT_MAX_PERIOD;
}
