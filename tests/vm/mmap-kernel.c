/* Maps a two-page file where it would reach kernel space: at PHYS_BASE,
   across it from the last user page, and at the top of the address
   space.  Every request must be refused. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"
#include "tests/vm/pattern.h"

/* The top of user memory (threads/vaddr.h's PHYS_BASE). */
#define USER_TOP 0xc0000000u

/* The file's bytes, and their pattern. */
#define KERNEL_FILE_SIZE (2 * MAP_PAGE)
#define KERNEL_FILE_SEED 25

static uint32_t data[KERNEL_FILE_SIZE / sizeof (uint32_t)];

void
test_main (void)
{
  pattern_fill (data, sizeof data, KERNEL_FILE_SEED);
  make_file ("two-pages", data, sizeof data);
  int fd = open_file ("two-pages");
  map_refused (fd, (void *) USER_TOP, "at PHYS_BASE");
  map_refused (fd, (void *) (USER_TOP - MAP_PAGE), "across PHYS_BASE");
  map_refused (fd, (void *) -MAP_PAGE, "at the top of the address space");
}
