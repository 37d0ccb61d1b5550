/* Helper guest of migrate-swap (tests/hv/migrate.c): takes host memory
   and keeps it.  It touches HOG_PAGES pages, then halts with its timer
   armed far away, until the test kills it. */

#include "hv/guest/guest.h"

const char test_name[] = "mig-hog";

#define HOG_BASE 0x200000u              /* Far above the image. */
#define HOG_PAGES 700                   /* 2.7 MiB. */
#define PAGE_BYTES 4096
#define FAR_AWAY (1u << 30)             /* Ticks: about four months. */
#define VECTOR 40

int
main (void)
{
  for (uint32_t page = 0; page < HOG_PAGES; page++)
    *(volatile uint32_t *) (HOG_BASE + page * PAGE_BYTES) = page;
  msg ("%d pages touched", HOG_PAGES);
  timer_start (FAR_AWAY, VECTOR, timer_count);
  for (;;)
    guest_wait ();
}
