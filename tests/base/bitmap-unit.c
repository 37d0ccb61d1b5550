/* Unit test of the bitmap library (lib/kernel/bitmap.c).  For bitmaps
   of sizes around the word boundaries, random operations are applied
   both to the bitmap and to a plain array of bools, the "model", and
   every query is compared with the answer the model gives.  Also
   checks bitmaps in caller-supplied buffers and that destroying
   bitmaps frees their memory. */

#include <bitmap.h>
#include <random.h>
#include <stdio.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

/* Largest bitmap tested. */
#define BITMAP_UNIT_MAX 1000

/* Random operations per bitmap, and random queries after each. */
#define BITMAP_UNIT_OPS 200
#define BITMAP_UNIT_QUERIES 3

/* What the bitmap under test should hold. */
static bool bitmap_unit_model[BITMAP_UNIT_MAX];

/* Returns a random number in [0, N). */
static size_t
rnd (size_t n)
{
  return random_ulong () % n;
}

/* Naive versions of the queries, on the model. */

/* Number of bits in [START, START + CNT) of the model equal to VALUE. */
static size_t
model_count (size_t start, size_t cnt, bool value)
{
  size_t i, n = 0;

  for (i = start; i < start + cnt; i++)
    n += bitmap_unit_model[i] == value;
  return n;
}

/* First index at or after START of CNT (at least 1) model bits all
   equal to VALUE within the first SIZE bits, or BITMAP_ERROR. */
static size_t
model_scan (size_t size, size_t start, size_t cnt, bool value)
{
  size_t i, run = 0;

  for (i = start; i < size; i++)
    {
      run = bitmap_unit_model[i] == value ? run + 1 : 0;
      if (run == cnt)
        return i + 1 - cnt;
    }
  return BITMAP_ERROR;
}

/* Sets model bits [START, START + CNT) to VALUE. */
static void
model_set (size_t start, size_t cnt, bool value)
{
  size_t i;

  for (i = start; i < start + cnt; i++)
    bitmap_unit_model[i] = value;
}

/* Checks every bit of B against the model. */
static void
compare_bits (const struct bitmap *b)
{
  size_t i;

  for (i = 0; i < bitmap_size (b); i++)
    CHECK (bitmap_test (b, i) == bitmap_unit_model[i],
           "size %zu: bit %zu is %d, expected %d", bitmap_size (b), i,
           bitmap_test (b, i), bitmap_unit_model[i]);
}

/* Asks B the range questions about a random range and compares the
   answers with the model's. */
static void
compare_range (const struct bitmap *b)
{
  size_t size = bitmap_size (b);
  size_t start = rnd (size + 1);
  size_t cnt = rnd (size - start + 1);
  size_t ones = model_count (start, cnt, true);
  size_t scan_cnt = 1 + rnd (size / 4 + 2);
  bool value = rnd (2);

  check_uint ("bitmap_count of ones",
              bitmap_count (b, start, cnt, true), ones);
  check_uint ("bitmap_count of zeros",
              bitmap_count (b, start, cnt, false), cnt - ones);
  CHECK (bitmap_contains (b, start, cnt, value)
         == (model_count (start, cnt, value) > 0),
         "size %zu: bitmap_contains (%zu, %zu, %d) is wrong",
         size, start, cnt, value);
  CHECK (bitmap_any (b, start, cnt) == (ones > 0),
         "size %zu: bitmap_any", size);
  CHECK (bitmap_none (b, start, cnt) == (ones == 0),
         "size %zu: bitmap_none", size);
  CHECK (bitmap_all (b, start, cnt) == (ones == cnt),
         "size %zu: bitmap_all", size);
  check_uint ("bitmap_scan", bitmap_scan (b, start, scan_cnt, value),
              model_scan (size, start, scan_cnt, value));
}

/* Applies one random change to B and the model. */
static void
random_change (struct bitmap *b)
{
  size_t size = bitmap_size (b);
  size_t idx = rnd (size), start = rnd (size), cnt = rnd (size - start) + 1;
  bool value = rnd (2);

  switch (rnd (7))
    {
    case 0: bitmap_set (b, idx, value); bitmap_unit_model[idx] = value; break;
    case 1: bitmap_mark (b, idx); bitmap_unit_model[idx] = true; break;
    case 2: bitmap_reset (b, idx); bitmap_unit_model[idx] = false; break;
    case 3:
      bitmap_flip (b, idx);
      bitmap_unit_model[idx] = !bitmap_unit_model[idx];
      break;
    case 4:
      bitmap_set_multiple (b, start, cnt, value);
      model_set (start, cnt, value);
      break;
    case 5:
      {
        size_t want = model_scan (size, 0, cnt, value);
        check_uint ("bitmap_scan_and_flip",
                    bitmap_scan_and_flip (b, 0, cnt, value), want);
        if (want != BITMAP_ERROR)
          model_set (want, cnt, !value);
        break;
      }
    default:
      if (rnd (8) == 0)
        {
          bitmap_set_all (b, value);
          model_set (0, size, value);
        }
      break;
    }
}

/* Fixed checks at the ends of a bitmap B of SIZE bits, all false on
   entry: marks the first and last bits, then clears them again. */
