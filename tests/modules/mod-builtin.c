/* A test module built both ways from this one source: linked into the
   kernel (tests/modules_SRC), where "insmod" just starts it, and as
   mod-builtin.ko, which the loader must refuse because a module of
   its name is built in. */

#include "tests/ktest.h"
#include "threads/module.h"

/* How this copy was built. */
#ifdef MODULE
#define BUILTIN_HOW "loaded from a file"
#else
#define BUILTIN_HOW "linked into the kernel"
#endif

/* Says how it was built. */
static int
builtin_init (void)
{
  msg ("mod-builtin: init, %s", BUILTIN_HOW);
  return 0;
}

/* Says goodbye. */
static void
builtin_exit (void)
{
  msg ("mod-builtin: exit");
}

MODULE_INFO ("mod-builtin", builtin_init, builtin_exit);
