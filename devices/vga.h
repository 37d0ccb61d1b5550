/* The VGA text-mode screen: the screen side of the console. */
#ifndef DEVICES_VGA_H
#define DEVICES_VGA_H

void vga_putc (int c);

#endif /* devices/vga.h */
