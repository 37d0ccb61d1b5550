/* Maps sample.txt over the pages of the program's initialised data
   and of its zeroed data (bss), neither of which has been touched yet:
   both requests must be refused. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

/* A page of each, aligned so that it has its own page. */
static char data[MAP_PAGE] __attribute__ ((aligned (MAP_PAGE))) = { 1 };
static char bss[MAP_PAGE] __attribute__ ((aligned (MAP_PAGE)));

void
test_main (void)
{
  int fd = open_file ("sample.txt");
  map_refused (fd, data, "over initialised data");
  map_refused (fd, bss, "over zeroed data");
}
