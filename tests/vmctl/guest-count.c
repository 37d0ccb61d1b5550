/* Helper guest of the vmctl tests: counts for ever, a line "(count)
   count N" every COUNT_PERIOD ticks of its virtual timer, so a test
   can see the guest stop (pause), go on where it stopped (resume,
   snapshot and restore, migration), or run twice (clone).  Each step
   also rewrites one page of a region of COUNT_PAGES pages and first
   checks that the page still holds what was written there
   COUNT_PAGES steps before: a page that a snapshot, a clone or a
   migration lost or left stale makes it fail. */

#include "hv/guest/guest.h"

const char test_name[] = "count";

/* Ticks between two lines. */
#define COUNT_PERIOD 2

/* The timer's vector. */
#define COUNT_VECTOR 0x30

/* The region rewritten a page per step, above the image. */
#define COUNT_REGION 0x200000u
#define COUNT_PAGES 32
#define COUNT_PAGE_WORDS 1024

/* The word at index I of a page written at step N (0: never). */
static uint32_t
count_pattern (uint32_t n, uint32_t i)
{
  return n == 0 ? 0 : n * 2654435761u + i;
}

/* Checks that the page of step N holds what step N - COUNT_PAGES
   wrote there, then writes step N's pattern into it. */
static void
count_rewrite (uint32_t n)
{
  volatile uint32_t *page
    = (uint32_t *) (COUNT_REGION + (n % COUNT_PAGES) * 4096);
  uint32_t before = n > COUNT_PAGES ? n - COUNT_PAGES : 0;

  for (uint32_t i = 0; i < COUNT_PAGE_WORDS; i++)
    {
      if (page[i] != count_pattern (before, i))
        fail ("step %u: word %u of page %#x is %#x, not %#x", (unsigned) n,
              (unsigned) i, (unsigned) (uintptr_t) page, (unsigned) page[i],
              (unsigned) count_pattern (before, i));
      page[i] = count_pattern (n, i);
    }
}

int
main (void)
{
  timer_start (COUNT_PERIOD, COUNT_VECTOR, timer_count);
  guest_sti ();
  for (uint32_t n = 1; ; n++)
    {
      unsigned seen = timer_interrupts ();
      while (timer_interrupts () == seen)
        guest_wait ();
      count_rewrite (n);
      msg ("count %u", (unsigned) n);
    }
}
