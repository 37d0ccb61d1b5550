/* The 8254 programmable interval timer: programming a channel to a
   frequency and reading a channel's current count. */
#ifndef DEVICES_PIT_H
#define DEVICES_PIT_H

#include <stdint.h>

/* The 8254's input clock, in Hz: each channel counts down at this
   rate. */
#define PIT_INPUT_HZ 1193182

/* Counting modes used by Ringlet (8254 data sheet, control word bits
   M2...M0). */
#define PIT_MODE_RATE   2       /* Rate generator: one pulse per period. */
#define PIT_MODE_SQUARE 3       /* Square wave (the PC speaker's mode). */

void pit_configure_channel (int channel, int mode, int frequency);
unsigned pit_period (int frequency);
unsigned pit_read_count (int channel);

#endif /* devices/pit.h */
