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

static uint32_t buf[EXIT_FILE_SIZE / sizeof (uint32_t)];

void
test_main (void)
{
  pid_t child;

  msg ("exec \"child-mm-wrt\"");
  if ((child = exec ("child-mm-wrt")) == PID_ERROR)
    fail ("exec \"child-mm-wrt\" failed");
  int status = wait (child);
  CHECK (status == 0, "child-mm-wrt exited with status %d", status);
  int fd = open_file ("exited");
  CHECK (read (fd, buf, sizeof buf) == (int) sizeof buf, "read \"exited\"");
  pattern_check (buf, sizeof buf, EXIT_FILE_SEED, "exited");
  msg ("it holds what the child wrote");
}
