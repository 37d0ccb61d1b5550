/* Loads a module carrying an R_386_GOTPC relocation (type 10). The loader
   must refuse it with one clear line, leave no module loaded and give
   back every page. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Tries to load mod-badreloc.ko. */
static void
test_module_bad_reloc (void)
{
  modtest_refused ("mod-badreloc.ko", "mod-badreloc");
}

KTEST ("module-bad-reloc", test_module_bad_reloc);
