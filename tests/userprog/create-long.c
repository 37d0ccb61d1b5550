/* Creates a file with a 511-character name: must fail, cleanly. */

#include <string.h>
#include "tests/lib.h"
#include "tests/main.h"

/* Length of the name. */
#define LONG_NAME_LEN 511

void
test_main (void)
{
  static char name[LONG_NAME_LEN + 1];

  memset (name, 'x', LONG_NAME_LEN);
  msg ("create a file with a %d-character name: %d", LONG_NAME_LEN,
       create (name, 0));
}
