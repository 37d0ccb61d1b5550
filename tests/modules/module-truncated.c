/* Loads the first kilobyte of mod-hello.ko, cut off at build time before
   its section headers.  The loader must refuse it with one clear line,
   leave no module loaded and give back every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-truncated.ko. */
static void
test_module_truncated (void)
{
  modtest_refused ("mod-truncated.ko", "mod-hello");
}

KTEST ("module-truncated", test_module_truncated);
