/* Creating a file whose name is taken must fail, whatever the other
   files; creating a free name still works. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  CHECK (create ("quux.dat", 0), "create quux.dat");
  CHECK (create ("warble.dat", 0), "create warble.dat");
  CHECK (!create ("quux.dat", 0), "create quux.dat again: fails");
  CHECK (create ("baffle.dat", 0), "create baffle.dat");
  CHECK (!create ("warble.dat", 0), "create warble.dat again: fails");
  CHECK (!create ("quux.dat", 0), "create quux.dat a third time: fails");
}
