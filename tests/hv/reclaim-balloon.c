/* The balloon (HC_BALLOON): pages a guest gives back leave the VM's
   resident count, come back as zeros when touched again, and the
   pages around them keep their contents; bad arguments are refused. */

#include "hv/guest/guest.h"

const char test_name[] = "reclaim-balloon";

#define FIRST_PAGE 0x200000u            /* Far from the image. */
#define PAGES 256
#define GIVEN 128                       /* The first GIVEN of them go back. */
#define PAGE_SIZE 4096

/* Returns memory count WHICH (HV_MEM_*) of this VM. */
static int32_t
mem_stat (uint32_t which)
{
  return hypercall (HC_MEM_STAT, which, 0);
}

/* Returns the first word of page I. */
static volatile uint32_t *
word_of (unsigned i)
{
  return (volatile uint32_t *) (FIRST_PAGE + i * PAGE_SIZE);
}

int
main (void)
{
  for (unsigned i = 0; i < PAGES; i++)
    *word_of (i) = 0xba110000u + i;
  int32_t before = mem_stat (HV_MEM_RESIDENT);
  int32_t released = hypercall (HC_BALLOON, FIRST_PAGE, GIVEN);
  int32_t after = mem_stat (HV_MEM_RESIDENT);
  msg ("balloon of %d pages released %d; resident pages went down by %d",
       GIVEN, (int) released, (int) (before - after));
  msg ("ballooned pages so far: %d", (int) mem_stat (HV_MEM_BALLOONED));
  msg ("the same pages again release %d",
       (int) hypercall (HC_BALLOON, FIRST_PAGE, GIVEN));

  unsigned zeros = 0, kept = 0;
  for (unsigned i = 0; i < PAGES; i++)
    if (i < GIVEN ? *word_of (i) == 0 : *word_of (i) == 0xba110000u + i)
      i < GIVEN ? zeros++ : kept++;
  msg ("%u given pages read as zeros, %u others kept their contents",
       zeros, kept);
  msg ("resident pages are back up by %d",
       (int) (mem_stat (HV_MEM_RESIDENT) - after));

  msg ("unaligned address: %d", (int) hypercall (HC_BALLOON, FIRST_PAGE + 4, 1));
  msg ("past the end of RAM: %d",
       (int) hypercall (HC_BALLOON, FIRST_PAGE, 0x100000));
  msg ("wrapping count: %d",
       (int) hypercall (HC_BALLOON, FIRST_PAGE, 0xffffffffu));
  msg ("unknown memory count: %d", (int) mem_stat (99));
  return 0;
}
