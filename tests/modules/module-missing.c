/* Loads a module file that is not on the scratch disk at all. The loader
   must refuse it with one clear line, leave no module loaded and give
   back every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-missing.ko. */
static void
test_module_missing (void)
{
  modtest_refused ("mod-missing.ko", "mod-missing");
}

KTEST ("module-missing", test_module_missing);
