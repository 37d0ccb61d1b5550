/* Fills an 8 KiB array on the stack: more than the first stack page
   has left below the arguments, so the stack must grow while the array
   is written, and keep what was written there. */

#include "tests/main.h"
#include "tests/vm/grow.h"

void
test_main (void)
{
  grow_stack ();
}
