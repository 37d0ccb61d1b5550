/* cat: copies each file named on the command line to standard
   output.  Exits with 1 if a file could not be opened. */

#include <stdio.h>
#include <syscall.h>

/* Bytes copied at a time. */
#define CAT_CHUNK 256

/* Copies the file open as FD to standard output. */
static void
cat_fd (int fd)
{
  char buf[CAT_CHUNK];
  int n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    write (STDOUT_FILENO, buf, n);
}

int
main (int argc, char *argv[])
{
  int status = EXIT_SUCCESS;

  for (int i = 1; i < argc; i++)
    {
      int fd = open (argv[i]);
      if (fd < 0)
        {
          printf ("cat: %s: cannot open\n", argv[i]);
          status = EXIT_FAILURE;
          continue;
        }
      cat_fd (fd);
      close (fd);
    }
  return status;
}
