/* insmod: loads each kernel module named on the command line from
   its file in the file system ("insmod hv.ko" loads the hypervisor).
   The kernel says why a module was refused; exits 1 if any was. */

#include <stdio.h>
#include <syscall.h>

int
main (int argc, char *argv[])
{
  int status = EXIT_SUCCESS;

  if (argc < 2)
    {
      printf ("usage: insmod FILE...\n");
      return 2;
    }
  for (int i = 1; i < argc; i++)
    if (insmod (argv[i]))
      printf ("insmod: %s loaded\n", argv[i]);
    else
      status = EXIT_FAILURE;
  return status;
}
