/* Checks shared by the foundation tests: equality of integers,
   strings and pointers, failing the test with both values, and
   bounded waits for other threads. */

#include "tests/base/check.h"
#include <string.h>
#include "threads/palloc.h"
#include "threads/thread.h"

/* Fails the test, naming WHAT, unless signed ACTUAL equals EXPECTED. */
void
check_int (const char *what, long long actual, long long expected)
{
  CHECK (actual == expected, "%s: got %lld, expected %lld",
         what, actual, expected);
}

/* Fails the test, naming WHAT, unless unsigned ACTUAL equals
   EXPECTED. */
void
check_uint (const char *what, unsigned long long actual,
            unsigned long long expected)
{
  CHECK (actual == expected, "%s: got %llu, expected %llu",
         what, actual, expected);
}

/* Fails the test, naming WHAT, unless strings ACTUAL and EXPECTED are
   equal.  ACTUAL may be a null pointer, which never matches. */
void
check_str (const char *what, const char *actual, const char *expected)
{
  CHECK (actual != NULL && !strcmp (actual, expected),
         "%s: got \"%s\", expected \"%s\"",
         what, actual != NULL ? actual : "(null)", expected);
}

/* Fails the test, naming WHAT, unless pointers ACTUAL and EXPECTED
   are equal. */
void
check_ptr (const char *what, const void *actual, const void *expected)
{
  CHECK (actual == expected, "%s: got %p, expected %p",
         what, actual, expected);
}

/* Yields at most this many times waiting for other threads. */
#define CHECK_YIELD_MAX 1000

/* Yields the CPU until DONE (AUX) returns true, and fails the test,
   saying it was waiting for WHAT, if that takes more than
   CHECK_YIELD_MAX yields.  Must be called from a thread, with
   interrupts on. */
void
check_yield_until (bool (*done) (void *aux), void *aux, const char *what)
{
  int i;

  for (i = 0; !done (aux); i++)
    {
      CHECK (i < CHECK_YIELD_MAX, "gave up waiting for %s after %d yields",
             what, CHECK_YIELD_MAX);
      thread_yield ();
    }
}

/* Returns true if the free page count is back to *AUX (a size_t). */
static bool
check_free_count_is (void *aux)
{
  return palloc_free_count () == *(size_t *) aux;
}

/* Waits until the free page count is back to FREE_BEFORE: the pages
   of exited threads are freed only after the scheduler has switched
   away from them, so this yields until that has happened.  Fails the
   test if it does not happen. */
void
check_pages_reclaimed (size_t free_before)
{
  check_yield_until (check_free_count_is, &free_before,
                     "the free page count to return");
}
