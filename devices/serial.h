/* The first 16550A serial port (COM1): the serial side of the
   console, and a source of input. */
#ifndef DEVICES_SERIAL_H
#define DEVICES_SERIAL_H

#include <stdint.h>

/* Output, polled until serial_init_queue switches it to interrupts. */
void serial_putc (uint8_t);
void serial_flush (void);
void serial_init_queue (void);

/* Called by the input buffer when its room changes. */
void serial_notify (void);

#endif /* devices/serial.h */
