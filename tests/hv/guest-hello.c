/* Helper guest of several kernel tests: does nothing and exits with
   code 0, a guest that is known to work. */

#include "hv/guest/guest.h"

const char test_name[] = "guest-hello";

int
main (void)
{
  return 0;
}
