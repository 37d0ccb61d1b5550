/* Helper guest of migrate-swap (tests/hv/migrate.c): the counter guest
   (tests/hv/mig-counter.inc) over a region of 350 pages (1.4 MiB),
   in a VM of 8 MiB on a host too full to hold it all: some of its
   pages are in swap when it migrates.  4 pages a tick, a count every
   5 ticks, 80 counts. */

#include "hv/guest/guest.h"

const char test_name[] = "mig-swap";

#define REGION_PAGES 350
#define PAGES_PER_TICK 4
#define TICKS_PER_LINE 5
#define LINES 80

#include "tests/hv/mig-pattern.inc"
#include "tests/hv/mig-counter.inc"

int
main (void)
{
  counter_run ();
  return 0;
}
