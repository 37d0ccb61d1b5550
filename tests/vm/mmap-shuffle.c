/* Maps a 64 KiB file, twice the 32 KiB the test's user pool holds,
   numbers its words 0, 1, 2... through the mapping and swaps random
   pairs of them, so that dirty pages leave memory for the file and
   come back from it.  Then sums the words' positions weighted by
   their values, unmaps the file, and checks that the file holds every
   number once and gives the same sum. */

#include <random.h>
#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/mapping.h"

/* The file's size, its words, the swaps made and their seed. */
#define SHUFFLE_SIZE (64 * 1024)
#define SHUFFLE_WORDS (SHUFFLE_SIZE / sizeof (uint32_t))
#define SHUFFLE_SWAPS 2000
#define SHUFFLE_SEED 24

static uint32_t buf[SHUFFLE_WORDS];
static uint8_t seen[SHUFFLE_WORDS];

/* Returns the sum of each of the words at WORDS times its position:
   it changes if any two words trade places. */
static uint32_t
weighted_sum (const uint32_t *words)
{
  uint32_t sum = 0;
  for (uint32_t i = 0; i < SHUFFLE_WORDS; i++)
    sum += words[i] * (i + 1);
  return sum;
}

void
test_main (void)
{
  uint32_t *words = (uint32_t *) MAP_ADDR;

  CHECK (create ("shuffled", SHUFFLE_SIZE), "create \"shuffled\"");
  int fd = open_file ("shuffled");
  mapid_t map = map_file (fd, MAP_ADDR, "shuffled");
  for (uint32_t i = 0; i < SHUFFLE_WORDS; i++)
    words[i] = i;

  random_init (SHUFFLE_SEED);
  for (int k = 0; k < SHUFFLE_SWAPS; k++)
    {
      uint32_t i = random_ulong () % SHUFFLE_WORDS;
      uint32_t j = random_ulong () % SHUFFLE_WORDS;
      uint32_t t = words[i];
      words[i] = words[j];
      words[j] = t;
    }
  msg ("made %d random swaps through the mapping", SHUFFLE_SWAPS);
  uint32_t sum = weighted_sum (words);
  munmap (map);
  msg ("unmapped");

  CHECK (read (fd, buf, sizeof buf) == (int) sizeof buf, "read \"shuffled\"");
  for (uint32_t i = 0; i < SHUFFLE_WORDS; i++)
    {
      if (buf[i] >= SHUFFLE_WORDS || seen[buf[i]]++)
        fail ("word %u of the file is %u: not a new number below %zu", i,
              buf[i], SHUFFLE_WORDS);
    }
  msg ("the file holds every number once");
  if (weighted_sum (buf) != sum)
    fail ("the file's words are not in the order the mapping had");
  msg ("in the order the mapping had");
}
