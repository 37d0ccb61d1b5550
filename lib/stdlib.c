/* atoi, sorting and binary search.  Sorting is a Shell sort that
   works in place without recursion. */
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

/* An array being sorted or searched: where it is, how big an
   element is, and how two elements compare. */
struct stdlib_array
  {
    unsigned char *base;        /* Element 0. */
    size_t size;                /* Bytes per element. */
    int (*compare) (const void *, const void *, void *);
    void *aux;                  /* Last argument of COMPARE. */
  };

/* Address of element IDX (0-based) of A. */
static unsigned char *
stdlib_at (const struct stdlib_array *a, size_t idx)
{
  return a->base + idx * a->size;
}

/* Exchanges the contents of elements I and J of A. */
static void
stdlib_exchange (const struct stdlib_array *a, size_t i, size_t j)
{
  unsigned char *x = stdlib_at (a, i);
  unsigned char *y = stdlib_at (a, j);
  size_t n;

  for (n = 0; n < a->size; n++)
    {
      unsigned char keep = x[n];
      x[n] = y[n];
      y[n] = keep;
    }
}

/* True if element I of A must come after element J. */
static bool
stdlib_after (const struct stdlib_array *a, size_t i, size_t j)
{
  return a->compare (stdlib_at (a, i), stdlib_at (a, j), a->aux) > 0;
}

/* Sorts the CNT elements of SIZE bytes at ARRAY into ascending order
   by COMPARE, which is called with two elements and AUX and returns
   negative, zero or positive as the first is less than, equal to or
   greater than the second.  Not stable.

   Shell sort: insertion sorts of the elements GAP apart, for gaps
   1, 4, 13, 40, ... taken from the largest below CNT down to 1.  It
   needs no extra memory and no recursion, which suits a small kernel
   stack. */
void
sort (void *array, size_t cnt, size_t size,
      int (*compare) (const void *, const void *, void *aux), void *aux)
{
  struct stdlib_array a = { array, size, compare, aux };
  size_t gap = 1;

  ASSERT (array != NULL || cnt == 0);
  ASSERT (compare != NULL);
  while (gap < cnt / 3)
    gap = 3 * gap + 1;
  for (; gap > 0; gap /= 3)
    {
      size_t i, j;

      for (i = gap; i < cnt; i++)
        for (j = i; j >= gap && stdlib_after (&a, j - gap, j); j -= gap)
          stdlib_exchange (&a, j - gap, j);
    }
}

/* Looks for an element equal to KEY in the CNT elements of SIZE bytes
   at ARRAY, which must be sorted by COMPARE.  COMPARE is called as
   COMPARE (KEY, element, AUX) and answers like sort's.  Returns a
   matching element (any one, if several match), or NULL. */
void *
binary_search (const void *key, const void *array, size_t cnt,
               size_t size,
               int (*compare) (const void *, const void *, void *aux),
               void *aux)
{
  const unsigned char *base = array;
  size_t low = 0, high = cnt;       /* Candidates: [low, high). */

  ASSERT (array != NULL || cnt == 0);
  ASSERT (compare != NULL);
  while (low < high)
    {
      size_t mid = low + (high - low) / 2;
      const void *elem = base + mid * size;
      int order = compare (key, elem, aux);

      if (order == 0)
        return (void *) elem;
      if (order < 0)
        high = mid;
      else
        low = mid + 1;
    }
  return NULL;
}

/* A two-argument comparison carried through sort's AUX, so that
   qsort and bsearch can share sort and binary_search. */
struct stdlib_plain
  {
    int (*compare) (const void *, const void *);
  };

/* Calls the two-argument comparison in AUX, a struct stdlib_plain,
   on A and B. */
static int
stdlib_call_plain (const void *a, const void *b, void *aux)
{
  const struct stdlib_plain *plain = aux;

  return plain->compare (a, b);
}

/* Standard C qsort: sort with a COMPARE that takes no AUX. */
void
qsort (void *array, size_t cnt,
       size_t size, int (*compare) (const void *, const void *))
{
  struct stdlib_plain plain = { compare };

  sort (array, cnt, size, stdlib_call_plain, &plain);
}

/* Standard C bsearch: binary_search with a COMPARE that takes no
   AUX. */
void *
bsearch (const void *key, const void *array, size_t cnt, size_t size,
         int (*compare) (const void *, const void *))
{
  struct stdlib_plain plain = { compare };

  return binary_search (key, array, cnt, size, stdlib_call_plain, &plain);
}
