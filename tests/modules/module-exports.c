/* Checks the export table (threads/export.c): exported functions and
   data resolve to their kernel addresses, symbols left out resolve to
   nothing, and no name is exported twice. */

#include <stdio.h>
#include <string.h>
#include "tests/ktest.h"
#include "threads/export.h"
#include "threads/init.h"
#include "threads/thread.h"

/* The table, as the linker gathered it. */
extern const struct export __start_kexports[], __stop_kexports[];

/* Fails unless NAME is exported at ADDRESS. */
static void
exports_expect (const char *name, const void *address)
{
  const struct export *e = export_find (name);

  if (e == NULL || e->address != address)
    fail ("'%s' is not exported at its address", name);
  msg ("'%s' is exported", name);
}

/* Fails if NAME is exported. */
static void
exports_expect_none (const char *name)
{
  if (export_find (name) != NULL)
    fail ("'%s' is exported", name);
  msg ("'%s' is not exported", name);
}

/* Fails if any name appears twice in the table. */
static void
exports_check_unique (void)
{
  const struct export *a, *b;

  for (a = __start_kexports; a < __stop_kexports; a++)
    for (b = a + 1; b < __stop_kexports; b++)
      if (!strcmp (a->name, b->name))
        fail ("'%s' is exported twice", a->name);
  msg ("no name is exported twice");
}

/* Runs the checks. */
static void
test_module_exports (void)
{
  exports_expect ("printf", printf);
  exports_expect ("thread_create", thread_create);
  exports_expect ("init_ram_pages", &init_ram_pages);
  exports_expect_none ("thread_print_stats");
  exports_expect_none ("export_find");
  exports_check_unique ();
}

KTEST ("module-exports", test_module_exports);
