/* Creating a file whose name is taken must fail, whatever the other
   files; creating a free name still works. */

#include <stdbool.h>
#include "tests/lib.h"
#include "tests/main.h"

/* One create call, whether it must succeed, and what the line about
   it adds after the name. */
struct create_attempt
  {
    const char *name;
    bool succeeds;
    const char *note;
  };

static const struct create_attempt attempts[] =
  {
    { "quux.dat", true, "" },
    { "warble.dat", true, "" },
    { "quux.dat", false, " again: fails" },
    { "baffle.dat", true, "" },
    { "warble.dat", false, " again: fails" },
    { "quux.dat", false, " a third time: fails" },
  };

void
test_main (void)
{
  for (size_t i = 0; i < sizeof attempts / sizeof *attempts; i++)
    {
      const struct create_attempt *a = &attempts[i];
      CHECK (create (a->name, 0) == a->succeeds, "create %s%s",
             a->name, a->note);
    }
}
