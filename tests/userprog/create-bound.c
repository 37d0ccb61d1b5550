/* Creates a file whose name straddles a page boundary. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  CHECK (create (copy_string_across_boundary ("quux.dat"), 0),
         "create quux.dat, its name across a page boundary");
}
