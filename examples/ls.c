/* ls: with file names, prints each file's size; without, lists the
   current directory, on kernels that have the readdir system call
   (the file-system lab adds it; the base file system has none). */

#include <stdio.h>
#include <syscall.h>

/* Prints NAME and its size, or why not. */
static int
ls_file (const char *name)
{
  int fd = open (name);
  if (fd < 0)
    {
      printf ("ls: %s: no such file\n", name);
      return EXIT_FAILURE;
    }
  printf ("%8d  %s\n", filesize (fd), name);
  close (fd);
  return EXIT_SUCCESS;
}

/* Lists the entries of the current directory. */
static int
ls_directory (void)
{
  char name[READDIR_MAX_LEN + 1];
  int fd = open (".");

  if (fd < 0 || !isdir (fd))
    {
      printf ("ls: this kernel cannot list directories; "
              "name files to see their sizes: ls FILE...\n");
      return EXIT_FAILURE;
    }
  while (readdir (fd, name))
    printf ("%s\n", name);
  close (fd);
  return EXIT_SUCCESS;
}

int
main (int argc, char *argv[])
{
  int status = EXIT_SUCCESS;

  if (argc < 2)
    return ls_directory ();
  for (int i = 1; i < argc; i++)
    if (ls_file (argv[i]) != EXIT_SUCCESS)
      status = EXIT_FAILURE;
  return status;
}
