/* Maps sample.txt at an address that is not on a page boundary: the
   request must be refused. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  map_refused (fd, MAP_ADDR + 0x234, "at a misaligned address");
}
