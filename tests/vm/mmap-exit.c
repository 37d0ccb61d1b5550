/* Runs child-mm-wrt, which writes to a file through a mapping and
   exits without unmapping it: exiting must unmap it, writing what the
   child wrote back to the file. */

#include <stdint.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"
#include "tests/vm/mmap-exit.h"
#include "tests/vm/pattern.h"

/* The file's contents, read back. */
static uint32_t contents[EXIT_FILE_SIZE / sizeof (uint32_t)];

/* Runs child-mm-wrt to its end and returns its exit status. */
static int
run_writer (void)
{
  msg ("exec \"child-mm-wrt\"");
  pid_t pid = exec ("child-mm-wrt");
  if (pid == PID_ERROR)
    fail ("exec \"child-mm-wrt\" failed");
  return wait (pid);
}

void
test_main (void)
{
  int status = run_writer ();
  CHECK (status == 0, "child-mm-wrt exited with status %d", status);

  int fd = open_file ("exited");
  int got = read (fd, contents, sizeof contents);
  CHECK (got == (int) sizeof contents, "read \"exited\"");
  pattern_check (contents, sizeof contents, EXIT_FILE_SEED, "exited");
  msg ("it holds what the child wrote");
}
