/* The one format of a test's output line, whatever the test runs as
   (a kernel test, a user program, a guest): "(NAME) MESSAGE" followed
   by a suffix (": FAILED" for a failure) and a new-line.  Each runtime
   builds the line here and writes it out in one piece its own way, so
   that lines of concurrent tests never mix.  Included by tests/ktest.c,
   tests/lib.c and hv/guest/console.c, which are built for three
   different environments; hence a header of inline code. */
#ifndef TESTS_TESTLINE_H
#define TESTS_TESTLINE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Room for one line, its new-line included; longer messages are cut
   short, keeping the new-line. */
#define TESTLINE_MAX 256

/* What a failed test's line ends with; .ck scripts look for it. */
#define TESTLINE_FAILED ": FAILED"

/* Writes into LINE (TESTLINE_MAX bytes) the output line of test NAME:
   "(NAME) ", FORMAT formatted with ARGS, then SUFFIX and a new-line.
   Returns the length of the line, which is always new-line
   terminated and never more than TESTLINE_MAX - 1 bytes. */
static inline size_t
testline_format (char line[TESTLINE_MAX], const char *name,
                 const char *suffix, const char *format, va_list args)
{
  size_t used = snprintf (line, TESTLINE_MAX, "(%s) ", name);

  if (used < TESTLINE_MAX)
    used += vsnprintf (line + used, TESTLINE_MAX - used, format, args);
  if (used < TESTLINE_MAX)
    used += snprintf (line + used, TESTLINE_MAX - used, "%s\n", suffix);
  if (used >= TESTLINE_MAX)
    {
      /* Cut: the terminating null becomes the new-line. */
      used = TESTLINE_MAX - 1;
      line[used - 1] = '\n';
    }
  return used;
}

#endif /* tests/testline.h */
