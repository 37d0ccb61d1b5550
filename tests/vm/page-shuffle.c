/* Random access over more memory than the process may hold at once.
   Keeps a permutation PERM of 0...N-1 and its inverse INV, two arrays
   of 256 KiB each with the test's user pool of 256 KiB, and swaps
   random pairs of PERM's entries, fixing INV each time: four scattered
   pages touched per swap.  Then checks that PERM is still a
   permutation and INV still its inverse: a page that came back stale
   from swap, or not at all, breaks one or the other. */

#include <random.h>
#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"

/* Entries in each array, and swaps made. */
#define SHUFFLE_CNT (64 * 1024)
#define SHUFFLE_SWAPS 1000

/* The seed of the swaps. */
#define SHUFFLE_SEED 13

static uint32_t perm[SHUFFLE_CNT];
static uint32_t inv[SHUFFLE_CNT];

/* Swaps entries I and J of PERM and keeps INV its inverse. */
static void
swap_entries (uint32_t i, uint32_t j)
{
  uint32_t a = perm[i], b = perm[j];
  perm[i] = b;
  perm[j] = a;
  inv[b] = i;
  inv[a] = j;
}

/* Fails unless INV is the inverse of PERM, which makes both
   permutations. */
static void
check_inverse (void)
{
  for (uint32_t i = 0; i < SHUFFLE_CNT; i++)
    if (perm[i] >= SHUFFLE_CNT || inv[perm[i]] != i)
      fail ("entry %u: perm holds %u, whose inverse is not %u", i, perm[i], i);
}

void
test_main (void)
{
  for (uint32_t i = 0; i < SHUFFLE_CNT; i++)
    perm[i] = inv[i] = i;
  msg ("set up a permutation of %d entries and its inverse", SHUFFLE_CNT);

  random_init (SHUFFLE_SEED);
  for (int k = 0; k < SHUFFLE_SWAPS; k++)
    swap_entries (random_ulong () % SHUFFLE_CNT, random_ulong () % SHUFFLE_CNT);
  msg ("made %d random swaps", SHUFFLE_SWAPS);

  check_inverse ();
  msg ("the permutation and its inverse still match");
}
