/* Checks shared by the module tests.  Each either prints one line
   saying what it saw or fails the test, naming what went wrong. */

#include "tests/modules/modtest.h"
#include <stdbool.h>
#include "tests/ktest.h"
#include "threads/module.h"
#include "threads/modutil.h"
#include "threads/palloc.h"

/* Fails unless module NAME is loaded exactly when LOADED says. */
static void
modtest_expect_loaded (const char *name, bool loaded)
{
  if (module_is_loaded (name) != loaded)
    fail ("module '%s' is %s", name, loaded ? "not loaded" : "still loaded");
  msg ("module '%s' is %s", name, loaded ? "loaded" : "not loaded");
}

/* Loads FILE as "insmod FILE" would and checks that module NAME
   started.  May sleep. */
void
modtest_load (const char *file, const char *name)
{
  if (!modutil_load (file))
    fail ("insmod %s was refused", file);
  modtest_expect_loaded (name, true);
}

/* Unloads module NAME as "rmmod NAME" would and checks that it is
   gone.  May sleep. */
void
modtest_unload (const char *name)
{
  if (!module_unload (name))
    fail ("rmmod %s was refused", name);
  modtest_expect_loaded (name, false);
}

/* Loads FILE as "insmod FILE" would and checks that it is refused,
   that module NAME (which FILE would have started) is not loaded,
   and that every page the attempt took came back.  NAME is null if
   FILE names a module that is already loaded.  May sleep. */
void
modtest_refused (const char *file, const char *name)
{
  size_t free_before = palloc_free_count ();

  if (modutil_load (file))
    fail ("insmod %s succeeded", file);
  msg ("insmod %s was refused; the kernel runs on", file);
  if (name != NULL)
    modtest_expect_loaded (name, false);
  modtest_check_pages (free_before);
}

/* Checks that the free-page count is back to FREE_BEFORE. */
void
modtest_check_pages (size_t free_before)
{
  size_t free_now = palloc_free_count ();

  if (free_now != free_before)
    fail ("%zu free pages before, %zu now", free_before, free_now);
  msg ("no page leaked");
}
