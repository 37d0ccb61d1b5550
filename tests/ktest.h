/* Kernel-test framework: tests that run inside the kernel, started by
   the "run NAME" kernel action.  Each test registers itself with
   KTEST, so a lab's tests are present exactly when its tests folder
   is part of the build. */
#ifndef TESTS_KTEST_H
#define TESTS_KTEST_H

#include <debug.h>
#include <stdbool.h>
#include "tests/testline.h"

/* One kernel test. */
struct ktest
  {
    const char *name;           /* Name used by "run NAME", e.g. "alarm-zero". */
    void (*function) (void);    /* Runs the test. */
  };

/* Registers FUNCTION as the kernel test called NAME.  The entry goes
   to the "ktests" section, which the linker gathers into one array. */
#define KTEST(NAME, FUNCTION)                                           \
  static const struct ktest ktest_##FUNCTION                            \
    __attribute__ ((used, section ("ktests"), aligned (4)))             \
    = { NAME, FUNCTION }

bool ktest_run (const char *name);
void ktest_list (void);

/* Output: msg () and fail () (tests/testline.h) tag every line with the
   running test's name, so the checker can tell test output from
   kernel output; a failure panics.  pass () prints "(NAME) PASS". */
void pass (void);

#endif /* tests/ktest.h */
