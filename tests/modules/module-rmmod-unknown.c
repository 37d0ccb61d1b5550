/* Unloads a module that was never loaded: rmmod must refuse with one
   clear line and the kernel must carry on. */

#include "tests/ktest.h"
#include "threads/module.h"

/* Unloads a module that does not exist. */
static void
test_module_rmmod_unknown (void)
{
  if (module_unload ("mod-nobody"))
    fail ("rmmod mod-nobody succeeded");
  msg ("rmmod mod-nobody was refused; the kernel runs on");
}

KTEST ("module-rmmod-unknown", test_module_rmmod_unknown);
