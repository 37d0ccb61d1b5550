/* Opens a file whose name straddles a page boundary. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  const char *name = copy_string_across_boundary ("sample.txt");
  int fd = open (name);

  CHECK (fd > 1, "open sample.txt, its name across a page boundary");
}
