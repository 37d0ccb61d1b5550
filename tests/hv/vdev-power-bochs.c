/* Bochs's shutdown port (0x8900): "Shutdown" written a byte at a
   time ends the VM with exit code 0; a wrong byte starts the match
   again, and a repeated 'S' starts a new one. */

#include "hv/guest/guest.h"

const char test_name[] = "vdev-power-bochs";

#define SHUTDOWN_PORT 0x8900

/* Writes STRING to the shutdown port, a byte at a time. */
static void
write_string (const char *string)
{
  for (const char *p = string; *p != '\0'; p++)
    outb (SHUTDOWN_PORT, *p);
}

int
main (void)
{
  write_string ("Shutdow");
  write_string ("x");
  write_string ("down");
  msg ("still running after \"Shutdowxdown\"");
  write_string ("SShutdown");
  fail ("still running after \"SShutdown\"");
}
