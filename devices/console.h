/* The kernel console: where printf and friends send their output
   (the serial port and the VGA screen at once). */
#ifndef DEVICES_CONSOLE_H
#define DEVICES_CONSOLE_H

/* Boot turns locking on; a panic turns it off again. */
void console_init (void);
void console_panic (void);

/* Power-off statistics. */
void console_print_stats (void);

#endif /* devices/console.h */
