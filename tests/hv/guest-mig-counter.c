/* Helper guest of the migration tests (tests/hv/migrate.c): a guest
   that keeps writing, at a moderate rate, and says how far it got
   (tests/hv/mig-counter.inc): 4 pages a tick of a region of 256
   (1 MiB), a count every 5 ticks, 50 counts. */

#include "hv/guest/guest.h"

const char test_name[] = "mig-counter";

#define REGION_PAGES 256
#define PAGES_PER_TICK 4
#define TICKS_PER_LINE 5
#define LINES 50

#include "tests/hv/mig-pattern.inc"
#include "tests/hv/mig-counter.inc"

int
main (void)
{
  counter_run ();
  return 0;
}
