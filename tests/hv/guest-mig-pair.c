/* Helper guest of migrate-smp (tests/hv/migrate.c): a VM of two VCPUs
   that write at once, for the dirty logging's TLB rule on several
   physical CPUs (docs/hv.md, section 14.2).  VCPU 0 is the counter
   guest (tests/hv/mig-counter.inc: 4 pages a tick of 256, a count
   every 5 ticks, 80 counts); VCPU 1 sweeps a region of its own,
   SWEEP_PAGES pages, without pause, as guest-mig-hot does.  Once VCPU 0
   has checked its region, it asks VCPU 1 to stop after its pass, and
   checks that every page of VCPU 1's region holds that last pass's
   words. */

#include "hv/guest/guest.h"

const char test_name[] = "mig-pair";

#define REGION_PAGES 256
#define PAGES_PER_TICK 4
#define TICKS_PER_LINE 5
#define LINES 80

#include "tests/hv/mig-pattern.inc"
#include "tests/hv/mig-counter.inc"

/* VCPU 1's region: the pages after VCPU 0's. */
#define SWEEP_FIRST REGION_PAGES
#define SWEEP_PAGES 48

/* VCPU 1's stack. */
static uint8_t sweeper_stack[4096] __attribute__ ((aligned (16)));

/* Set by VCPU 0: VCPU 1 stops after its pass. */
static volatile bool stop;

/* VCPU 1's passes begun, and the last one once it has stopped. */
static volatile uint32_t passes;
static volatile uint32_t last_pass;

/* VCPU 1: sweeps its region, pass after pass, until asked to stop;
   then says which pass was its last and spins, as the VM ends when
   VCPU 0 exits.  Starts with interrupts masked, which it keeps. */
static void NO_RETURN
sweeper (void)
{
  while (!stop)
    {
      uint32_t pass = ++passes;
      for (uint32_t page = SWEEP_FIRST; page < SWEEP_FIRST + SWEEP_PAGES;
           page++)
        {
          region_page (page)[0] = pattern (page, 0, pass);
          region_page (page)[PAGE_WORDS / 2] = pattern (page, PAGE_WORDS / 2,
                                                         pass);
        }
    }
  last_pass = passes;
  for (;;)
    asm volatile ("pause");
}

/* Fails unless every page of VCPU 1's region holds the words of its
   last pass. */
static void
check_sweep (void)
{
  uint32_t pass = last_pass;
  for (uint32_t page = SWEEP_FIRST; page < SWEEP_FIRST + SWEEP_PAGES; page++)
    for (uint32_t w = 0; w < PAGE_WORDS; w += PAGE_WORDS / 2)
      if (region_page (page)[w] != pattern (page, w, pass))
        fail ("VCPU 1's page %u word %u: %08x, but pass %u wrote %08x",
              (unsigned) page, (unsigned) w, (unsigned) region_page (page)[w],
              (unsigned) pass, (unsigned) pattern (page, w, pass));
  msg ("VCPU 1's %d pages hold its last pass's words", SWEEP_PAGES);
}

int
main (void)
{
  int32_t status = hypercall3 (HC_VCPU_UP, 1, (uint32_t) sweeper,
                               (uint32_t) (sweeper_stack
                                           + sizeof sweeper_stack));
  if (status != 0)
    fail ("cannot bring up VCPU 1: %d", (int) status);
  counter_run ();
  stop = true;
  while (last_pass == 0)
    asm volatile ("pause");
  check_sweep ();
  return 0;
}
