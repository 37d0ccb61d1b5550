/* Bitmaps: see bitmap.h.  Bits are stored in an array of unsigned
   longs ("words"), bit I in word I / BITMAP_WORD_BITS.  Bits past the
   end of the last word are kept 0. */
#include "bitmap.h"
#include <debug.h>
#include <limits.h>
#include <round.h>
#include <stdio.h>
#include <string.h>
#include "threads/malloc.h"

/* Bits in one word of the array. */
#define BITMAP_WORD_BITS (sizeof (unsigned long) * CHAR_BIT)

/* A bitmap: BIT_CNT bits, stored in BITS. */
struct bitmap
  {
    size_t bit_cnt;             /* Number of bits. */
    unsigned long *bits;        /* Words holding the bits. */
  };

/* Returns the index of the word that holds bit IDX. */
static inline size_t
bitmap_word_idx (size_t idx)
{
  return idx / BITMAP_WORD_BITS;
}

/* Returns the mask of bit IDX within its word. */
static inline unsigned long
bitmap_bit_mask (size_t idx)
{
  return 1ul << (idx % BITMAP_WORD_BITS);
}

/* Returns the number of words needed for BIT_CNT bits. */
static inline size_t
bitmap_word_cnt (size_t bit_cnt)
{
  return DIV_ROUND_UP (bit_cnt, BITMAP_WORD_BITS);
}

/* Returns the number of bytes needed for BIT_CNT bits. */
static inline size_t
bitmap_byte_cnt (size_t bit_cnt)
{
  return sizeof (unsigned long) * bitmap_word_cnt (bit_cnt);
}

/* Makes B a bitmap of BIT_CNT bits, all 0, stored in BITS, which has
   room for them rounded up to whole words. */
static void
bitmap_init (struct bitmap *b, size_t bit_cnt, unsigned long *bits)
{
  b->bit_cnt = bit_cnt;
  b->bits = bits;
  memset (bits, 0, bitmap_byte_cnt (bit_cnt));
}

/* Returns a new bitmap of BIT_CNT bits, all 0, allocated with malloc,
   or NULL if memory is short. */
struct bitmap *
bitmap_create (size_t bit_cnt)
{
  struct bitmap *b = malloc (sizeof *b);
  unsigned long *bits;

  if (b == NULL)
    return NULL;
  bits = malloc (bitmap_byte_cnt (bit_cnt));
  if (bits == NULL && bit_cnt > 0)
    {
      free (b);
      return NULL;
    }
  bitmap_init (b, bit_cnt, bits);
  return b;
}

/* Returns a bitmap of BIT_CNT bits, all 0, built in the BYTE_CNT
   bytes at BLOCK, which must be at least bitmap_buf_size (BIT_CNT)
   and aligned for an unsigned long.  For use before malloc works. */
struct bitmap *
bitmap_create_in_buf (size_t bit_cnt, void *block, size_t byte_cnt)
{
  struct bitmap *b = block;

  ASSERT (byte_cnt >= bitmap_buf_size (bit_cnt));

  bitmap_init (b, bit_cnt, (unsigned long *) (b + 1));
  return b;
}

/* Returns the bytes bitmap_create_in_buf needs for BIT_CNT bits. */
size_t
bitmap_buf_size (size_t bit_cnt)
{
  return sizeof (struct bitmap) + bitmap_byte_cnt (bit_cnt);
}

/* Frees B, which bitmap_create made.  B may be null. */
void
bitmap_destroy (struct bitmap *b)
{
  if (b != NULL)
    {
      free (b->bits);
      free (b);
    }
}

/* Returns the number of bits in B. */
size_t
bitmap_size (const struct bitmap *b)
{
  return b->bit_cnt;
}

/* Sets bit IDX of B to VALUE. */
void
bitmap_set (struct bitmap *b, size_t idx, bool value)
{
  if (value)
    bitmap_mark (b, idx);
  else
    bitmap_reset (b, idx);
}

/* Sets bit IDX of B to 1.  Like bitmap_reset and bitmap_flip, this is
   one read-modify-write instruction, so an interrupt cannot split it
   (on one CPU) and interrupt handlers may use it too. */
void
bitmap_mark (struct bitmap *b, size_t idx)
{
  unsigned long *word = &b->bits[bitmap_word_idx (idx)];

  ASSERT (idx < b->bit_cnt);
  asm ("orl %1, %0" : "+m" (*word) : "r" (bitmap_bit_mask (idx)) : "cc");
}

