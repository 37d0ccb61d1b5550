/* Helper guest of the tests of a VM's life past running (vm-pause,
   vm-snapshot, vm-clone): it keeps a pattern in 64 pages of its
   memory, rewriting one page at every step, and prints a count line
   every step, a step being two ticks of its timer.  After the last
   step it checks every page against the pattern it should hold and
   prints a checksum of them.  So a checker sees from its output alone
   whether a pause, a snapshot or a copy lost or repeated a step, and
   whether its memory came through whole. */

#include "hv/guest/guest.h"

const char test_name[] = "counter";

#define STEPS 40                /* Count lines printed. */
#define TICKS_PER_STEP 2
#define PAGES 64                /* Pages of the pattern... */
#define BASE 0x200000u          /* ...from here. */
#define WORDS (PAGES * 1024)
#define VECTOR 40

/* The word at index I of the pattern after GEN rewrites of its page. */
static uint32_t
pattern (uint32_t i, uint32_t gen)
{
  return (i * 2654435761u) ^ (gen * 0x9e3779b9u) ^ 0x5bd1e995u;
}

/* Times each page was rewritten. */
static uint32_t generation[PAGES];

/* Rewrites page P with its next generation of the pattern. */
static void
rewrite (unsigned p)
{
  volatile uint32_t *mem = (uint32_t *) BASE;
  generation[p]++;
  for (uint32_t i = p * 1024; i < (p + 1) * 1024; i++)
    mem[i] = pattern (i, generation[p]);
}

int
main (void)
{
  volatile uint32_t *mem = (uint32_t *) BASE;

  for (unsigned p = 0; p < PAGES; p++)
    rewrite (p);
  timer_start (1, VECTOR, timer_count);
  uint32_t next = timer_fired () + TICKS_PER_STEP;
  for (unsigned step = 1; step <= STEPS; step++)
    {
      while ((int32_t) (timer_fired () - next) < 0)
        guest_wait ();
      next += TICKS_PER_STEP;
      rewrite ((step * 7) % PAGES);
      msg ("count %u", step);
    }
  timer_stop ();

  uint32_t sum = 0;
  for (uint32_t i = 0; i < WORDS; i++)
    {
      uint32_t want = pattern (i, generation[i / 1024]);
      if (mem[i] != want)
        fail ("word %u of the pattern is %08x, not %08x", (unsigned) i,
              (unsigned) mem[i], (unsigned) want);
      sum = (sum << 1 | sum >> 31) ^ mem[i];
    }
  msg ("pattern intact, checksum %08x", (unsigned) sum);
  return 0;
}
