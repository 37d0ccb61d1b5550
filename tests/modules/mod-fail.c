/* A test module whose init fails, so the loader must free everything
   it allocated and leave no module behind. */

#include "tests/ktest.h"
#include "threads/module.h"

/* The error mod-fail's init reports. */
#define FAIL_ERROR (-5)

/* Reports failure. */
static int
fail_init (void)
{
  msg ("mod-fail: init fails on purpose");
  return FAIL_ERROR;
}

/* Never called: init did not succeed. */
static void
fail_exit (void)
{
  msg ("mod-fail: exit called after a failed init");
}

MODULE_INFO ("mod-fail", fail_init, fail_exit);
