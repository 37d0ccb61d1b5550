/* The kernel console.  Defines the kernel's printf, vprintf, puts,
   putchar and putbuf: each character goes to the serial port and to
   the VGA screen.  Once threads work, a lock keeps one thread's
   printf from interleaving with another's; interrupt handlers and a
   panicking kernel write without it, since they cannot wait. */

#include "devices/console.h"
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "threads/synch.h"
#include "threads/interrupt.h"
#include "devices/vga.h"
#include "devices/serial.h"

/* Mutual exclusion for console output.  The holder of LOCK may enter
   again (a printf reached from inside a printf, as when an assertion
   fails while printing); NESTING counts those extra entries. */
struct console_guard
  {
    bool active;                /* Off before threads exist and after
                                   a panic. */
    struct lock lock;           /* Held by the thread printing. */
    int nesting;                /* Entries beyond the first. */
  };

static struct console_guard console_guard;

/* Characters written since boot. */
static int64_t console_char_cnt;

/* Turns the console guard on.  Called once at boot, as soon as
   thread_current works and before any second thread exists. */
void
console_init (void)
{
  lock_init (&console_guard.lock);
  console_guard.active = true;
}

/* Turns the console guard off for good, so that a panic can print
   whoever holds the lock.  Called on the panic path. */
void
console_panic (void)
{
  console_guard.active = false;
}

/* Prints how many characters have gone to the console since boot. */
void
console_print_stats (void)
{
  printf ("Console: %"PRId64" characters output\n", console_char_cnt);
}

/* True if output from here must go through the guard: threads do,
   interrupt handlers cannot wait for a lock. */
static bool
console_guarded (void)
{
  return console_guard.active && !intr_context ();
}

/* Starts a piece of output that must not interleave with another
   thread's.  Nested calls by the same thread just count.  May
   sleep. */
static void
console_enter (void)
{
  if (!console_guarded ())
    return;
  if (!lock_held_by_current_thread (&console_guard.lock))
    lock_acquire (&console_guard.lock);
  else
    console_guard.nesting++;
}

/* Ends the piece of output the matching console_enter started. */
static void
console_leave (void)
{
  if (!console_guarded ())
    return;
  if (console_guard.nesting == 0)
    lock_release (&console_guard.lock);
  else
    console_guard.nesting--;
}

/* Sends C to both output devices and counts it.  The caller is
   inside console_enter. */
static void
console_putc (char c)
{
  serial_putc (c);
  vga_putc (c);
  console_char_cnt++;
}

/* Prints the N characters at S, and a new-line after them if
   NEWLINE, as one piece no other thread's output can split. */
static void
console_emit (const char *s, size_t n, bool newline)
{
  size_t i;

  console_enter ();
  for (i = 0; i < n; i++)
    console_putc (s[i]);
  if (newline)
    console_putc ('\n');
  console_leave ();
}

/* __vprintf's sink: sends C and adds one to the int at TALLY. */
static void
console_format_sink (char c, void *tally)
{
  ++*(int *) tally;
  console_putc (c);
}

/* Prints FORMAT with ARGS as one uninterrupted piece and returns the
   number of characters printed. */
int
vprintf (const char *format, va_list args)
{
  int printed = 0;

  console_enter ();
  __vprintf (format, args, console_format_sink, &printed);
  console_leave ();
  return printed;
}

/* Prints FMT with the arguments that follow as one uninterrupted
   piece and returns the number of characters printed. */
int
printf (const char *fmt, ...)
{
  va_list ap;
  int printed;

  va_start (ap, fmt);
  printed = vprintf (fmt, ap);
  va_end (ap);
  return printed;
}

/* Prints string S followed by a new-line as one piece.  Returns 0,
   the non-negative value C requires. */
int
puts (const char *s)
{
  console_emit (s, strlen (s), true);
  return 0;
}

/* Prints the SIZE characters at BUFFER as one piece. */
void
putbuf (const char *buffer, size_t size)
{
  console_emit (buffer, size, false);
}

/* Prints character C and returns it. */
int
putchar (int c)
{
  char ch = c;

  console_emit (&ch, 1, false);
  return c;
}
