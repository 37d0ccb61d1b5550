/* Maps sample.txt and closes the descriptor it was mapped from: the
   mapping keeps the file and its bytes. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  mapid_t map = map_file (fd, MAP_ADDR, "sample.txt");

  close (fd);
  msg ("close the descriptor");
  compare_bytes (MAP_ADDR, sample, sizeof sample - 1, 0, "sample.txt");
  msg ("the mapping still holds the file's bytes");
  munmap (map);
}
