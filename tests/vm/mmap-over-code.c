/* Maps sample.txt over the page holding the program's own code: the
   request must be refused. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  uintptr_t code_page = (uintptr_t) test_main & ~(uintptr_t) (MAP_PAGE - 1);
  map_refused (fd, (void *) code_page, "over the code segment");
}
