/* Bitmaps: every operation declared in bitmap.h.

   The bits live in an array of 32-bit words; bit N is bit (N % 32)
   of word N / 32.  Bits of the last word beyond the bitmap's size
   are always 0, so whole words can be compared and dumped. */
#include "bitmap.h"
#include <debug.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "threads/malloc.h"

/* Bits in one storage word. */
#define BITMAP_WORD_BITS 32

/* A bitmap: how many bits it has and where they are stored. */
struct bitmap
  {
    size_t bit_cnt;             /* Size in bits. */
    uint32_t *words;            /* Storage, bitmap_word_cnt (bit_cnt) words. */
  };

/* Number of words needed to hold BIT_CNT bits. */
static size_t
bitmap_word_cnt (size_t bit_cnt)
{
  return bit_cnt / BITMAP_WORD_BITS + (bit_cnt % BITMAP_WORD_BITS != 0);
}

/* The word of B that holds bit IDX. */
static uint32_t *
bitmap_word_of (const struct bitmap *b, size_t idx)
{
  return &b->words[idx / BITMAP_WORD_BITS];
}

/* The mask that selects bit IDX within its word. */
static uint32_t
bitmap_mask_of (size_t idx)
{
  return (uint32_t) 1 << (idx % BITMAP_WORD_BITS);
}

/* Fills in B to have BIT_CNT bits stored at WORDS, all 0. */
static void
bitmap_setup (struct bitmap *b, size_t bit_cnt, uint32_t *words)
{
  b->bit_cnt = bit_cnt;
  b->words = words;
  memset (words, 0, bitmap_word_cnt (bit_cnt) * sizeof *words);
}

/* Allocates a bitmap of BIT_CNT bits, all 0, with malloc.  Returns it,
   or NULL if memory ran out (nothing is then left allocated). */
struct bitmap *
bitmap_create (size_t bit_cnt)
{
  struct bitmap *b;
  uint32_t *words;

  b = malloc (sizeof *b);
  if (b == NULL)
    goto fail;
  words = malloc (bitmap_word_cnt (bit_cnt) * sizeof *words);
  if (words == NULL && bit_cnt != 0)
    goto fail_free_b;
  bitmap_setup (b, bit_cnt, words);
  return b;

 fail_free_b:
  free (b);
 fail:
  return NULL;
}

/* Returns how many bytes bitmap_create_in_buf needs for BIT_CNT
   bits: the bitmap structure followed by its words. */
size_t
bitmap_buf_size (size_t bit_cnt)
{
  size_t words = bitmap_word_cnt (bit_cnt);

  return sizeof (struct bitmap) + words * sizeof (uint32_t);
}

/* Builds a bitmap of BIT_CNT bits, all 0, inside the BYTE_CNT bytes at
   BLOCK, which must be at least bitmap_buf_size (BIT_CNT) and aligned
   for a word.  Needs no malloc, so it works during early boot.  The
   result must not be passed to bitmap_destroy. */
struct bitmap *
bitmap_create_in_buf (size_t bit_cnt, void *block, size_t byte_cnt)
{
  struct bitmap *b = block;

  ASSERT (block != NULL);
  ASSERT (byte_cnt >= bitmap_buf_size (bit_cnt));
  bitmap_setup (b, bit_cnt, (uint32_t *) (b + 1));
  return b;
}

/* Frees B, which bitmap_create made.  B may be NULL. */
void
bitmap_destroy (struct bitmap *b)
{
  if (b == NULL)
    return;
  free (b->words);
  free (b);
}

/* Makes bit IDX of B equal VALUE. */
void
bitmap_set (struct bitmap *b, size_t idx, bool value)
{
  (value ? bitmap_mark : bitmap_reset) (b, idx);
}

/* Makes bit IDX of B 1.  bitmap_mark, bitmap_reset and bitmap_flip
   each change their word with one atomic instruction, so neither an
   interrupt handler nor another CPU touching other bits of the same
   word can lose the update. */
void
bitmap_mark (struct bitmap *b, size_t idx)
{
  ASSERT (b != NULL && idx < b->bit_cnt);
  __atomic_fetch_or (bitmap_word_of (b, idx), bitmap_mask_of (idx),
                     __ATOMIC_SEQ_CST);
}

/* Makes bit IDX of B 0.  Atomic, like bitmap_mark. */
void
bitmap_reset (struct bitmap *b, size_t idx)
{
  ASSERT (b != NULL && idx < b->bit_cnt);
  __atomic_fetch_and (bitmap_word_of (b, idx), ~bitmap_mask_of (idx),
                      __ATOMIC_SEQ_CST);
}

/* Inverts bit IDX of B.  Atomic, like bitmap_mark. */
void
bitmap_flip (struct bitmap *b, size_t idx)
{
  ASSERT (b != NULL && idx < b->bit_cnt);
  __atomic_fetch_xor (bitmap_word_of (b, idx), bitmap_mask_of (idx),
                      __ATOMIC_SEQ_CST);
}

