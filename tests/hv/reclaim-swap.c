/* A guest with more RAM than the host has free memory runs to the
   end: it writes a pattern over more pages than the host has free
   and reads them back (bigmem.inc), the hv evicting pages to swap and
   faulting them back; then it gives the whole sweep back with the
   balloon, in memory or in swap.  The kernel side (tests/hv/reclaim.c)
   gives it 16 MiB of RAM. */

#include "hv/guest/guest.h"

const char test_name[] = "reclaim-swap";

#include "tests/hv/bigmem.inc"

/* Returns memory count WHICH (HV_MEM_*) of this VM. */
static int32_t
mem_stat (uint32_t which)
{
  return hypercall (HC_MEM_STAT, which, 0);
}

int
main (void)
{
  sweep ();
  int32_t evicted = mem_stat (HV_MEM_EVICTIONS);
  int32_t swapped_in = mem_stat (HV_MEM_SWAP_INS);
  if (evicted <= 0 || swapped_in <= 0)
    fail ("the hv evicted %d pages and read %d back: the test needs both",
          (int) evicted, (int) swapped_in);
  msg ("the hv evicted pages and read them back");

  /* Every page of the sweep is in host memory or in swap; the
     balloon must take each, whichever. */
  int32_t held = mem_stat (HV_MEM_RESIDENT) + mem_stat (HV_MEM_SWAPPED);
  int32_t released = hypercall (HC_BALLOON, FIRST_PAGE, SWEEP_PAGES);
  int32_t left = mem_stat (HV_MEM_RESIDENT) + mem_stat (HV_MEM_SWAPPED);
  if (released != SWEEP_PAGES || held - left != SWEEP_PAGES)
    fail ("the balloon released %d pages and the VM holds %d fewer, "
          "not %d", (int) released, (int) (held - left), SWEEP_PAGES);
  msg ("the balloon took back all %d pages of the sweep", SWEEP_PAGES);
  return 0;
}
