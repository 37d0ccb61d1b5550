/* Execs programs whose names no file has: control characters, bytes
   above 127, a backslash, and a name longer than a line.  Each exec
   returns -1, and the kernel's "load: NAME: open failed" line shows
   the name escaped and cut short, so the console gets no raw bytes. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"

/* Length of the long name: more than the kernel shows. */
#define LONG_NAME_LEN 200

/* Names that are not printable as they are (spaces would split the
   command line, so there are none). */
static const char *const odd_names[] =
  {
    "\x01\x02\x1b[2J\x7f",              /* Controls, an escape sequence. */
    "caf\xc3\xa9\xff\x80",              /* Bytes above 127. */
    "back\\slash\ttab\nline",           /* A backslash, a tab, a new-line. */
  };

void
test_main (void)
{
  static char long_name[LONG_NAME_LEN + 1];

  for (size_t i = 0; i < sizeof odd_names / sizeof *odd_names; i++)
    {
      int pid = exec (odd_names[i]);
      CHECK (pid == -1, "exec of odd name %zu: %d", i, pid);
    }
  memset (long_name, 'n', LONG_NAME_LEN);
  int pid = exec (long_name);
  CHECK (pid == -1, "exec of a %d-byte name: %d", LONG_NAME_LEN, pid);
}
