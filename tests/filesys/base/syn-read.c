/* Concurrent reads: writes a file, then starts several child
   processes (child-syn-read) that all read the whole file at once,
   each in pieces of its own size, and check every byte; each exits
   with its number if all was well. */

#include <syscall.h>
#include "tests/filesys/base/fsbase.h"
#include "tests/filesys/base/syn-read.h"
#include "tests/lib.h"
#include "tests/main.h"

/* Runs the test. */
void
test_main (void)
{
  static char data[SYN_READ_SIZE];
  pid_t pids[SYN_READ_CHILDREN];
  int fd;

  fsbase_fill (data, sizeof data, SYN_READ_SEED);
  CHECK (create (SYN_READ_FILE, sizeof data), "create \"%s\"", SYN_READ_FILE);
  CHECK ((fd = open (SYN_READ_FILE)) > 1, "open \"%s\"", SYN_READ_FILE);
  CHECK (write (fd, data, sizeof data) == sizeof data, "write \"%s\"",
         SYN_READ_FILE);
  msg ("close \"%s\"", SYN_READ_FILE);
  close (fd);

  exec_children ("child-syn-read", pids, SYN_READ_CHILDREN);
  wait_children (pids, SYN_READ_CHILDREN);
}
