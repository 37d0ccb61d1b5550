/* Loads a module that calls a function defined nowhere.  The loader must
   refuse it with one clear line, leave no module loaded and give back
   every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-undefined.ko. */
static void
test_module_undefined (void)
{
  modtest_refused ("mod-undefined.ko", "mod-undefined");
}

KTEST ("module-undefined", test_module_undefined);
