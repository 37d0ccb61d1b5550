/* Loads an x86-64 object (gcc -m64 -c) as if it were a module. The loader
   must refuse it with one clear line, leave no module loaded and give
   back every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-x86-64.ko. */
static void
test_module_wrong_machine (void)
{
  modtest_refused ("mod-x86-64.ko", "mod-x86-64");
}

KTEST ("module-wrong-machine", test_module_wrong_machine);