/* Value of bit IDX of B. */
bool
bitmap_test (const struct bitmap *b, size_t idx)
{
  ASSERT (b != NULL && idx < b->bit_cnt);
  return (*bitmap_word_of (b, idx) & bitmap_mask_of (idx)) != 0;
}

/* Size of B in bits. */
size_t
bitmap_size (const struct bitmap *b)
{
  ASSERT (b != NULL);
  return b->bit_cnt;
}

/* Checks that the CNT bits from START lie inside B. */
static void
bitmap_check_range (const struct bitmap *b, size_t start, size_t cnt)
{
  ASSERT (b != NULL);
  ASSERT (start <= b->bit_cnt);
  ASSERT (cnt <= b->bit_cnt - start);
}

/* Makes the CNT bits of B from START on equal VALUE.  The range must
   lie inside B.  Not atomic as a whole. */
void
bitmap_set_multiple (struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t idx;

  bitmap_check_range (b, start, cnt);
  for (idx = start; idx < start + cnt; idx++)
    bitmap_set (b, idx, value);
}

/* Makes every bit of B equal VALUE. */
void
bitmap_set_all (struct bitmap *b, bool value)
{
  bitmap_set_multiple (b, 0, bitmap_size (b), value);
}

/* Index of the first bit of B in [START, END) that equals VALUE, or
   END if there is none.  Whole words that cannot hold such a bit are
   skipped at once. */
static size_t
bitmap_find (const struct bitmap *b, size_t start, size_t end, bool value)
{
  uint32_t boring = value ? 0 : UINT32_MAX;
  size_t idx = start;

  while (idx < end)
    {
      if (idx % BITMAP_WORD_BITS == 0 && *bitmap_word_of (b, idx) == boring)
        idx += BITMAP_WORD_BITS;
      else if (bitmap_test (b, idx) == value)
        return idx;
      else
        idx++;
    }
  return end;
}

/* Counts the bits equal to VALUE among the CNT bits of B from START
   on.  The range must lie inside B. */
size_t
bitmap_count (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t end = start + cnt;
  size_t total = 0;
  size_t idx;

  bitmap_check_range (b, start, cnt);
  for (idx = bitmap_find (b, start, end, value); idx < end;
       idx = bitmap_find (b, idx + 1, end, value))
    total++;
  return total;
}

/* True if some bit of B among the CNT from START equals VALUE; the
   range must lie inside B.  Shared by the range queries below. */
static bool
bitmap_range_has (const struct bitmap *b, size_t start, size_t cnt,
                  bool value)
{
  bitmap_check_range (b, start, cnt);
  return bitmap_find (b, start, start + cnt, value) != start + cnt;
}

/* True if at least one of the CNT bits of B from START on equals
   VALUE.  The range must lie inside B; an empty range contains
   nothing. */
bool
bitmap_contains (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  return bitmap_range_has (b, start, cnt, value);
}

/* True if some bit of B in the CNT from START is 1. */
bool
bitmap_any (const struct bitmap *b, size_t start, size_t cnt)
{
  return bitmap_range_has (b, start, cnt, true);
}

/* True if no bit of B in the CNT from START is 1. */
bool
bitmap_none (const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_range_has (b, start, cnt, true);
}

/* True if every bit of B in the CNT from START is 1. */
bool
bitmap_all (const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_range_has (b, start, cnt, false);
}

/* Like bitmap_scan, and then inverts the run it found, so that a run
   of free (0) bits becomes used in one call.  Returns the run's first
   index, or BITMAP_ERROR, in which case B is unchanged.  Finding and
   inverting together are not atomic: the caller locks B. */
size_t
bitmap_scan_and_flip (struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t found = bitmap_scan (b, start, cnt, value);

  if (found == BITMAP_ERROR)
    return BITMAP_ERROR;
  bitmap_set_multiple (b, found, cnt, !value);
  return found;
}

/* Finds the lowest index at or after START where CNT bits in a row of
   B all equal VALUE, and returns it; returns BITMAP_ERROR if there is
   no such run.  A CNT of 0 is found at START.  START must be at most
   B's size.

   One pass: a candidate run starts at the first bit equal to VALUE;
   when the bit that ends the candidate early is found, the next
   candidate starts after it. */
size_t
bitmap_scan (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t run;

  ASSERT (b != NULL);
  ASSERT (start <= b->bit_cnt);
  if (cnt == 0)
    return start;
  run = bitmap_find (b, start, b->bit_cnt, value);
  while (cnt <= b->bit_cnt - run)
    {
      size_t breaker = bitmap_find (b, run, run + cnt, !value);
      if (breaker == run + cnt)
        return run;
      run = bitmap_find (b, breaker + 1, b->bit_cnt, value);
    }
  return BITMAP_ERROR;
}

/* Prints B's storage words in hexadecimal on the console, for
   debugging.  Bit 0 is the low bit of the first byte printed. */
void
bitmap_dump (const struct bitmap *b)
{
  ASSERT (b != NULL);
  hex_dump (0, b->words, bitmap_word_cnt (b->bit_cnt) * sizeof (uint32_t),
            false);
}
