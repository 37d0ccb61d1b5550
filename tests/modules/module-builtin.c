/* Starts mod-builtin, which is linked into this kernel: "insmod
   mod-builtin.ko" must start the built-in copy without reading any
   file, a second start must be refused, and the same source built as
   a file (mod-builtin.ko on the scratch disk) must be refused by the
   loader because the name is taken by a built-in module. */

#include <stdlib.h>
#include "devices/scratch.h"
#include "tests/ktest.h"
#include "tests/modules/modtest.h"
#include "threads/malloc.h"
#include "threads/module.h"
#include "threads/modutil.h"
#include "threads/palloc.h"

/* Loads the file mod-builtin.ko from the scratch disk with the loader
   itself, bypassing insmod's preference for built-in modules. */
static void
builtin_load_file (void)
{
  const char *error;
  void *data;
  size_t size;

  error = scratch_read_file ("mod-builtin.ko", MODUTIL_FILE_MAX,
                             &data, &size);
  if (error != NULL)
    fail ("reading mod-builtin.ko: %s", error);
  if (module_load ("mod-builtin.ko", data, size) != NULL)
    fail ("the file mod-builtin.ko loaded over the built-in module");
  free (data);
  msg ("the file mod-builtin.ko was refused");
}

/* Starts, restarts, stops the built-in module and loads its file. */
static void
test_module_builtin (void)
{
  size_t free_before = palloc_free_count ();

  if (!module_is_builtin ("mod-builtin"))
    fail ("mod-builtin is not built into this kernel");
  modtest_load ("mod-builtin.ko", "mod-builtin");
  modtest_refused ("mod-builtin", NULL);
  modtest_unload ("mod-builtin");
  builtin_load_file ();
  modtest_check_pages (free_before);
}

KTEST ("module-builtin", test_module_builtin);
