/* Maps sample.txt over the page the stack pointer is in: the request
   must be refused. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  uintptr_t stack_page = (uintptr_t) &fd & ~(uintptr_t) (MAP_PAGE - 1);
  map_refused (fd, (void *) stack_page, "over the stack");
}
