/* The library user-program tests are written with: every line a test
   prints is "(NAME) ..." so that its .ck script can tell test output
   from kernel output; a failure prints "(NAME) ...: FAILED" and ends
   the process with status 1.  Used by tests/userprog, tests/filesys
   and later labs' user-program tests. */
#ifndef TESTS_LIB_H
#define TESTS_LIB_H

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>
#include <syscall.h>
#include "tests/testline.h"

/* Name printed in parentheses at the start of each line.  Set by
   tests/main.c from the program's name; helper programs that have
   their own main() set it themselves. */
extern const char *test_name;

/* If true, msg() prints nothing (fail() still prints). */
extern bool quiet;

/* Exit status of a test program that failed. */
#define TEST_FAILED_STATUS 1

/* Running the test; its output is msg () and fail () of
   tests/testline.h, fail () exiting with TEST_FAILED_STATUS. */
int test_run (const char *name, void (*body) (void));

/* Says what is being checked (the printf-style message after SUCCESS,
   unless quiet) before SUCCESS is evaluated, so a step that kills the
   process is named in the output first; then fails with the same
   message unless SUCCESS is true.  An expression: use it as a
   statement. */
#define CHECK(SUCCESS, ...)                                             \
  (msg (__VA_ARGS__), (SUCCESS) ? (void) 0 : fail (__VA_ARGS__))

/* Child processes: CHILD_CNT copies of a program, started and then
   waited for in order. */
void exec_children (const char *child_name, pid_t pids[], size_t child_cnt);
void wait_children (pid_t pids[], size_t child_cnt);

/* Puts an array of CNT elements of SIZE bytes in a random order. */
void shuffle (void *, size_t cnt, size_t size);

void check_file_handle (int fd, const char *file_name,
                        const void *buf, size_t size);
void check_file (const char *file_name, const void *buf, size_t size);

void compare_bytes (const void *read_data, const void *expected_data,
                    size_t size, size_t ofs, const char *file_name);

#endif /* tests/lib.h */
