/* Stress test of the kernel heap: thousands of random malloc, calloc,
   realloc and free calls over a set of slots, each live block filled
   with bytes that name it and checked before it is touched again.
   Also checks alignment, calloc's zeroing and overflow check, the
   null-pointer cases, and that freeing everything gives every page
   back. */

#include <random.h>
#include <stdint.h>
#include <string.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* Live blocks at most, random operations, and how often every live
   block is checked. */
#define MALLOC_STRESS_SLOTS 200
#define MALLOC_STRESS_OPS 6000
#define MALLOC_STRESS_SWEEP 1000

/* Alignment every block must have. */
#define MALLOC_STRESS_ALIGN 8

/* A slot: a live block (or none) and what it should hold. */
struct slot
  {
    uint8_t *block;             /* The block, or NULL. */
    size_t size;                /* Bytes requested. */
    uint8_t seed;               /* First byte of its pattern. */
  };

static struct slot malloc_stress_slots[MALLOC_STRESS_SLOTS];

/* Returns a random request size: mostly small, sometimes up to half
   a page, rarely several pages. */
static size_t
random_size (void)
{
  unsigned kind = random_ulong () % 20;

  if (kind < 16)
    return 1 + random_ulong () % 256;
  if (kind < 19)
    return 1 + random_ulong () % 2048;
  return 2049 + random_ulong () % (4 * 4096);
}

/* Fills bytes [FROM, S->size) of slot S's block with its pattern. */
static void
fill (struct slot *s, size_t from)
{
  size_t i;

  for (i = from; i < s->size; i++)
    s->block[i] = s->seed + i * 7;
}

/* Checks the first LEN bytes of slot S's block against its pattern. */
static void
verify (const struct slot *s, size_t len)
{
  size_t i;

  for (i = 0; i < len; i++)
    CHECK (s->block[i] == (uint8_t) (s->seed + i * 7),
           "block %p (%zu bytes): byte %zu changed behind its back",
           s->block, s->size, i);
}

/* Gives empty slot S a new block of a random size. */
static void
do_malloc (struct slot *s)
{
  s->size = random_size ();
  s->seed = random_ulong ();
  s->block = malloc (s->size);
  CHECK (s->block != NULL, "malloc (%zu) failed", s->size);
  CHECK ((uintptr_t) s->block % MALLOC_STRESS_ALIGN == 0,
         "malloc (%zu) returned misaligned %p", s->size, s->block);
  fill (s, 0);
}

/* Resizes slot S's block at random, checking that the common prefix
   survived the move. */
static void
do_realloc (struct slot *s)
{
  size_t new_size = random_size ();
  size_t kept = new_size < s->size ? new_size : s->size;

  s->block = realloc (s->block, new_size);
  CHECK (s->block != NULL, "realloc to %zu failed", new_size);
  s->size = new_size;
  verify (s, kept);
  fill (s, kept);
}

/* Frees slot S's block after checking it. */
static void
do_free (struct slot *s)
{
  verify (s, s->size);
  free (s->block);
  s->block = NULL;
}

/* One random operation on a random slot. */
static void
random_op (void)
{
  struct slot *s = &malloc_stress_slots[random_ulong ()
                                        % MALLOC_STRESS_SLOTS];

  if (s->block == NULL)
    do_malloc (s);
  else if (random_ulong () % 3 == 0)
    do_realloc (s);
  else
    do_free (s);
}

/* Checks every live block; frees them all if FREE_ALL. */
static void
sweep (bool free_all)
{
  size_t i;

  for (i = 0; i < MALLOC_STRESS_SLOTS; i++)
    if (malloc_stress_slots[i].block != NULL)
      {
        verify (&malloc_stress_slots[i], malloc_stress_slots[i].size);
        if (free_all)
          do_free (&malloc_stress_slots[i]);
      }
}

/* Pages' worth of blocks allocated per size in test_sizes: enough to
   need several arenas of every size class. */
#define MALLOC_STRESS_CLASS_PAGES 3

/* For each block size from 16 bytes to two pages, allocates enough
   blocks to fill several arenas, checks them, frees them, and checks
   that every page came back. */
static void
test_sizes (void)
{
  size_t free_before = palloc_free_count ();
  size_t size;

  for (size = 16; size <= 2 * PGSIZE; size *= 2)
    {
      size_t cnt = MALLOC_STRESS_CLASS_PAGES * PGSIZE / size + 1, i;
      struct slot *blocks = calloc (cnt, sizeof *blocks);

      CHECK (blocks != NULL, "out of memory");
      for (i = 0; i < cnt; i++)
        {
          blocks[i].size = size;
          blocks[i].seed = i;
          blocks[i].block = malloc (size);
          CHECK (blocks[i].block != NULL, "malloc (%zu) failed", size);
          fill (&blocks[i], 0);
        }
      for (i = cnt; i-- > 0; )
        do_free (&blocks[i]);
      free (blocks);
      check_uint ("free pages after a size class", palloc_free_count (),
                  free_before);
    }
  msg ("blocks of 16 bytes to 2 pages: arenas made and given back");
}

/* calloc zeroes and refuses overflowing sizes; null pointers. */
static void
test_edges (void)
{
  uint8_t *p = calloc (100, 33);
  size_t i;

  CHECK (p != NULL, "calloc (100, 33) failed");
  for (i = 0; i < 3300; i++)
    CHECK (p[i] == 0, "calloc left byte %zu nonzero", i);
  free (p);
  check_ptr ("calloc of (2^31 + 1) * 2 bytes", calloc (0x80000001u, 2), NULL);
  check_ptr ("calloc of (2^16 + 1) * 2^16 bytes", calloc (0x10001, 0x10000),
             NULL);
  free (NULL);
  p = realloc (NULL, 40);
  CHECK (p != NULL, "realloc (NULL, 40) failed");
  check_ptr ("realloc to 0 bytes", realloc (p, 0), NULL);
  msg ("calloc zeroes and checks overflow; free (NULL), realloc (NULL)");
}

/* Runs the random operations, then frees everything. */
static void
malloc_stress_test (void)
{
  size_t free_before = palloc_free_count ();
  int op;

  test_edges ();
  test_sizes ();
  random_init (0x3a110c);
  for (op = 1; op <= MALLOC_STRESS_OPS; op++)
    {
      random_op ();
      if (op % MALLOC_STRESS_SWEEP == 0)
        sweep (false);
    }
  msg ("%d random operations on %d slots: contents intact",
       MALLOC_STRESS_OPS, MALLOC_STRESS_SLOTS);
  sweep (true);
  check_uint ("free pages after freeing everything", palloc_free_count (),
              free_before);
  msg ("every block freed, every page returned");
}

KTEST ("malloc-stress", malloc_stress_test);
