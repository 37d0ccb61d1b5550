/* Loads mod-hello.ko from the scratch disk, whose init prints results
   that are right only if every relocation was (see mod-hello.c), then
   unloads it.  The free-page count must come back to where it was. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"
#include "threads/palloc.h"

/* Loads and unloads mod-hello. */
static void
test_module_load (void)
{
  size_t free_before = palloc_free_count ();

  modtest_load ("mod-hello.ko", "mod-hello");
  modtest_unload ("mod-hello");
  modtest_check_pages (free_before);
}

KTEST ("module-load", test_module_load);
