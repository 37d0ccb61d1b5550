/* msg () and fail (), the output calls of every test, built into the
   kernel, into user test programs and into guests alike (see
   tests/testline.h for the line format and the hooks each of those
   places provides). */

#include "tests/testline.h"
#include <stdarg.h>
#include <stdio.h>

/* Formats the running test's line, FORMAT formatted with AP, followed
   by ": FAILED" if FAILURE, and hands it to testline_write. */
static void
testline_emit (bool failure, const char *format, va_list ap)
{
  char line[TESTLINE_MAX];
  size_t used = snprintf (line, sizeof line, "(%s) ", testline_tag ());

  if (used < sizeof line)
    used += vsnprintf (line + used, sizeof line - used, format, ap);
  if (used < sizeof line)
    used += snprintf (line + used, sizeof line - used, "%s\n",
                      failure ? TESTLINE_FAILED : "");
  if (used >= sizeof line)
    {
      /* Cut short: the terminating null becomes the new-line. */
      used = sizeof line - 1;
      line[used - 1] = '\n';
    }
  testline_write (line, used, failure);
}

/* Prints FORMAT, formatted like printf, as one line tagged with the
   running test's name. */
void
msg (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  testline_emit (false, format, ap);
  va_end (ap);
}

/* Prints FORMAT, formatted like printf, as the running test's failure
   line, and ends the test the way the place it runs in does. */
void
fail (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  testline_emit (true, format, ap);
  va_end (ap);
  testline_stop ();
}
