/* Loads, unloads and loads mod-hello.ko again.  The second copy must
   start fresh (its load counter in .bss reads 1 again), and after
   the final unload no page may have leaked. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"
#include "threads/palloc.h"

/* Times mod-hello is loaded and unloaded. */
#define RELOAD_ROUNDS 2

/* Loads and unloads mod-hello RELOAD_ROUNDS times. */
static void
test_module_reload (void)
{
  size_t free_before = palloc_free_count ();
  int round;

  for (round = 1; round <= RELOAD_ROUNDS; round++)
    {
      msg ("round %d", round);
      modtest_load ("mod-hello.ko", "mod-hello");
      modtest_unload ("mod-hello");
    }
  modtest_check_pages (free_before);
}

KTEST ("module-reload", test_module_reload);
