/* The user-program side of PANIC and ASSERT: prints where the program
   stopped and its call stack, then ends the process with status -1. */

#include <debug.h>
#include <stdarg.h>
#include <stdio.h>
#include <syscall.h>

/* Status a panicking user program exits with. */
#define DEBUG_PANIC_STATUS (-1)

/* Prints MESSAGE, formatted like printf, with the source location
   FILE, LINE and FUNCTION and a backtrace, then exits. */
void
debug_panic (const char *file, int line, const char *function,
             const char *message, ...)
{
  va_list args;

  printf ("User program panicked at %s:%d in %s(): ", file, line, function);
  va_start (args, message);
  vprintf (message, args);
  va_end (args);
  printf ("\n");
  debug_backtrace ();
  exit (DEBUG_PANIC_STATUS);
}
