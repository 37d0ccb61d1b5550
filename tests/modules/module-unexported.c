/* Loads a module that calls thread_print_stats, a real kernel function
   that the export table leaves out.  The loader must refuse it with one
   clear line, leave no module loaded and give back every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-unexported.ko. */
static void
test_module_unexported (void)
{
  modtest_refused ("mod-unexported.ko", "mod-unexported");
}

KTEST ("module-unexported", test_module_unexported);
