/* Maps an empty file: there is nothing to map, and the request must be
   refused. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  CHECK (create ("empty", 0), "create \"empty\"");
  int fd = open_file ("empty");
  map_refused (fd, MAP_ADDR, "of an empty file");
}
