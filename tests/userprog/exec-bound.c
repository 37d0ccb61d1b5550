/* Starts a child from a command line that straddles a page
   boundary. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  msg ("exec \"child-args arg\", across a page boundary");
  wait (exec (copy_string_across_boundary ("child-args arg")));
}
