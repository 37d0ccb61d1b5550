/* atoi, sorting and binary search.  Sorting is heapsort: O(n log n)
   in the worst case, no recursion and no extra memory, which suits a
   kernel thread's small stack. */
#include <stdlib.h>
#include <ctype.h>
#include <debug.h>
#include <stdbool.h>
#include <stdint.h>

/* Converts the decimal number at the start of STRING to an int:
   leading white space is skipped, then an optional sign, then digits
   up to the first non-digit.  Returns 0 if there are no digits.  A
   number too large for an int wraps around. */
int
atoi (const char *string)
{
  bool negative = false;
  unsigned value = 0;

  ASSERT (string != NULL);

  while (isspace ((unsigned char) *string))
    string++;
  if (*string == '+' || *string == '-')
    negative = *string++ == '-';
  for (; isdigit (*string); string++)
    value = value * 10 + (*string - '0');
  return negative ? (int) (0u - value) : (int) value;
}

/* An array being sorted, with 1-based element numbers (heap nodes). */
struct sort_array
  {
    uint8_t *base;              /* First element. */
    size_t size;                /* Bytes per element. */
    int (*compare) (const void *, const void *, void *);
    void *aux;                  /* Passed to COMPARE. */
  };

/* Returns the address of element number IDX (1-based) of A. */
static void *
sort_elem (const struct sort_array *a, size_t idx)
{
  return a->base + (idx - 1) * a->size;
}

/* Compares elements number I and J of A. */
static int
sort_compare (const struct sort_array *a, size_t i, size_t j)
{
  return a->compare (sort_elem (a, i), sort_elem (a, j), a->aux);
}

/* Swaps elements number I and J of A, byte by byte. */
static void
sort_swap (const struct sort_array *a, size_t i, size_t j)
{
  uint8_t *x = sort_elem (a, i);
  uint8_t *y = sort_elem (a, j);
  size_t k;

  for (k = 0; k < a->size; k++)
    {
      uint8_t t = x[k];
      x[k] = y[k];
      y[k] = t;
    }
}

/* Moves element number IDX of A down the heap of the first CNT
   elements until it is no smaller than its children.  The children of
   node I are nodes 2I and 2I+1. */
static void
sort_sift_down (const struct sort_array *a, size_t idx, size_t cnt)
{
  for (;;)
    {
      size_t child = 2 * idx;
      if (child > cnt)
        break;
      if (child < cnt && sort_compare (a, child + 1, child) > 0)
        child++;
      if (sort_compare (a, child, idx) <= 0)
        break;
      sort_swap (a, idx, child);
      idx = child;
    }
}

/* Sorts the CNT elements of SIZE bytes each at ARRAY into ascending
   order by COMPARE, which is passed AUX.  The sort is not stable. */
void
sort (void *array, size_t cnt, size_t size,
      int (*compare) (const void *, const void *, void *aux), void *aux)
{
  struct sort_array a = { array, size, compare, aux };
  size_t i;

  ASSERT (array != NULL || cnt == 0);
  ASSERT (compare != NULL);

  /* Build a max-heap, then repeatedly move its largest element to the
     end of the shrinking heap. */
  for (i = cnt / 2; i > 0; i--)
    sort_sift_down (&a, i, cnt);
  for (i = cnt; i > 1; i--)
    {
      sort_swap (&a, 1, i);
      sort_sift_down (&a, 1, i - 1);
    }
}

/* Calls the two-argument comparison function AUX points to. */
static int
sort_compare_plain (const void *x, const void *y, void *aux)
{
  int (**compare) (const void *, const void *) = aux;
  return (*compare) (x, y);
}

/* Sorts the CNT elements of SIZE bytes each at ARRAY into ascending
   order by COMPARE.  The sort is not stable. */
void
qsort (void *array, size_t cnt, size_t size,
       int (*compare) (const void *, const void *))
{
  sort (array, cnt, size, sort_compare_plain, &compare);
}

/* Searches the CNT elements of SIZE bytes each at ARRAY, sorted in
   ascending order by COMPARE (which is passed AUX), for one equal to
   KEY.  COMPARE gets KEY as its first argument.  Returns a matching
   element, or NULL if there is none. */
void *
binary_search (const void *key, const void *array, size_t cnt, size_t size,
               int (*compare) (const void *, const void *, void *aux),
               void *aux)
{
  const uint8_t *base = array;
  size_t low = 0;
  size_t high = cnt;            /* Candidates are [LOW, HIGH). */

  while (low < high)
    {
      size_t middle = low + (high - low) / 2;
      const uint8_t *elem = base + middle * size;
      int cmp = compare (key, elem, aux);

      if (cmp == 0)
        return (void *) elem;
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

/* Like binary_search, with a two-argument COMPARE. */
void *
bsearch (const void *key, const void *array, size_t cnt, size_t size,
         int (*compare) (const void *, const void *))
{
  return binary_search (key, array, cnt, size, sort_compare_plain, &compare);
}
