/* Removing an open file: after remove, the name is gone (open fails),
   but the descriptor opened before still writes and reads the file's
   data until it is closed. */

#include <syscall.h>
#include "tests/filesys/base/fsbase.h"
#include "tests/lib.h"
#include "tests/main.h"

/* Size of the file and seed of its data. */
#define SYN_REMOVE_SIZE 1500
#define SYN_REMOVE_SEED 77

/* Runs the test. */
void
test_main (void)
{
  static char data[SYN_REMOVE_SIZE], back[SYN_REMOVE_SIZE];
  int fd;

  fsbase_fill (data, sizeof data, SYN_REMOVE_SEED);
  CHECK (create ("deleteme", sizeof data), "create \"deleteme\"");
  CHECK ((fd = open ("deleteme")) > 1, "open \"deleteme\"");
  CHECK (remove ("deleteme"), "remove \"deleteme\"");
  CHECK (open ("deleteme") == -1, "open \"deleteme\" again fails");
  CHECK (write (fd, data, sizeof data) == sizeof data,
         "write through the open descriptor");
  seek (fd, 0);
  CHECK (read (fd, back, sizeof back) == sizeof back,
         "read it back through the same descriptor");
  compare_bytes (back, data, sizeof data, 0, "deleteme");
  msg ("close \"deleteme\"");
  close (fd);
}