static void
check_edges (struct bitmap *b, size_t size)
{
  size_t last = size - 1;

  bitmap_mark (b, 0);
  bitmap_mark (b, last);
  check_uint ("count with first and last set",
              bitmap_count (b, 0, size, true), size > 1 ? 2 : 1);
  check_uint ("scan for the last bit", bitmap_scan (b, 1, 1, true),
              size > 1 ? last : BITMAP_ERROR);
  check_uint ("scan for more bits than exist",
              bitmap_scan (b, 0, size + 1, false), BITMAP_ERROR);
  CHECK (bitmap_none (b, 0, 0) && bitmap_all (b, 0, 0)
         && !bitmap_any (b, 0, 0),
         "size %zu: empty ranges answered wrongly", size);
  bitmap_reset (b, 0);
  bitmap_reset (b, last);
  CHECK (bitmap_none (b, 0, size), "size %zu: bits left set", size);
}

/* Runs the model test on a new bitmap of SIZE bits. */
static void
test_size (size_t size)
{
  struct bitmap *b = bitmap_create (size);
  int op, q;

  CHECK (b != NULL, "bitmap_create (%zu) failed", size);
  check_uint ("bitmap_size", bitmap_size (b), size);
  model_set (0, size, false);
  compare_bits (b);
  check_edges (b, size);
  for (op = 0; op < BITMAP_UNIT_OPS; op++)
    {
      random_change (b);
      compare_bits (b);
      for (q = 0; q < BITMAP_UNIT_QUERIES; q++)
        compare_range (b);
    }
  bitmap_destroy (b);
  msg ("size %4zu: edges and %d random operations match the model",
       size, BITMAP_UNIT_OPS);
}

/* A bitmap placed in a buffer of exactly bitmap_buf_size bytes. */
static void
test_in_buf (void)
{
  size_t size = BITMAP_UNIT_MAX;
  size_t buf_size = bitmap_buf_size (size);
  void *buf = malloc (buf_size);
  struct bitmap *b;

  CHECK (buf != NULL, "out of memory");
  CHECK (buf_size >= (size + 7) / 8, "bitmap_buf_size (%zu) is only %zu",
         size, buf_size);
  b = bitmap_create_in_buf (size, buf, buf_size);
  CHECK (b != NULL, "bitmap_create_in_buf failed");
  check_uint ("bitmap_size of a bitmap in a buffer", bitmap_size (b), size);
  bitmap_set_all (b, true);
  check_uint ("count after set_all", bitmap_count (b, 0, size, true), size);
  check_uint ("scan_and_flip of a full bitmap",
              bitmap_scan_and_flip (b, 0, 1, false), BITMAP_ERROR);
  bitmap_set_multiple (b, 500, 20, false);
  check_uint ("scan_and_flip of the gap",
              bitmap_scan_and_flip (b, 0, 20, false), 500);
  CHECK (bitmap_all (b, 0, size), "gap not filled");
  free (buf);
  msg ("bitmap of %zu bits in a buffer: set_all, scan_and_flip", size);
}

/* Runs that straddle word boundaries, and searches that must pass
   over whole words holding none of the wanted bits. */
static void
test_word_runs (void)
{
  struct bitmap *b = bitmap_create (96);

  CHECK (b != NULL, "bitmap_create (96) failed");
  bitmap_set_all (b, true);
  bitmap_set_multiple (b, 30, 5, false);
  check_uint ("scan for 5 clear bits across a word boundary",
              bitmap_scan (b, 0, 5, false), 30);
  check_uint ("scan for 6 clear bits where only 5 exist",
              bitmap_scan (b, 0, 6, false), BITMAP_ERROR);
  check_uint ("scan from inside the run", bitmap_scan (b, 32, 3, false), 32);
  check_uint ("count of the clear run", bitmap_count (b, 0, 96, false), 5);
  bitmap_set_all (b, false);
  bitmap_mark (b, 63);
  bitmap_mark (b, 64);
  bitmap_mark (b, 95);
  check_uint ("scan past a clear word", bitmap_scan (b, 0, 1, true), 63);
  check_uint ("scan for a set pair across words",
              bitmap_scan (b, 0, 2, true), 63);
  check_uint ("scan for a set triple", bitmap_scan (b, 0, 3, true),
              BITMAP_ERROR);
  check_uint ("scan for the last bit past a clear stretch",
              bitmap_scan (b, 65, 1, true), 95);
  check_uint ("count of set bits", bitmap_count (b, 0, 96, true), 3);
  check_uint ("count of set bits from 64", bitmap_count (b, 64, 32, true), 2);
  CHECK (bitmap_none (b, 0, 63) && bitmap_any (b, 60, 4)
         && bitmap_all (b, 63, 2) && !bitmap_all (b, 63, 3),
         "range queries across words answered wrongly");
  bitmap_destroy (b);
  msg ("runs across word boundaries found");
}

/* Runs the model test for each size, then the buffer case, and
   checks that no page leaked. */
static void
bitmap_unit_test (void)
{
  static const size_t sizes[] = { 1, 31, 32, 33, 64, BITMAP_UNIT_MAX };
  size_t free_before = palloc_free_count ();
  size_t i;

  random_init (0xb17);
  for (i = 0; i < sizeof sizes / sizeof *sizes; i++)
    test_size (sizes[i]);
  test_in_buf ();
  test_word_runs ();
  check_uint ("free pages after destroying the bitmaps",
              palloc_free_count (), free_before);
  msg ("no pages leaked");
}

KTEST ("bitmap-unit", bitmap_unit_test);
