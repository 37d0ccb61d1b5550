/* rmmod: unloads each kernel module named on the command line
   ("rmmod hv").  The kernel says why a module stayed; exits 1 if any
   did. */

#include <stdio.h>
#include <syscall.h>

int
main (int argc, char *argv[])
{
  int status = EXIT_SUCCESS;

  if (argc < 2)
    {
      printf ("usage: rmmod NAME...\n");
      return 2;
    }
  for (int i = 1; i < argc; i++)
    if (!rmmod (argv[i]))
      status = EXIT_FAILURE;
  return status;
}
