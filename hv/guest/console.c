/* The guest's console: printf and friends, and the test-output lines
   msg () and fail ().  Output is gathered a line at a time and sent
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

/* Prints the guest test's output line (tests/testline.h): FORMAT
   formatted with AP, then SUFFIX. */
static void
console_test_line (const char *suffix, const char *format, va_list ap)
{
  char line[TESTLINE_MAX];

  console_write (line, testline_format (line, test_name, suffix, format,
                                        ap));
}

/* Prints FORMAT, formatted like printf, as the guest test's failure
   line, then ends the guest with exit code 1. */
void
fail (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  console_test_line (TESTLINE_FAILED, format, ap);
  va_end (ap);
  guest_exit (1);
}

/* Prints FORMAT, formatted like printf, as a line tagged with the
   guest test's name. */
void
msg (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  console_test_line ("", format, ap);
  va_end (ap);
}
