/* The check every rox test makes: open an executable, read its first
   byte, write it back in place, and see whether the write went in. */

#include "tests/userprog/rox.h"
#include "tests/lib.h"

/* Writes the first byte of FILE over itself and checks that the
   write is ALLOWED (writes 1 byte) or refused (writes 0). */
void
rox_check_write (const char *file, bool allowed)
{
  char byte;
  int fd;

  CHECK ((fd = open (file)) > 1, "open \"%s\"", file);
  CHECK (read (fd, &byte, 1) == 1, "read \"%s\"", file);
  seek (fd, 0);
  CHECK (write (fd, &byte, 1) == (allowed ? 1 : 0), "write \"%s\": %s",
         file, allowed ? "allowed" : "refused");
  close (fd);
}
