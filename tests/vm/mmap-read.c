/* Maps sample.txt and reads it through memory: the mapping holds the
   file's bytes, and the rest of its page, past the end of the file,
   reads as zeros. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  size_t size = sizeof sample - 1;
  int fd = open_file ("sample.txt");
  mapid_t map = map_file (fd, MAP_ADDR, "sample.txt");

  compare_bytes (MAP_ADDR, sample, size, 0, "sample.txt");
  msg ("the mapping holds the file's bytes");
  for (size_t i = size; i < MAP_PAGE; i++)
    if (MAP_ADDR[i] != 0)
      fail ("byte %zu, past the end of the file, is %d", i, MAP_ADDR[i]);
  msg ("the rest of the page reads as zeros");
  munmap (map);
  close (fd);
}
