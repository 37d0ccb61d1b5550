/* Opens sample.txt twice and maps it at two places: both mappings
   hold the file's bytes. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd1 = open_file ("sample.txt");
  int fd2 = open_file ("sample.txt");

  map_file (fd1, MAP_ADDR, "sample.txt");
  map_file (fd2, MAP_ADDR + MAP_PAGE, "sample.txt");
  compare_bytes (MAP_ADDR, sample, sizeof sample - 1, 0, "sample.txt");
  msg ("the first mapping holds the file's bytes");
  compare_bytes (MAP_ADDR + MAP_PAGE, sample, sizeof sample - 1, 0,
                 "sample.txt");
  msg ("so does the second");
}
