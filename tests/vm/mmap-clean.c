/* Maps sample.txt and only reads the mapping, then changes the file's
   first bytes with write() and unmaps it.  Unmapping writes back only
   pages written through the mapping, so the file must keep what
   write() put there. */

#include <string.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"
#include "tests/vm/mapping.h"

/* What write() puts at the start of the file. */
static const char overwrite[] = "Written by write(), not by the mapping.";

static char expected[sizeof sample - 1];

void
test_main (void)
{
  size_t size = sizeof sample - 1;
  int fd = open_file ("sample.txt");
  mapid_t map = map_file (fd, MAP_ADDR, "sample.txt");

  compare_bytes (MAP_ADDR, sample, size, 0, "sample.txt");
  msg ("read the mapping");
  CHECK (write (fd, overwrite, strlen (overwrite)) == (int) strlen (overwrite),
         "write to the start of the file");
  munmap (map);
  msg ("unmapped");
  close (fd);

  memcpy (expected, sample, size);
  memcpy (expected, overwrite, strlen (overwrite));
  check_file ("sample.txt", expected, size);
}
