/* Loads a copy of mod-hello.ko whose ELF magic number was overwritten at
   build time.  The loader must refuse it with one clear line, leave no
   module loaded and give back every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-badmagic.ko. */
static void
test_module_bad_magic (void)
{
  modtest_refused ("mod-badmagic.ko", "mod-hello");
}

KTEST ("module-bad-magic", test_module_bad_magic);
