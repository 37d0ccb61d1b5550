/* Kernel-test framework: tests that run inside the kernel, started by
   the "run NAME" kernel action.  Each test registers itself with
   KTEST, so a lab's tests are present exactly when its tests folder
   is part of the build. */
#ifndef TESTS_KTEST_H
#define TESTS_KTEST_H

#include <debug.h>
#include <stdbool.h>

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

/* Output helpers.  Every line a test prints is "(NAME) ..." so the
   checker can tell test output from kernel output. */
void msg (const char *format, ...) PRINTF_FORMAT (1, 2);
void fail (const char *format, ...) PRINTF_FORMAT (1, 2) NO_RETURN;
void pass (void);

#endif /* tests/ktest.h */
