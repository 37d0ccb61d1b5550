/* Loads a module whose init fails: everything it was given must be freed
   and its exit never called.  The loader must refuse it with one clear
   line, leave no module loaded and give back every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-fail.ko. */
static void
test_module_init_fail (void)
{
  modtest_refused ("mod-fail.ko", "mod-fail");
}

KTEST ("module-init-fail", test_module_init_fail);
