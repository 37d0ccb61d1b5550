/* A VM's console output: bytes the guest writes through the serial
   port or the console hypercall, collected a line at a time and
   printed whole, so that lines of VMs running at once never mix with
   each other or with the host's messages.  A multiboot kernel's lines
   carry its name ("NAME| ..."): they look like the host's own (its
   banner, its panics, "Powering off..."), and the launcher
   (utils/Ringlet/Run.pm) and the checkers must not take them for the
   host's. */

#include <stdio.h>
#include "hv/hv.h"

/* Adds C to VM's console; a new line prints the line. */
void
vdev_console_putc (struct vm *vm, char c)
{
  struct vdev_console *con = &vm->console;

  if (c == '\n')
    {
      vdev_console_flush (vm);
      return;
    }
  if (c == '\r')
    return;
  if (con->len == sizeof con->line)
    vdev_console_flush (vm);
  con->line[con->len++] = c;
}

/* Prints what VM's console holds as one line, if anything (and VM
   is not quiet), and empties it. */
void
vdev_console_flush (struct vm *vm)
{
  struct vdev_console *con = &vm->console;

  if (con->len > 0 && !vm->quiet)
    {
      if (vm->console_prefix)
        printf ("%s| %.*s\n", vm->name, (int) con->len, con->line);
      else
        printf ("%.*s\n", (int) con->len, con->line);
    }
  con->len = 0;
}
