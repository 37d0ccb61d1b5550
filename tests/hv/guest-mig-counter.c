/* Helper guest of the migration tests (tests/hv/migrate.c): a guest
   that keeps writing, at a moderate rate, and says how far it got.

   It fills a region of REGION_PAGES pages with a pattern, then, at
   every tick of its virtual timer, rewrites the next PAGES_PER_TICK
   pages of the region in turn, each with its next generation of the
   pattern (every STRIDE-th word: a page is dirtied by one write, and
   the virtual CPU is slow); every TICKS_PER_LINE ticks it prints
   "count N".  After LINES lines it checks the region's words against
   the generation each page must have, and prints the checksum of what
   it read.  The writes are counted, not timed (one batch per timer
   interrupt seen), so the region's final contents and checksum are
   the same in every run: a migration that lost a write or a page, or
   sent an old copy of one, fails the check, and a counter line lost
   or printed twice shows in the sequence. */

#include "hv/guest/guest.h"

const char test_name[] = "mig-counter";

#include "tests/hv/mig-pattern.inc"

#define REGION_PAGES 256                /* 1 MiB. */
#define STRIDE 64                       /* Words written: 16 a page. */
#define PAGES_PER_TICK 4
#define TICKS_PER_LINE 5
#define LINES 50
#define TIMER_VECTOR 0x30

/* Pages written so far, the fill included: write K went to page
   K % REGION_PAGES. */
static uint32_t writes;

/* Returns the generation region page PAGE has once WRITES writes have
   been made: the number of them that went to it. */
static uint32_t
generation (uint32_t page)
{
  return writes > page ? (writes - 1 - page) / REGION_PAGES + 1 : 0;
}

/* Makes the next write: the next page in turn gets its next
   generation. */
static void
write_next (void)
{
  uint32_t page = writes % REGION_PAGES;
  uint32_t gen = writes / REGION_PAGES + 1;
  volatile uint32_t *p = region_page (page);
  for (uint32_t w = 0; w < PAGE_WORDS; w += STRIDE)
    p[w] = pattern (page, w, gen);
  writes++;
}

/* Waits for the virtual timer's next interrupt. */
static void
wait_tick (void)
{
  unsigned seen = timer_interrupts ();
  while (timer_interrupts () == seen)
    guest_wait ();
}

/* Folds VALUE into checksum SUM. */
static uint32_t
fold (uint32_t sum, uint32_t value)
{
  return (sum ^ value) * 0x01000193u;
}

/* Checks the region's words and returns the checksum of what it read;
   fails at the first word that is not what was written. */
static uint32_t
check_region (void)
{
  uint32_t sum = 0x811c9dc5u;
  for (uint32_t page = 0; page < REGION_PAGES; page++)
    {
      uint32_t gen = generation (page);
      volatile uint32_t *p = region_page (page);
      for (uint32_t w = 0; w < PAGE_WORDS; w += STRIDE)
        {
          if (p[w] != pattern (page, w, gen))
            fail ("page %u word %u: %08x, but generation %u wrote %08x",
                  (unsigned) page, (unsigned) w, (unsigned) p[w],
                  (unsigned) gen, (unsigned) pattern (page, w, gen));
          sum = fold (sum, p[w]);
        }
    }
  return sum;
}

int
main (void)
{
  while (writes < REGION_PAGES)
    write_next ();
  msg ("pattern written over %d pages", REGION_PAGES);
  timer_start (1, TIMER_VECTOR, timer_count);
  guest_sti ();
  for (int line = 1; line <= LINES; line++)
    {
      for (int tick = 0; tick < TICKS_PER_LINE; tick++)
        {
          wait_tick ();
          for (int i = 0; i < PAGES_PER_TICK; i++)
            write_next ();
        }
      msg ("count %d", line);
    }
  timer_stop ();
  uint32_t sum = check_region ();
  msg ("pattern checked after %u page writes, checksum %08x",
       (unsigned) writes, (unsigned) sum);
  return 0;
}
