/* Runs after the kernel actions "insmod mod-hello.ko rmmod mod-hello
   insmod mod-hello.ko" on the command line (see Make.tests): the
   module they loaded last must be loaded, and unload cleanly. */

#include "tests/ktest.h"
#include "tests/modules/modtest.h"

/* Checks what the command line's actions left behind. */
static void
test_module_action (void)
{
  modtest_unload ("mod-hello");
}

KTEST ("module-action", test_module_action);
