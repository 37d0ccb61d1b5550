/* The keyboard input buffer: keys from the PS/2 keyboard and the
   serial port, read by whoever wants console input. */
#ifndef DEVICES_INPUT_H
#define DEVICES_INPUT_H

#include <stdint.h>
#include <stdbool.h>

void input_init (void);

/* Producers: interrupt handlers, interrupts off. */
bool input_full (void);
void input_putc (uint8_t);

/* Consumers: threads. */
uint8_t input_getc (void);

#endif /* devices/input.h */
