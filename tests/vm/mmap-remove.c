/* Maps sample.txt, then removes the file and creates a different one
   under its name: the mapping must keep the removed file's bytes. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"
#include "tests/vm/mapping.h"

/* What the new file under the old name holds. */
static const char other[] = "A different file under the same name.";

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  mapid_t map = map_file (fd, MAP_ADDR, "sample.txt");

  close (fd);
  CHECK (remove ("sample.txt"), "remove \"sample.txt\"");
  make_file ("sample.txt", other, sizeof other - 1);
  compare_bytes (MAP_ADDR, sample, sizeof sample - 1, 0, "sample.txt");
  msg ("the mapping holds the removed file's bytes");
  munmap (map);
  check_file ("sample.txt", other, sizeof other - 1);
}
