/* Part of the string-unit test: <stdlib.h> (atoi, sorting, binary
   search) and the determinism of <random.h>. */

#include <random.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "tests/base/check.h"
#include "tests/base/string-unit.h"
#include "tests/ktest.h"

/* Elements sorted, and the bound on their values. */
#define SORT_CNT 300
#define SORT_RANGE 1000

/* Numbers drawn to compare two runs of the generator. */
#define RANDOM_CNT 32

/* Orders ints ascending.  For qsort and bsearch. */
static int
int_compare (const void *a_, const void *b_)
{
  const int *a = a_, *b = b_;
  return *a < *b ? -1 : *a > *b;
}

/* Orders ints ascending, or descending if *AUX (a bool) is true.
   For sort and binary_search. */
static int
int_compare_aux (const void *a, const void *b, void *aux)
{
  bool descending = *(bool *) aux;
  return descending ? int_compare (b, a) : int_compare (a, b);
}

/* atoi: signs, leading blanks, trailing junk. */
static void
test_atoi (void)
{
  check_int ("atoi (\"  -123\")", atoi ("  -123"), -123);
  check_int ("atoi (\"+42\")", atoi ("+42"), 42);
  check_int ("atoi (\"12abc\")", atoi ("12abc"), 12);
  check_int ("atoi (\"\")", atoi (""), 0);
  check_int ("atoi (\"-2147483648\")", atoi ("-2147483648"), -2147483648LL);
  msg ("atoi: signs, blanks and trailing characters handled");
}

/* Checks that ARRAY, sorted ascending (or descending if DESCENDING),
   is a permutation of the values counted in COUNTS, which it leaves
   all zero. */
static void
check_sorted (const int *array, int *counts, bool descending)
{
  int i;

  for (i = 0; i < SORT_CNT; i++)
    {
      if (i > 0)
        CHECK (descending ? array[i - 1] >= array[i]
                          : array[i - 1] <= array[i],
               "element %d (%d) out of order after %d", i, array[i],
               array[i - 1]);
      counts[array[i]]--;
    }
  for (i = 0; i < SORT_RANGE; i++)
    CHECK (counts[i] == 0, "sorting changed how many %ds there are", i);
}

/* Fills ARRAY with random values below SORT_RANGE, counting each in
   COUNTS. */
static void
fill_random (int *array, int *counts)
{
  int i;

  memset (counts, 0, SORT_RANGE * sizeof *counts);
  for (i = 0; i < SORT_CNT; i++)
    {
      array[i] = random_ulong () % SORT_RANGE;
      counts[array[i]]++;
    }
}

/* An element wider than a word, to check that whole elements move. */
struct sort_triple
  {
    int key, a, b;
  };

/* Orders sort_triples by key.  For qsort. */
static int
triple_compare (const void *x, const void *y)
{
  const struct sort_triple *p = x, *q = y;
  return (p->key > q->key) - (p->key < q->key);
}

/* Sorting arrays of 12-byte elements, and of 1 and 2 ints. */
static void
test_sort_shapes (void)
{
  struct sort_triple t[5] = { { 3, 30, 300 }, { 1, 10, 100 },
                              { 4, 40, 400 }, { 0, 0, 0 },
                              { 2, 20, 200 } };
  int one[1] = { 5 }, two[2] = { 9, 4 };
  int i;

  qsort (t, 5, sizeof *t, triple_compare);
  for (i = 0; i < 5; i++)
    CHECK (t[i].key == i && t[i].a == 10 * i && t[i].b == 100 * i,
           "12-byte element %d is {%d, %d, %d}", i, t[i].key, t[i].a,
           t[i].b);
  qsort (one, 1, sizeof *one, int_compare);
  check_int ("qsort of 1 element", one[0], 5);
  qsort (two, 2, sizeof *two, int_compare);
  CHECK (two[0] == 4 && two[1] == 9, "qsort of 2 elements gave %d %d",
         two[0], two[1]);
}

/* qsort and sort, then bsearch and binary_search for every value. */
static void
test_sort_search (void)
{
  static int array[SORT_CNT], counts[SORT_RANGE];
  bool descending = true;
  int key, i;

  fill_random (array, counts);
  qsort (array, SORT_CNT, sizeof *array, int_compare);
  check_sorted (array, counts, false);
  for (i = 0; i < SORT_CNT; i++)
    {
      int *found = bsearch (&array[i], array, SORT_CNT, sizeof *array,
                            int_compare);
      CHECK (found != NULL && *found == array[i], "bsearch lost %d", array[i]);
    }
  key = SORT_RANGE;
  check_ptr ("bsearch of an absent key",
             bsearch (&key, array, SORT_CNT, sizeof *array, int_compare),
             NULL);
  check_ptr ("bsearch of an empty array",
             bsearch (&key, array, 0, sizeof *array, int_compare), NULL);

  fill_random (array, counts);
  sort (array, SORT_CNT, sizeof *array, int_compare_aux, &descending);
  check_sorted (array, counts, true);
  key = array[SORT_CNT / 2];
  CHECK (binary_search (&key, array, SORT_CNT, sizeof *array,
                        int_compare_aux, &descending) != NULL,
         "binary_search lost %d", key);
  qsort (array, 0, sizeof *array, int_compare);
  msg ("qsort, sort: %d random ints ordered; bsearch finds each",
       SORT_CNT);
}

/* Runs the <stdlib.h> checks. */
void
string_unit_stdlib (void)
{
  test_atoi ();
  test_sort_shapes ();
  test_sort_search ();
}

/* Seeds the generator with SEED and fills NUMBERS with RANDOM_CNT
   numbers from it. */
static void
draw (unsigned seed, unsigned long *numbers)
{
  int i;

  random_init (seed);
  for (i = 0; i < RANDOM_CNT; i++)
    numbers[i] = random_ulong ();
}

/* The generator repeats itself exactly for the same seed, and
   differs for another seed. */
void
string_unit_random (void)
{
  unsigned long a[RANDOM_CNT], b[RANDOM_CNT];
  unsigned char bytes_a[37], bytes_b[37];
  int distinct = 0, i;

  draw (42, a);
  draw (42, b);
  CHECK (!memcmp (a, b, sizeof a), "seed 42 gave two different sequences");
  draw (43, b);
  CHECK (memcmp (a, b, sizeof a), "seeds 42 and 43 gave the same sequence");
  for (i = 1; i < RANDOM_CNT; i++)
    distinct += a[i] != a[0];
  CHECK (distinct > RANDOM_CNT / 2, "seed 42 gave a nearly constant sequence");

  random_init (7);
  random_bytes (bytes_a, sizeof bytes_a);
  random_init (7);
  random_bytes (bytes_b, sizeof bytes_b);
  CHECK (!memcmp (bytes_a, bytes_b, sizeof bytes_a),
         "random_bytes differ for the same seed");
  msg ("random: same seed, same numbers; another seed, other numbers");
}
