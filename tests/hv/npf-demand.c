/* Nested page faults for guest RAM: pages the guest never touched
   have no host page yet; the first access faults, the hv backs the
   page with a zeroed host page, and the access is retried. */

#include "hv/guest/guest.h"

const char test_name[] = "npf-demand";

#define FIRST_PAGE 0x200000u            /* Far from the image. */
#define PAGES 64
#define PAGE_SIZE 4096

int
main (void)
{
  for (unsigned i = 0; i < PAGES; i++)
    {
      volatile uint32_t *word = (uint32_t *) (FIRST_PAGE + i * PAGE_SIZE);
      if (*word != 0)
        fail ("fresh page %u reads %#x, not 0", i, (unsigned) *word);
      *word = 0xc0de0000u + i;
    }
  msg ("%d untouched pages read as zeros", PAGES);
  for (unsigned i = 0; i < PAGES; i++)
    {
      volatile uint32_t *word = (uint32_t *) (FIRST_PAGE + i * PAGE_SIZE);
      if (*word != 0xc0de0000u + i)
        fail ("page %u lost its contents: %#x", i, (unsigned) *word);
    }
  msg ("%d pages kept what was written to them", PAGES);
  return 0;
}
