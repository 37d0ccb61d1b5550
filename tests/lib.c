/* The user-program test library (see tests/lib.h): the output hooks
   of the shared msg () and fail () (tests/testline.h), and helpers
   that start children and check file contents. */

#include "tests/lib.h"
#include <random.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *test_name;
bool quiet = false;

/* Longest command line exec_children builds. */
#define TEST_CMD_MAX 64

/* Bytes check_file_handle reads at a time. */
#define TEST_CHUNK_SIZE 512

/* Most bytes of a mismatch compare_bytes shows. */
#define TEST_SHOW_MAX 64

/* testline_tag (tests/testline.h): the test's name, test_name. */
const char *
testline_tag (void)
{
  return test_name;
}

/* testline_write (tests/testline.h): writes LINE, LEN bytes, to
   standard output in one write, so that lines of concurrent test
   processes do not mix; drops it if the test asked to be QUIET,
   unless it reports a FAILURE. */
void
testline_write (const char *line, size_t len, bool failure)
{
  if (!quiet || failure)
    write (STDOUT_FILENO, line, len);
}

/* testline_stop (tests/testline.h): a failed test program exits with
   TEST_FAILED_STATUS. */
void
testline_stop (void)
{
  exit (TEST_FAILED_STATUS);
}

/* Runs BODY, the test called NAME, between its "begin" and "end"
   lines.  Returns the exit status of a test that did not fail: 0. */
int
test_run (const char *name, void (*body) (void))
{
  test_name = name;
  msg ("begin");
  body ();
  msg ("end");
  return 0;
}

/* Trades the SIZE bytes at A for the SIZE bytes at B. */
static void
test_trade_bytes (unsigned char *a, unsigned char *b, size_t size)
{
  while (size-- > 0)
    {
      unsigned char held = *a;
      *a++ = *b;
      *b++ = held;
    }
}

/* Puts the CNT elements of SIZE bytes each in ARRAY into a random
   order (the same one every run, since random numbers are seeded the
   same way every run). */
void
shuffle (void *array, size_t cnt, size_t size)
{
  unsigned char *elems = array;

  for (size_t i = cnt; i > 1; i--)
    {
      size_t j = random_ulong () % i;
      test_trade_bytes (elems + (i - 1) * size, elems + j * size, size);
    }
}

/* Starts CHILD_CNT copies of program CHILD_NAME, the I'th with the
   command line "CHILD_NAME I", and stores their pids in PIDS. */
void
exec_children (const char *child_name, pid_t pids[], size_t child_cnt)
{
  for (size_t i = 0; i < child_cnt; i++)
    {
      char cmd[TEST_CMD_MAX];
      snprintf (cmd, sizeof cmd, "%s %zu", child_name, i);
      CHECK ((pids[i] = exec (cmd)) != PID_ERROR, "exec \"%s\"", cmd);
    }
}

/* Waits for the CHILD_CNT children in PIDS, in order, and checks
   that the I'th exited with status I. */
void
wait_children (pid_t pids[], size_t child_cnt)
{
  for (size_t i = 0; i < child_cnt; i++)
    {
      int status = wait (pids[i]);
      CHECK (status == (int) i, "child %zu exited with status %d", i, status);
    }
}

/* Checks that the file open as FD, called FILE_NAME, is SIZE bytes
   long and holds exactly the bytes at BUF. */
void
check_file_handle (int fd, const char *file_name,
                   const void *buf, size_t size)
{
  const unsigned char *expected = buf;
  unsigned char chunk[TEST_CHUNK_SIZE];
  int actual_size = filesize (fd);

  if (actual_size != (int) size)
    fail ("\"%s\" is %d bytes long, not %zu", file_name, actual_size, size);
  for (size_t ofs = 0; ofs < size; )
    {
      size_t want = size - ofs < sizeof chunk ? size - ofs : sizeof chunk;
      int got = read (fd, chunk, want);
      if (got != (int) want)
        fail ("read %zu bytes at offset %zu of \"%s\" returned %d",
              want, ofs, file_name, got);
      compare_bytes (chunk, expected + ofs, want, ofs, file_name);
      ofs += want;
    }
  msg ("\"%s\" holds the expected %zu bytes", file_name, size);
}

/* Opens FILE_NAME, checks that it holds exactly the SIZE bytes at
   BUF, and closes it. */
void
check_file (const char *file_name, const void *buf, size_t size)
{
  int fd = open (file_name);

  CHECK (fd > 1, "open \"%s\" to check it", file_name);
  check_file_handle (fd, file_name, buf, size);
  close (fd);
  msg ("close \"%s\"", file_name);
}

/* Fails, showing the difference, unless the SIZE bytes at READ_DATA
   (read from offset OFS of FILE_NAME) equal those at EXPECTED_DATA. */
void
compare_bytes (const void *read_data, const void *expected_data,
               size_t size, size_t ofs, const char *file_name)
{
  const unsigned char *got = read_data;
  const unsigned char *want = expected_data;
  size_t first = 0;

  if (!memcmp (got, want, size))
    return;
  while (got[first] == want[first])
    first++;
  size_t show = size - first < TEST_SHOW_MAX ? size - first : TEST_SHOW_MAX;
  msg ("\"%s\" differs from offset %zu; read:", file_name, ofs + first);
  hex_dump (ofs + first, got + first, show, true);
  msg ("expected:");
  hex_dump (ofs + first, want + first, show, true);
  fail ("\"%s\" does not hold what was written", file_name);
}
