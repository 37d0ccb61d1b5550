/* The kernel's side of ASSERT and PANIC (lib/debug.h): report where
   and why, print the call stack, and stop the machine. */

#include <debug.h>
#include <stdarg.h>
#include <stdio.h>
#include "devices/console.h"
#include "devices/serial.h"
#include "devices/shutdown.h"
#include "threads/interrupt.h"

/* Halts the CPU for good. */
static void NO_RETURN
halt_forever (void)
{
  for (;;)
    asm volatile ("cli; hlt" : : : "memory");
}

/* Prints "Kernel PANIC at FILE:LINE in FUNCTION(): MESSAGE" and a call
   stack, then powers off if the command line asked for that (-q) and
   halts otherwise.  A panic while panicking prints one short line; a
   third one prints nothing, since printing is what probably failed. */
void
debug_panic (const char *file, int line, const char *function,
             const char *message, ...)
{
  static int level;
  va_list args;

  intr_disable ();
  console_panic ();

  level++;
  if (level == 1)
    {
      printf ("Kernel PANIC at %s:%d in %s(): ", file, line, function);
      va_start (args, message);
      vprintf (message, args);
      printf ("\n");
      va_end (args);
      debug_backtrace ();
      printf ("Run utils/backtrace on the output to decode the call stack.\n");
    }
  else if (level == 2)
    printf ("Kernel PANIC recursion at %s:%d in %s().\n", file, line, function);
  else
    halt_forever ();

  serial_flush ();
  shutdown_set_status (1);
  shutdown ();
  halt_forever ();
}
