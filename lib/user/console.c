/* Console output for user programs: printf, vprintf, putchar, puts,
   hprintf and vhprintf, on top of lib/stdio.c's formatting engine.

   Formatted output is gathered in a buffer on the caller's stack and
   handed to the kernel with as few writes as possible, one per
   CONSOLE_CHUNK bytes, so that a line printed by one process reaches
   the console in one piece even while others print. */

#include <stdio.h>
#include <string.h>
#include <syscall.h>

/* Bytes gathered before they are written.  A longer line may be
   split between writes. */
#define CONSOLE_CHUNK 128

/* Output on its way to one file descriptor. */
struct console_out
  {
    int fd;                       /* Destination. */
    int produced;                 /* Characters formatted in all. */
    size_t pending;               /* Bytes gathered in CHUNK, not yet written. */
    char chunk[CONSOLE_CHUNK];    /* The gathered bytes. */
  };

/* Writes whatever OUT has gathered to its descriptor and empties
   it. */
static void
console_drain (struct console_out *out)
{
  if (out->pending != 0)
    write (out->fd, out->chunk, out->pending);
  out->pending = 0;
}

/* __vprintf's output function: gathers CH in AUX, a struct
   console_out, writing the chunk out first if it is full. */
static void
console_gather (char ch, void *aux)
{
  struct console_out *out = aux;

  if (out->pending == CONSOLE_CHUNK)
    console_drain (out);
  out->chunk[out->pending++] = ch;
  out->produced++;
}

/* Formats FORMAT with the arguments in LIST and writes the result to
   file descriptor FD.  Returns the number of characters formatted. */
int
vhprintf (int fd, const char *format, va_list list)
{
  struct console_out out = { .fd = fd, .produced = 0, .pending = 0 };

  __vprintf (format, list, console_gather, &out);
  console_drain (&out);
  return out.produced;
}

/* vhprintf with the arguments given after FORMAT. */
int
hprintf (int fd, const char *format, ...)
{
  va_list list;
  int produced;

  va_start (list, format);
  produced = vhprintf (fd, format, list);
  va_end (list);
  return produced;
}

/* vhprintf to standard output. */
int
vprintf (const char *format, va_list list)
{
  return vhprintf (STDOUT_FILENO, format, list);
}

/* vhprintf to standard output, with the arguments given after
   FORMAT. */
int
printf (const char *format, ...)
{
  va_list list;
  int produced;

  va_start (list, format);
  produced = vhprintf (STDOUT_FILENO, format, list);
  va_end (list);
  return produced;
}

/* Writes STRING and then a new-line to standard output, in one
   piece if they fit in a chunk.  Returns the characters written. */
int
puts (const char *string)
{
  return hprintf (STDOUT_FILENO, "%s\n", string);
}

/* Writes the character CH to standard output; returns CH. */
int
putchar (int ch)
{
  char byte = ch;

  write (STDOUT_FILENO, &byte, 1);
  return ch;
}
