/* Checks shared by the foundation tests: each compares what the code
   under test did with what it should have done and, if they differ,
   fails the test with a message that says both; and bounded waits
   for other threads to get something done. */
#ifndef TESTS_BASE_CHECK_H
#define TESTS_BASE_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include "tests/ktest.h"

/* Fails the running test with the printf-style message that follows
   SUCCESS unless SUCCESS is true.  An expression: use it as a
   statement. */
#define CHECK(SUCCESS, ...) ((SUCCESS) ? (void) 0 : fail (__VA_ARGS__))

void check_int (const char *what, long long actual, long long expected);
void check_uint (const char *what, unsigned long long actual,
                 unsigned long long expected);
void check_str (const char *what, const char *actual, const char *expected);
void check_ptr (const char *what, const void *actual, const void *expected);

/* Waiting for other threads. */
void check_yield_until (bool (*done) (void *aux), void *aux, const char *what);
void check_pages_reclaimed (size_t free_before);

#endif /* tests/base/check.h */
