/* Helper guest of the vmctl tests: counts for ever, a line "(ticker)
   tick N" every TICK_PERIOD ticks of its virtual timer, so a test
   can see the guest stop (pause), go on where it stopped (resume,
   snapshot and restore, migration), or run twice (clone).  Each step
   also rewrites one page of a region of TICK_PAGES pages and first
   checks that the page still holds what was written there
   TICK_PAGES steps before: a page that a snapshot, a clone or a
   migration lost or left stale makes it fail.  Unlike
   tests/hv/tickerer, which ends after 40 steps, it runs until it
   is killed, so a test may take its time between two operations. */

#include "hv/guest/guest.h"

const char test_name[] = "ticker";

/* Ticks between two lines. */
#define TICK_PERIOD 2

/* The timer's vector. */
#define TICK_VECTOR 0x30

/* The region rewritten a page per step, above the image. */
#define TICK_REGION 0x200000u
#define TICK_PAGES 32
#define TICK_PAGE_WORDS 1024

/* The word at index I of a page written at step N (0: never). */
static uint32_t
tick_pattern (uint32_t n, uint32_t i)
{
  return n == 0 ? 0 : n * 2654435761u + i;
}

/* Checks that the page of step N holds what step N - TICK_PAGES
   wrote there, then writes step N's pattern into it. */
static void
tick_rewrite (uint32_t n)
{
  volatile uint32_t *page
    = (uint32_t *) (TICK_REGION + (n % TICK_PAGES) * 4096);
  uint32_t before = n > TICK_PAGES ? n - TICK_PAGES : 0;

  for (uint32_t i = 0; i < TICK_PAGE_WORDS; i++)
    {
      if (page[i] != tick_pattern (before, i))
        fail ("step %u: word %u of page %#x is %#x, not %#x", (unsigned) n,
              (unsigned) i, (unsigned) (uintptr_t) page, (unsigned) page[i],
              (unsigned) tick_pattern (before, i));
      page[i] = tick_pattern (n, i);
    }
}

int
main (void)
{
  timer_start (TICK_PERIOD, TICK_VECTOR, timer_count);
  guest_sti ();
  for (uint32_t n = 1; ; n++)
    {
      unsigned seen = timer_interrupts ();
      while (timer_interrupts () == seen)
        guest_wait ();
      tick_rewrite (n);
      msg ("tick %u", (unsigned) n);
    }
}
