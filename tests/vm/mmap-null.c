/* Maps sample.txt at address 0: the request must be refused (page 0
   stays unmapped, so null pointers keep faulting). */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  map_refused (fd, NULL, "at address 0");
}
