/* Helper of mmap-exit: creates "exited", maps it, writes a pattern
   through the mapping, and exits without unmapping it.  Quiet unless
   something fails, so its output cannot interleave with its
   parent's. */

#include "tests/lib.h"
#include "tests/vm/mapping.h"
#include "tests/vm/pattern.h"
#include "tests/vm/mmap-exit.h"

int
main (void)
{
  test_name = "child-mm-wrt";
  quiet = true;
  CHECK (create ("exited", EXIT_FILE_SIZE), "create \"exited\"");
  int fd = open_file ("exited");
  map_file (fd, MAP_ADDR, "exited");
  pattern_fill (MAP_ADDR, EXIT_FILE_SIZE, EXIT_FILE_SEED);
  msg ("wrote a pattern through the mapping; exiting");
  return 0;
}
