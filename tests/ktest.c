/* Kernel-test framework: the table of tests registered with KTEST,
   the runner the "run NAME" action reaches through the boot
   sequence's INIT_RUNNER hook (threads/init.h), pass (), and the
   hooks through which the shared msg () and fail () (tests/testmsg.c)
   print kernel tests' lines and end a failed one. */

#include "tests/ktest.h"
#include <section.h>
#include <stdio.h>
#include "tests/testline.h"
#include "threads/export.h"
#include "threads/init.h"

/* The registered tests, gathered by the linker script. */
extern const struct ktest __start_ktests[], __stop_ktests[];

/* Name of the running test, or NULL before any test starts. */
static const char *ktest_current;

/* Tag of output lines printed while no test is running. */
#define KTEST_NO_NAME "ktest"

/* Runs the kernel test called NAME between its "(NAME) begin" and
   "(NAME) end" lines, and returns true; returns false at once if no
   test has that name.  A failing test panics, so it never comes back.
   Tests may sleep: call from a thread. */
bool
ktest_run (const char *name)
{
  const struct ktest *test = SECTION_FIND (struct ktest, __start_ktests,
                                           __stop_ktests, name);
  if (test == NULL)
    return false;
  ktest_current = test->name;
  msg ("begin");
  test->function ();
  msg ("end");
  return true;
}

/* Prints the name of every registered test, one to a line. */
void
ktest_list (void)
{
  for (const struct ktest *test = __start_ktests; test < __stop_ktests;
       test++)
    printf ("%s\n", test->name);
}

/* Prints the running test's "PASS" line. */
void
pass (void)
{
  msg ("PASS");
}

/* testline_tag (tests/testline.h): the running test's name, or a
   general tag while none runs. */
const char *
testline_tag (void)
{
  return ktest_current != NULL ? ktest_current : KTEST_NO_NAME;
}

/* testline_write (tests/testline.h): sends LINE, LEN bytes, to the
   console in one putbuf () call. */
void
testline_write (const char *line, size_t len, bool failure UNUSED)
{
  putbuf (line, len);
}

/* testline_stop (tests/testline.h): a failed kernel test ends the run
   with a panic. */
void
testline_stop (void)
{
  PANIC ("test failed");
}

/* The "run" action finds kernel tests here. */
INIT_RUNNER ("kernel test", ktest_run, ktest_list);

/* Test modules print like kernel tests. */
EXPORT (msg);
