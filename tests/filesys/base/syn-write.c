/* Concurrent writes: creates a file, then starts several child
   processes (child-syn-wrt) that each write their own chunk of it at
   once, a few bytes at a time, into sectors they share with their
   neighbours.  Once all have exited, the file must hold every
   chunk. */

#include <syscall.h>
#include "tests/filesys/base/fsbase.h"
#include "tests/filesys/base/syn-write.h"
#include "tests/lib.h"
#include "tests/main.h"

/* Runs the test. */
void
test_main (void)
{
  static char expected[SYN_WRITE_CHILDREN * SYN_WRITE_CHUNK];
  pid_t pids[SYN_WRITE_CHILDREN];
  int i;

  CHECK (create (SYN_WRITE_FILE, sizeof expected), "create \"%s\"",
         SYN_WRITE_FILE);
  exec_children ("child-syn-wrt", pids, SYN_WRITE_CHILDREN);
  wait_children (pids, SYN_WRITE_CHILDREN);

  for (i = 0; i < SYN_WRITE_CHILDREN; i++)
    fsbase_fill (expected + i * SYN_WRITE_CHUNK, SYN_WRITE_CHUNK,
                 SYN_WRITE_SEED + i);
  check_file (SYN_WRITE_FILE, expected, sizeof expected);
}
