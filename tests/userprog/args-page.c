/* Command lines may be as long as a page: the test starts itself with
   a command line of 4,095 bytes (its name, "child", and one-letter
   words), the most that fits in a page with its null, and the child
   checks that every argument arrived.  A command line a byte longer
   makes exec fail with -1, not a crash. */

#include <string.h>
#include "tests/lib.h"

/* A command line with its null, at most. */
#define CMD_PAGE 4096

/* The program name and the marker that makes it the child. */
#define CMD_PREFIX "args-page child"

static char cmd[CMD_PAGE + 1];

/* Fills CMD with CMD_PREFIX and " x" words, LEN bytes in all (LEN -
   the prefix's length must be even). */
static int
build_cmd (size_t len)
{
  size_t prefix = strlen (CMD_PREFIX);
  memcpy (cmd, CMD_PREFIX, prefix);
  for (size_t i = prefix; i < len; i += 2)
    memcpy (cmd + i, " x", 2);
  cmd[len] = '\0';
  return (len - prefix) / 2;
}

/* The child: checks that it got ARGC - 2 arguments "x". */
static int
child (int argc, char *argv[])
{
  for (int i = 2; i < argc; i++)
    if (strcmp (argv[i], "x"))
      fail ("argument %d is \"%s\", not \"x\"", i, argv[i]);
  msg ("the child got %d arguments, all intact", argc);
  return argc;
}

int
main (int argc, char *argv[])
{
  test_name = "args-page";
  if (argc > 1 && !strcmp (argv[1], "child"))
    return child (argc, argv);

  msg ("begin");
  int words = build_cmd (CMD_PAGE - 1);
  msg ("exec a %d-byte command line of %d words", CMD_PAGE - 1, words + 2);
  int status = wait (exec (cmd));
  CHECK (status == words + 2, "the child exited with its argc, %d", status);
  build_cmd (CMD_PAGE + 1);
  CHECK (exec (cmd) == PID_ERROR, "exec a %d-byte command line: -1",
         CMD_PAGE + 1);
  msg ("end");
  return 0;
}
