/* The kernel console: where printf and friends send their output
   (the serial port and the VGA screen at once). */
#ifndef DEVICES_CONSOLE_H
#define DEVICES_CONSOLE_H

void console_init (void);
void console_panic (void);
void console_print_stats (void);

#endif /* devices/console.h */
