/* Helper guest of migrate-hot (tests/hv/migrate.c): a guest whose
   writes outrun any migration link.  It sweeps a region of
   REGION_PAGES pages, most of the memory it uses, without pause,
   writing two words of every page in each pass, so that every page of
   it is dirty again within a tick.  Every TICKS_PER_LINE ticks of its
   clock it prints "count N"; after LINES lines it ends its pass and
   checks that every page holds that last pass's words: a migration
   that lost a write or sent an old copy of a page fails the check. */

#include "hv/guest/guest.h"

const char test_name[] = "mig-hot";

#include "tests/hv/mig-pattern.inc"

#define REGION_PAGES 160                /* 640 KiB. */
#define TICKS_PER_LINE 5
#define LINES 48

/* Passes over the region begun so far. */
static uint32_t passes;

/* One pass: the first and the middle word of every page. */
static void
sweep (void)
{
  uint32_t pass = ++passes;
  for (uint32_t page = 0; page < REGION_PAGES; page++)
    {
      region_page (page)[0] = pattern (page, 0, pass);
      region_page (page)[PAGE_WORDS / 2] = pattern (page, PAGE_WORDS / 2,
                                                     pass);
    }
}

/* Fails unless every page holds the words of the last pass. */
static void
check_region (void)
{
  for (uint32_t page = 0; page < REGION_PAGES; page++)
    for (uint32_t w = 0; w < PAGE_WORDS; w += PAGE_WORDS / 2)
      if (region_page (page)[w] != pattern (page, w, passes))
        fail ("page %u word %u: %08x, but pass %u wrote %08x",
              (unsigned) page, (unsigned) w,
              (unsigned) region_page (page)[w], (unsigned) passes,
              (unsigned) pattern (page, w, passes));
}

int
main (void)
{
  uint32_t next_line = timer_now () + TICKS_PER_LINE;
  for (int line = 1; line <= LINES; )
    {
      sweep ();
      if ((int32_t) (timer_now () - next_line) >= 0)
        {
          msg ("count %d", line++);
          next_line += TICKS_PER_LINE;
        }
    }
  check_region ();
  msg ("every page holds the last pass's words");
  return 0;
}
