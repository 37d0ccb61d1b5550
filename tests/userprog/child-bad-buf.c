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

int
main (int argc, char *argv[])
{
  test_name = "child-bad-buf";
  const char *how = argc > 1 ? argv[1] : "";
  int sample = open ("sample.txt");
  if (sample < 2)
    fail ("cannot open sample.txt");

  if (!strcmp (how, "read-null"))
    read (sample, NULL, 10);
  else if (!strcmp (how, "read-code"))
    read (sample, (void *) main, 10);
  else if (!strcmp (how, "write-null"))
    write (STDOUT_FILENO, NULL, 10);
  else if (!strcmp (how, "write-kernel"))
    write (sample, KERNEL, 10);
  else if (!strcmp (how, "write-unmapped"))
    write (STDOUT_FILENO, UNMAPPED, 10);
  else
    fail ("unknown kind of bad call \"%s\"", how);
  fail ("%s returned", how);
}
