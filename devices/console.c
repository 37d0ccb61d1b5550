/* The kernel console.  Defines the kernel's printf, vprintf, puts,
   putchar and putbuf: each character goes to the serial port and to
   the VGA screen.  Once threads work, a lock keeps one thread's
   printf from interleaving with another's; interrupt handlers and a
   panicking kernel write without it, since they cannot wait. */

#include "devices/console.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include "devices/serial.h"
#include "devices/vga.h"
#include "threads/interrupt.h"
#include "threads/synch.h"

/* Serialises console output between threads. */
static struct lock console_lock;

/* Whether to use console_lock: false during early boot, before
   threads exist, and again once the kernel panics. */
static bool console_use_lock;

/* How many times the lock's holder has re-entered the console while
   holding it (a printf inside a printf, as when an assertion fails
   during output). */
static int console_lock_depth;

/* Characters written since boot. */
static int64_t console_write_cnt;

/* Enables the console lock.  Called once, when thread_current works
   and before a second thread can print. */
void
console_init (void)
{
  lock_init (&console_lock);
  console_use_lock = true;
}

/* Makes the console stop locking, so that the panic path can print
   whatever state the lock is in.  Called by the panic code. */
void
console_panic (void)
{
  console_use_lock = false;
}

/* Prints the number of characters output since boot. */
void
console_print_stats (void)
{
  printf ("Console: %"PRId64" characters output\n", console_write_cnt);
}

/* Returns true if the current context should take the console lock. */
static bool
console_locking (void)
{
  return console_use_lock && !intr_context ();
}

/* Takes the console lock, or re-enters it if the current thread
   already holds it.  May sleep (not in an interrupt handler, where
   locking is skipped). */
static void
console_acquire (void)
{
  if (!console_locking ())
    return;
  if (lock_held_by_current_thread (&console_lock))
    console_lock_depth++;
  else
    lock_acquire (&console_lock);
}

/* Undoes one console_acquire. */
static void
console_release (void)
{
  if (!console_locking ())
    return;
  if (console_lock_depth > 0)
    console_lock_depth--;
  else
    lock_release (&console_lock);
}

/* Writes C to the serial port and the screen.  The caller holds the
   console (console_acquire). */
static void
console_putc (char c)
{
  console_write_cnt++;
  serial_putc (c);
  vga_putc (c);
}

/* __vprintf output function: writes C and counts it in *COUNT (an
   int). */
static void
console_vprintf_putc (char c, void *count)
{
  int *cnt = count;
  (*cnt)++;
  console_putc (c);
}

/* Formats FORMAT with ARGS to the console, in one piece.  Returns the
   number of characters written. */
int
vprintf (const char *format, va_list args)
{
  int cnt = 0;

  console_acquire ();
  __vprintf (format, args, console_vprintf_putc, &cnt);
  console_release ();
  return cnt;
}

/* Formats FORMAT and the arguments after it to the console, in one
   piece.  Returns the number of characters written. */
int
printf (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  int cnt = vprintf (format, args);
  va_end (args);
  return cnt;
}

/* Writes string S and a newline to the console, in one piece.
   Returns 0. */
int
puts (const char *s)
{
  console_acquire ();
  while (*s != '\0')
    console_putc (*s++);
  console_putc ('\n');
  console_release ();
  return 0;
}

/* Writes the SIZE bytes of BUFFER to the console, in one piece. */
void
putbuf (const char *buffer, size_t size)
{
  console_acquire ();
  while (size-- > 0)
    console_putc (*buffer++);
  console_release ();
}

/* Writes character C to the console.  Returns C. */
int
putchar (int c)
{
  console_acquire ();
  console_putc (c);
  console_release ();
  return c;
}
