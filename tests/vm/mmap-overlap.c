/* Maps a two-page file, then tries mappings that would share a page
   with it: over its second page, and one page below it reaching into
   its first.  Both must be refused, and the first mapping stay. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"
#include "tests/vm/pattern.h"

/* The file's bytes, and their pattern. */
#define OVERLAP_SIZE (2 * MAP_PAGE)
#define OVERLAP_SEED 21

static uint32_t data[OVERLAP_SIZE / sizeof (uint32_t)];

void
test_main (void)
{
  pattern_fill (data, sizeof data, OVERLAP_SEED);
  make_file ("two-pages", data, sizeof data);
  int fd = open_file ("two-pages");
  map_file (fd, MAP_ADDR, "two-pages");

  map_refused (fd, MAP_ADDR + MAP_PAGE, "over another mapping's second page");
  map_refused (fd, MAP_ADDR - MAP_PAGE, "reaching into another mapping");
  map_refused (fd, MAP_ADDR, "at another mapping's address");
  pattern_check (MAP_ADDR, OVERLAP_SIZE, OVERLAP_SEED, "first mapping");
  msg ("the first mapping is intact");
}
