/* Pseudo-random numbers from an xorshift64* generator: a 64-bit state
   scrambled by shifts and xors, with the output multiplied by an odd
   constant to mix its bits.  The same seed always gives the same
   sequence.  There is one generator for everyone and no locking: code
   that calls it from several threads gets a mix of one sequence. */
#include <random.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Added to the seed so that the state is never zero, a state that
   xorshift would never leave. */
#define RANDOM_SEED_OFFSET 0x9e3779b97f4a7c15ULL

/* Multiplier of the xorshift64* output. */
#define RANDOM_MULTIPLIER 0x2545f4914f6cdd1dULL

/* Outputs thrown away after seeding, so that nearby seeds do not give
   similar first numbers. */
#define RANDOM_WARMUP 16

static uint64_t random_state;   /* The generator's state. */
static bool random_inited;      /* Whether random_init has run. */

/* Advances the generator and returns 32 fresh random bits. */
static uint32_t
random_next (void)
{
  random_state ^= random_state >> 12;
  random_state ^= random_state << 25;
  random_state ^= random_state >> 27;
  return (random_state * RANDOM_MULTIPLIER) >> 32;
}

/* Starts the sequence of numbers for SEED.  If it is never called,
   the first use of the generator calls it with seed 0. */
void
random_init (unsigned seed)
{
  int i;

  random_state = (uint64_t) seed + RANDOM_SEED_OFFSET;
  for (i = 0; i < RANDOM_WARMUP; i++)
    random_next ();
  random_inited = true;
}

/* Seeds the generator with 0 if nobody has seeded it yet. */
static void
random_ensure_inited (void)
{
  if (!random_inited)
    random_init (0);
}

/* Fills the SIZE bytes at BUFFER with random bytes. */
void
random_bytes (void *buffer, size_t size)
{
  uint8_t *p = buffer;

  random_ensure_inited ();
  while (size > 0)
    {
      uint32_t word = random_next ();
      size_t chunk = size < sizeof word ? size : sizeof word;

      memcpy (p, &word, chunk);
      p += chunk;
      size -= chunk;
    }
}

/* Returns a random unsigned long, all of its values equally likely. */
unsigned long
random_ulong (void)
{
  random_ensure_inited ();
  return random_next ();
}
