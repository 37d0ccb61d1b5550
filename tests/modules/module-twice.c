/* Loads mod-hello.ko, then tries to load it again while it is loaded:
   the second load must be refused without calling init again or
   taking a page, and the first copy must still unload cleanly. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"
#include "threads/palloc.h"

/* Loads mod-hello twice over. */
static void
test_module_twice (void)
{
  size_t free_before = palloc_free_count ();

  modtest_load ("mod-hello.ko", "mod-hello");
  modtest_refused ("mod-hello.ko", NULL);
  modtest_unload ("mod-hello");
  modtest_check_pages (free_before);
}

KTEST ("module-twice", test_module_twice);
