/* The PS/2 keyboard: turns key presses into characters for the input
   buffer. */
#ifndef DEVICES_KBD_H
#define DEVICES_KBD_H

void kbd_init (void);
void kbd_print_stats (void);

#endif /* devices/kbd.h */
