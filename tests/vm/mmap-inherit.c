/* Maps sample.txt and starts child-inherit, which writes where the
   mapping is: a child gets none of its parent's mappings, so it must
   be killed (-1), and the parent's mapping and file stay as they
   were. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  mapid_t map = map_file (fd, MAP_ADDR, "sample.txt");
  pid_t child;

  msg ("exec \"child-inherit\"");
  if ((child = exec ("child-inherit")) == PID_ERROR)
    fail ("exec \"child-inherit\" failed");
  int status = wait (child);
  CHECK (status == -1, "child-inherit exited with status %d", status);
  compare_bytes (MAP_ADDR, sample, sizeof sample - 1, 0, "sample.txt");
  msg ("the mapping is intact");
  munmap (map);
  close (fd);
  check_file ("sample.txt", sample, sizeof sample - 1);
}
