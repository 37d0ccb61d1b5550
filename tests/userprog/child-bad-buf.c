/* Helper started by sc-buf-leak: makes one read or write whose
   buffer is bad, chosen by its argument, which the kernel must answer
   by killing it.  Exits with 1 if the call returns instead. */

#include <stdio.h>
#include <string.h>
#include "tests/lib.h"

/* A user address with nothing mapped at it. */
#define UNMAPPED ((void *) 0x20000000)

/* A kernel address. */
#define KERNEL ((void *) 0xc0100000)

/* Opens FILE_NAME, failing if it cannot. */
static int
open_or_fail (const char *file_name)
{
  int fd = open (file_name);
  if (fd < 2)
    fail ("open \"%s\"", file_name);
  return fd;
}

int
main (int argc, char *argv[])
{
  test_name = "child-bad-buf";
  const char *how = argc > 1 ? argv[1] : "";

  if (!strcmp (how, "read-null"))
    read (open_or_fail ("sample.txt"), NULL, 10);
  else if (!strcmp (how, "read-code"))
    read (open_or_fail ("sample.txt"), (void *) main, 10);
  else if (!strcmp (how, "write-null"))
    write (STDOUT_FILENO, NULL, 10);
  else if (!strcmp (how, "write-kernel"))
    write (open_or_fail ("sample.txt"), KERNEL, 10);
  else if (!strcmp (how, "write-unmapped"))
    write (STDOUT_FILENO, UNMAPPED, 10);
  else
    fail ("unknown kind of bad call \"%s\"", how);
  fail ("%s returned", how);
}
