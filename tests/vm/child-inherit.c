/* Helper of mmap-inherit: writes where its parent has a mapping, which
   it must not have. */

#include "tests/lib.h"
#include "tests/vm/mapping.h"

int
main (void)
{
  test_name = "child-inherit";
  *(volatile char *) MAP_ADDR = 'X';
  fail ("wrote where the parent has a mapping");
}
