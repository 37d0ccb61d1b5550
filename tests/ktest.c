/* Kernel-test framework: the table of tests registered with KTEST,
   the runner the "run NAME" action reaches through the boot
   sequence's INIT_RUNNER hook (threads/init.h), and the msg/fail/pass
   output helpers, which tag each line with the running test's name
   (the line format is tests/testline.h, shared with user-program and
   guest tests). */

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

/* Prints one output line of the running test: its tag, FORMAT
   formatted with ARGS, and SUFFIX.  The line goes to the console in
   one putbuf () call. */
static void
ktest_print_line (const char *suffix, const char *format, va_list ap)
{
  char line[TESTLINE_MAX];
  const char *tag = ktest_current != NULL ? ktest_current : KTEST_NO_NAME;

  putbuf (line, testline_format (line, tag, suffix, format, ap));
}

/* Prints the running test's "PASS" line. */
void
pass (void)
{
  msg ("PASS");
}

/* Prints FORMAT, formatted like printf, as one line tagged with the
   running test's name. */
void
msg (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  ktest_print_line ("", format, ap);
  va_end (ap);
}

/* Prints FORMAT, formatted like printf, as the running test's failure
   line, then panics: a failed kernel test ends the run. */
void
fail (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  ktest_print_line (TESTLINE_FAILED, format, ap);
  va_end (ap);
  PANIC ("test failed");
}

/* The "run" action finds kernel tests here. */
INIT_RUNNER ("kernel test", ktest_run, ktest_list);

/* Test modules print like kernel tests. */
EXPORT (msg);
