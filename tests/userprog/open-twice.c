/* Opens one file twice: each open gives a descriptor of its own. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  int fd1, fd2;

  CHECK ((fd1 = open ("sample.txt")) > 1, "open sample.txt");
  CHECK ((fd2 = open ("sample.txt")) > 1, "open sample.txt again");
  CHECK (fd1 != fd2, "the two descriptors differ");
}
