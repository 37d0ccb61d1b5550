/* VGA text mode: an 80x25 grid of character cells in video memory,
   written like a teletype.  Output scrolls at the bottom, and the
   hardware cursor follows the next write position. */

#include "devices/vga.h"
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "threads/interrupt.h"
#include "threads/io.h"
#include "threads/vaddr.h"

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_TAB_WIDTH 8

/* Physical address of the colour text-mode frame buffer. */
#define VGA_TEXT_PADDR 0xb8000

/* A cell is a character byte and an attribute byte; light grey on
   black is the BIOS default. */
#define VGA_ATTR_GREY 0x07
#define VGA_BLANK ((VGA_ATTR_GREY << 8) | ' ')

/* CRT controller ports and its cursor-location registers. */
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA  0x3d5
#define VGA_CRTC_CURSOR_HIGH 0x0e     /* Cursor location, high byte. */
#define VGA_CRTC_CURSOR_LOW  0x0f     /* Cursor location, low byte. */

/* The frame buffer, one row of cells per line. */
static uint16_t (*vga_fb)[VGA_COLS];

/* Where the next character goes. */
static int vga_col, vga_row;

/* Returns the cursor's cell number as the CRT controller holds it. */
static unsigned
vga_read_cursor (void)
{
  outb (VGA_CRTC_INDEX, VGA_CRTC_CURSOR_HIGH);
  unsigned pos = inb (VGA_CRTC_DATA) << 8;
  outb (VGA_CRTC_INDEX, VGA_CRTC_CURSOR_LOW);
  return pos | inb (VGA_CRTC_DATA);
}

/* Moves the hardware cursor to (vga_col, vga_row). */
static void
vga_move_cursor (void)
{
  unsigned pos = vga_row * VGA_COLS + vga_col;
  outb (VGA_CRTC_INDEX, VGA_CRTC_CURSOR_HIGH);
  outb (VGA_CRTC_DATA, pos >> 8);
  outb (VGA_CRTC_INDEX, VGA_CRTC_CURSOR_LOW);
  outb (VGA_CRTC_DATA, pos & 0xff);
}

/* Maps the frame buffer and continues where the BIOS or boot loader
   left the cursor, so their messages stay on screen. */
static void
vga_init (void)
{
  vga_fb = ptov (VGA_TEXT_PADDR);

  unsigned pos = vga_read_cursor ();
  if (pos >= VGA_COLS * VGA_ROWS)
    pos = 0;
  vga_col = pos % VGA_COLS;
  vga_row = pos / VGA_COLS;
}

/* Blanks row Y. */
static void
vga_clear_row (int y)
{
  for (int x = 0; x < VGA_COLS; x++)
    vga_fb[y][x] = VGA_BLANK;
}

/* Blanks the screen and homes the cursor. */
static void
vga_clear_screen (void)
{
  for (int y = 0; y < VGA_ROWS; y++)
    vga_clear_row (y);
  vga_col = vga_row = 0;
}

/* Starts a new line, scrolling the screen up one row at the bottom. */
static void
vga_newline (void)
{
  vga_col = 0;
  if (++vga_row < VGA_ROWS)
    return;
  memmove (vga_fb[0], vga_fb[1], sizeof vga_fb[0] * (VGA_ROWS - 1));
  vga_row = VGA_ROWS - 1;
  vga_clear_row (vga_row);
}

/* Writes printable character C at the cursor and advances it. */
static void
vga_put_char (uint8_t c)
{
  vga_fb[vga_row][vga_col] = (VGA_ATTR_GREY << 8) | c;
  if (++vga_col >= VGA_COLS)
    vga_newline ();
}

/* Writes C to the screen.  Handles newline, carriage return,
   backspace, tab and form feed (clear screen); any other byte is
   shown as its glyph.  May be called with interrupts on or off, and
   from an interrupt handler. */
void
vga_putc (int c)
{
  static bool vga_ready;
  enum intr_level old_level = intr_disable ();

  if (!vga_ready)
    {
      vga_init ();
      vga_ready = true;
    }

  switch (c)
    {
    case '\n':
      vga_newline ();
      break;
    case '\r':
      vga_col = 0;
      break;
    case '\b':
      if (vga_col > 0)
        vga_col--;
      break;
    case '\t':
      do
        vga_put_char (' ');
      while (vga_col % VGA_TAB_WIDTH != 0);
      break;
    case '\f':
      vga_clear_screen ();
      break;
    default:
      vga_put_char (c);
      break;
    }

  vga_move_cursor ();
  intr_set_level (old_level);
}
