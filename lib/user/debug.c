/* The user-program side of PANIC and ASSERT: reports where the
   program stopped and its call stack, then ends the process with
   status -1. */

#include <debug.h>
#include <stdarg.h>
#include <stdio.h>
#include <syscall.h>

/* Status a panicking user program exits with. */
#define DEBUG_PANIC_STATUS (-1)

/* Room for a panic message; a longer one is cut short. */
#define DEBUG_PANIC_ROOM 256

/* Reports a panic at FILE, LINE, FUNCTION with MESSAGE, which is
   formatted like printf, as one line; then prints a backtrace and
   exits.  Does not return. */
void
debug_panic (const char *file, int line,
             const char *function, const char *message, ...)
{
  char text[DEBUG_PANIC_ROOM];
  va_list list;

  va_start (list, message);
  vsnprintf (text, sizeof text, message, list);
  va_end (list);
  printf ("User program panicked at %s:%d in %s(): %s\n",
          file, line, function, text);
  debug_backtrace ();
  exit (DEBUG_PANIC_STATUS);
}
