/* Creates a file of two and a half pages, maps it, writes a pattern
   over it through memory and unmaps it: read() must then find the
   pattern in the file, which must not have grown. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"
#include "tests/vm/pattern.h"

/* The file's size, and the pattern. */
#define WRITE_SIZE (5 * MAP_PAGE / 2)
#define WRITE_SEED 22

static uint32_t buf[WRITE_SIZE / sizeof (uint32_t)];

void
test_main (void)
{
  CHECK (create ("mapped", WRITE_SIZE), "create \"mapped\"");
  int fd = open_file ("mapped");
  mapid_t map = map_file (fd, MAP_ADDR, "mapped");

  pattern_fill (MAP_ADDR, WRITE_SIZE, WRITE_SEED);
  msg ("wrote a pattern through the mapping");
  munmap (map);
  msg ("unmapped");

  CHECK (filesize (fd) == WRITE_SIZE, "the file is still %d bytes long",
         WRITE_SIZE);
  CHECK (read (fd, buf, sizeof buf) == (int) sizeof buf, "read it back");
  pattern_check (buf, sizeof buf, WRITE_SEED, "mapped");
  msg ("it holds the pattern");
  close (fd);
}
