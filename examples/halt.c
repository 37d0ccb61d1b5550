/* halt: powers the machine off. */

#include <syscall.h>

int
main (void)
{
  halt ();
  return EXIT_FAILURE;          /* Reached only if halt failed. */
}
