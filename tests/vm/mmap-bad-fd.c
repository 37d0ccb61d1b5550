/* Maps descriptors that name no file: never opened, negative, and the
   console's 0 and 1.  Every mmap must be refused. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  map_refused (0x5678, MAP_ADDR, "of descriptor 0x5678");
  map_refused (-1, MAP_ADDR, "of descriptor -1");
  map_refused (2, MAP_ADDR, "of descriptor 2, not open");
  map_refused (0, MAP_ADDR, "of the console's input");
  map_refused (1, MAP_ADDR, "of the console's output");
}
