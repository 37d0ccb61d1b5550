/* Data for the virtual-memory tests (see pattern.h). */

#include "tests/vm/pattern.h"
#include <debug.h>
#include "tests/lib.h"

/* Returns word INDEX of the pattern for SEED: an integer hash of the
   two (multiply and xor-shift rounds), cheap and well mixed. */
uint32_t
pattern_word (unsigned seed, size_t index)
{
  uint32_t x = (uint32_t) index * 0x9e3779b1u ^ (uint32_t) seed * 0x85ebca6bu;
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

/* Fills the SIZE bytes at BUF, a multiple of 4, with the pattern for
   SEED. */
void
pattern_fill (void *buf, size_t size, unsigned seed)
{
  uint32_t *words = buf;

  ASSERT (size % sizeof *words == 0);
  for (size_t i = 0; i < size / sizeof *words; i++)
    words[i] = pattern_word (seed, i);
}

/* Fails, naming WHAT and the first wrong offset, unless the SIZE bytes
   at BUF (a multiple of 4) hold the pattern for SEED. */
void
pattern_check (const void *buf, size_t size, unsigned seed, const char *what)
{
  const uint32_t *words = buf;

  ASSERT (size % sizeof *words == 0);
  for (size_t i = 0; i < size / sizeof *words; i++)
    if (words[i] != pattern_word (seed, i))
      fail ("%s: byte %zu holds 0x%08x, not 0x%08x", what, i * sizeof *words,
            words[i], pattern_word (seed, i));
}
