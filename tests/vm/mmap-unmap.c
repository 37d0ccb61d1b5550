/* Maps sample.txt, unmaps it, and reads where it was: the process must
   be killed with exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  mapid_t map = map_file (fd, MAP_ADDR, "sample.txt");

  compare_bytes (MAP_ADDR, sample, sizeof sample - 1, 0, "sample.txt");
  munmap (map);
  msg ("unmapped");
  fail ("read %d where the mapping was", *(volatile char *) MAP_ADDR);
}