/* Sets bit IDX of B to 0. */
void
bitmap_reset (struct bitmap *b, size_t idx)
{
  unsigned long *word = &b->bits[bitmap_word_idx (idx)];

  ASSERT (idx < b->bit_cnt);
  asm ("andl %1, %0" : "+m" (*word) : "r" (~bitmap_bit_mask (idx)) : "cc");
}

/* Inverts bit IDX of B. */
void
bitmap_flip (struct bitmap *b, size_t idx)
{
  unsigned long *word = &b->bits[bitmap_word_idx (idx)];

  ASSERT (idx < b->bit_cnt);
  asm ("xorl %1, %0" : "+m" (*word) : "r" (bitmap_bit_mask (idx)) : "cc");
}

/* Returns bit IDX of B. */
bool
bitmap_test (const struct bitmap *b, size_t idx)
{
  ASSERT (idx < b->bit_cnt);
  return (b->bits[bitmap_word_idx (idx)] & bitmap_bit_mask (idx)) != 0;
}

/* Sets every bit of B to VALUE. */
void
bitmap_set_all (struct bitmap *b, bool value)
{
  bitmap_set_multiple (b, 0, b->bit_cnt, value);
}

/* Checks that the CNT bits starting at START lie within B. */
static inline void
bitmap_check_range (const struct bitmap *b, size_t start, size_t cnt)
{
  ASSERT (start <= b->bit_cnt);
  ASSERT (cnt <= b->bit_cnt - start);
}

/* Sets the CNT bits of B starting at START to VALUE. */
void
bitmap_set_multiple (struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t i;

  bitmap_check_range (b, start, cnt);
  for (i = start; i < start + cnt; i++)
    bitmap_set (b, i, value);
}

/* Returns how many of the CNT bits of B starting at START are VALUE. */
size_t
bitmap_count (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t i, matches = 0;

  bitmap_check_range (b, start, cnt);
  for (i = start; i < start + cnt; i++)
    if (bitmap_test (b, i) == value)
      matches++;
  return matches;
}

/* Returns true if any of the CNT bits of B starting at START is
   VALUE. */
bool
bitmap_contains (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t i;

  bitmap_check_range (b, start, cnt);
  for (i = start; i < start + cnt; i++)
    if (bitmap_test (b, i) == value)
      return true;
  return false;
}

/* Returns true if any of the CNT bits of B starting at START is 1. */
bool
bitmap_any (const struct bitmap *b, size_t start, size_t cnt)
{
  return bitmap_contains (b, start, cnt, true);
}

/* Returns true if none of the CNT bits of B starting at START is 1. */
bool
bitmap_none (const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_contains (b, start, cnt, true);
}

/* Returns true if all of the CNT bits of B starting at START are 1. */
bool
bitmap_all (const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_contains (b, start, cnt, false);
}

/* Returns true if bit IDX of B starts a word in which no bit is
   VALUE, so a scan for VALUE may skip the whole word. */
static bool
bitmap_word_lacks (const struct bitmap *b, size_t idx, bool value)
{
  unsigned long word;

  if (idx % BITMAP_WORD_BITS != 0 || b->bit_cnt - idx < BITMAP_WORD_BITS)
    return false;
  word = b->bits[bitmap_word_idx (idx)];
  return value ? word == 0 : word == ~0ul;
}

/* Returns the index of the first run of CNT consecutive bits of B,
   all VALUE, at or after START, or BITMAP_ERROR if there is none.
   A run of 0 bits is found at START. */
size_t
bitmap_scan (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t idx = start;
  size_t run = 0;               /* VALUE bits just before IDX. */

  ASSERT (start <= b->bit_cnt);

  while (run < cnt && idx < b->bit_cnt)
    if (run == 0 && bitmap_word_lacks (b, idx, value))
      idx += BITMAP_WORD_BITS;
    else
      {
        run = bitmap_test (b, idx) == value ? run + 1 : 0;
        idx++;
      }
  return run == cnt ? idx - cnt : BITMAP_ERROR;
}

/* Finds a run as bitmap_scan does and, if there is one, inverts it to
   !VALUE.  Returns its index, or BITMAP_ERROR if there is none.
   Finding and flipping are not atomic: the caller must lock B against
   other users. */
size_t
bitmap_scan_and_flip (struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t idx = bitmap_scan (b, start, cnt, value);

  if (idx != BITMAP_ERROR)
    bitmap_set_multiple (b, idx, cnt, !value);
  return idx;
}

/* Prints the words of B in hexadecimal, for debugging.  Bit 0 is the
   lowest bit of the first word, which prints as its first byte's low
   bit. */
void
bitmap_dump (const struct bitmap *b)
{
  hex_dump (0, b->bits, bitmap_byte_cnt (b->bit_cnt), false);
}
