/* The kernel's side of ASSERT and PANIC (lib/debug.h): report where
   and why, print the call stack, and stop the machine. */

#include <debug.h>
#include <stdarg.h>
#include <stdio.h>
#include "devices/console.h"
#include "devices/serial.h"
#include "devices/shutdown.h"
#include "threads/interrupt.h"

/* Number of panics begun so far.  Only the first gets the full
   report; a panic raised while reporting gets a single line; one
   more means printing itself is broken, so the CPU just stops. */
static int panic_depth;

/* Stops the CPU with interrupts masked, for good. */
static void NO_RETURN
panic_halt (void)
{
  for (;;)
    asm volatile ("cli; hlt" : : : "memory");
}

/* Prints the full report of the first panic: where it happened
   (FILE, LINE, FUNCTION), the printf-style MESSAGE formatted with
   ARGS, and the raw call stack for utils/backtrace. */
static void
panic_report (const char *file, int line, const char *function,
              const char *message, va_list args)
{
  printf ("Kernel PANIC at %s:%d in %s(): ", file, line, function);
  vprintf (message, args);
  putchar ('\n');
  debug_backtrace ();
  puts ("Run utils/backtrace on the output to decode the call stack.");
}

/* Reports "Kernel PANIC at FILE:LINE in FUNCTION(): MESSAGE" with a
   call stack, then shuts down with status 1: powered off under -q,
   halted otherwise.  Interrupts are turned off on entry and the
   console lock is bypassed, so this works from any context.  Never
   returns. */
void
debug_panic (const char *file, int line, const char *function,
             const char *message, ...)
{
  va_list args;

  intr_disable ();
  console_panic ();

  switch (++panic_depth)
    {
    case 1:
      va_start (args, message);
      panic_report (file, line, function, message, args);
      va_end (args);
      break;
    case 2:
      printf ("Kernel PANIC recursion at %s:%d in %s().\n",
              file, line, function);
      break;
    default:
      panic_halt ();
    }

  serial_flush ();
  shutdown_set_status (1);
  shutdown ();
  panic_halt ();
}
