/* The guest's console: printf and friends, and the output hooks of
   the test calls msg () and fail () (tests/testline.h).  Output is gathered a line at a time and sent
   with one console hypercall, or, after console_use_serial (true),
   byte by byte through the emulated 16550 at COM1 (one exit per
   byte: slow, but the way a guest that knows no hypercalls prints). */

#include <string.h>
#include "hv/guest/guest.h"
#include "tests/testline.h"

/* 16550 registers used. */
#define UART_THR (HV_PORT_COM1 + 0)
#define UART_LSR (HV_PORT_COM1 + 5)
#define LSR_THRE 0x20

/* Longest line sent at once. */
#define CONSOLE_LINE 160

static bool console_serial;             /* Print through COM1. */
static char console_line[CONSOLE_LINE]; /* Line being gathered. */
static size_t console_len;

/* Chooses the serial port (true) or the console hypercall (false). */
void
console_use_serial (bool serial)
{
  console_serial = serial;
}

/* Sends BUF, LEN bytes, out the chosen way. */
static void
console_send (const char *buf, size_t len)
{
  if (!console_serial)
    {
      hypercall (HC_CONSOLE_WRITE, (uint32_t) buf, len);
      return;
    }
  for (size_t i = 0; i < len; i++)
    {
      while (!(inb (UART_LSR) & LSR_THRE))
        continue;
      outb (UART_THR, buf[i]);
    }
}

/* Adds C to the line; a new line or a full buffer sends it. */
static void
console_putc (char c, void *aux UNUSED)
{
  console_line[console_len++] = c;
  if (c == '\n' || console_len == CONSOLE_LINE)
    {
      console_send (console_line, console_len);
      console_len = 0;
    }
}

/* Prints the LEN bytes at S as they come, through the line buffer. */
static void
console_write (const char *s, size_t len)
{
  while (len-- > 0)
    console_putc (*s++, NULL);
}

/* The C library's console calls (lib/stdio.h), on the guest console:
   putchar prints character C and returns it. */
int
putchar (int c)
{
  console_putc (c, NULL);
  return c;
}

/* Prints string S and a new line. */
int
puts (const char *s)
{
  console_write (s, strlen (s));
  console_putc ('\n', NULL);
  return 0;
}

/* Prints FORMAT, formatted with AP. */
int
vprintf (const char *format, va_list ap)
{
  __vprintf (format, ap, console_putc, NULL);
  return 0;
}

/* Prints FORMAT, formatted like printf. */
int
printf (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  vprintf (format, ap);
  va_end (ap);
  return 0;
}

/* testline_tag (tests/testline.h): the guest test's name. */
const char *
testline_tag (void)
{
  return test_name;
}

/* testline_write (tests/testline.h): prints LINE, LEN bytes, through
   the line buffer. */
void
testline_write (const char *line, size_t len, bool failure UNUSED)
{
  console_write (line, len);
}

/* testline_stop (tests/testline.h): a failed guest test ends the guest
   with exit code 1. */
void
testline_stop (void)
{
  guest_exit (1);
}
