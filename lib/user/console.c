/* Console output for user programs: printf, vprintf, putchar, puts,
   hprintf and vhprintf on top of lib/stdio.c's formatting engine.
   Output is collected in a small buffer and handed to the kernel with
   one write per buffer-full, so that a line printed by one process
   reaches the console in one piece even while others print. */

#include <stdio.h>
#include <string.h>
#include <syscall.h>

/* Bytes collected before a write.  A line longer than this may be
   split between writes. */
#define CONSOLE_BUF_SIZE 128

/* Output being collected for one file descriptor. */
struct console_buf
  {
    int fd;                         /* Where the output goes. */
    int total;                      /* Characters produced so far. */
    size_t len;                     /* Bytes waiting in DATA. */
    char data[CONSOLE_BUF_SIZE];    /* The waiting bytes. */
  };

/* Writes the bytes waiting in BUF to its descriptor. */
static void
console_flush (struct console_buf *buf)
{
  if (buf->len > 0)
    write (buf->fd, buf->data, buf->len);
  buf->len = 0;
}

/* __vprintf output function: adds C to the struct console_buf AUX. */
static void
console_putc (char c, void *aux)
{
  struct console_buf *buf = aux;

  if (buf->len == sizeof buf->data)
    console_flush (buf);
  buf->data[buf->len++] = c;
  buf->total++;
}

/* Formats FORMAT with ARGS onto file descriptor FD.  Returns the
   number of characters produced. */
int
vhprintf (int fd, const char *format, va_list args)
{
  struct console_buf buf;

  buf.fd = fd;
  buf.total = 0;
  buf.len = 0;
  __vprintf (format, args, console_putc, &buf);
  console_flush (&buf);
  return buf.total;
}

/* Formats FORMAT and its arguments onto file descriptor FD.  Returns
   the number of characters produced. */
int
hprintf (int fd, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  int count = vhprintf (fd, format, args);
  va_end (args);
  return count;
}

/* Formats FORMAT with ARGS onto standard output. */
int
vprintf (const char *format, va_list args)
{
  return vhprintf (STDOUT_FILENO, format, args);
}

/* Formats FORMAT and its arguments onto standard output. */
int
printf (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  int count = vprintf (format, args);
  va_end (args);
  return count;
}

/* Writes STRING and a new-line to standard output. */
int
puts (const char *string)
{
  return printf ("%s\n", string);
}

/* Writes character C to standard output and returns it. */
int
putchar (int c)
{
  char ch = c;
  write (STDOUT_FILENO, &ch, 1);
  return c;
}
