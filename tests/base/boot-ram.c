/* RAM detection: reports the RAM the boot code found and checks that
   the page allocator's pools fit inside it.  The .ck compares the
   report, and the boot banner, with the RAM the simulator was given
   ("-m 8" in Make.tests). */

#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/init.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* Pages below 1 MiB, which the page allocator never hands out. */
#define BOOT_RAM_LOW_PAGES (0x100000 / PGSIZE)

/* Reports init_ram_pages and checks the free page count against it. */
static void
boot_ram_test (void)
{
  size_t free_pages = palloc_free_count ();

  msg ("init_ram_pages: %zu pages, %zu KiB", init_ram_pages,
       init_ram_pages * (PGSIZE / 1024));
  CHECK (free_pages > 0 && free_pages < init_ram_pages - BOOT_RAM_LOW_PAGES,
         "%zu free pages do not fit in %zu pages of RAM above 1 MiB",
         free_pages, init_ram_pages - BOOT_RAM_LOW_PAGES);
  msg ("free pages fit in RAM above 1 MiB");
}

KTEST ("boot-ram", boot_ram_test);
