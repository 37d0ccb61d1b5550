/* Starts a child and waits for it, five times over. */

#include "tests/lib.h"
#include "tests/main.h"

/* Times to run the child. */
#define EXEC_ROUNDS 5

void
test_main (void)
{
  for (int i = 1; i <= EXEC_ROUNDS; i++)
    {
      msg ("exec child-simple, round %d", i);
      wait (exec ("child-simple"));
    }
}
