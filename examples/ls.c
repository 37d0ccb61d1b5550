/* ls: with file names, prints each file's size; without, lists the
   current directory, on kernels that have the readdir system call
   (the file-system lab adds it; the base file system has none). */

#include <stdbool.h>
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

/* Lists the names in the current directory, one a line.  Kernels
   without directories cannot open "." as one; then the user is told
   to name files instead. */
static int
ls_directory (void)
{
  char entry[READDIR_MAX_LEN + 1];
  int dir = open (".");
  bool listable = dir >= 0 && isdir (dir);

  if (listable)
    while (readdir (dir, entry))
      printf ("%s\n", entry);
  else
    printf ("ls: this kernel cannot list directories; "
            "name files to see their sizes: ls FILE...\n");
  if (dir >= 0)
    close (dir);
  return listable ? EXIT_SUCCESS : EXIT_FAILURE;
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
