/* Conversion, sorting and searching. */
#ifndef LIB_STDLIB_H
#define LIB_STDLIB_H

#include <stddef.h>

/* Decimal string to int. */
int atoi (const char *);

/* Sorting and binary search of arrays of equally sized elements,
   ordered by a comparison function that returns negative, zero or
   positive as its first argument is less than, equal to or greater
   than its second. */
void qsort (void *array, size_t cnt, size_t size,
            int (*compare) (const void *, const void *));
void *bsearch (const void *key, const void *array, size_t cnt,
               size_t size, int (*compare) (const void *, const void *));

/* The same, with an AUX argument passed through to COMPARE. */
void sort (void *array, size_t cnt, size_t size,
           int (*compare) (const void *, const void *, void *aux),
           void *aux);
void *binary_search (const void *key, const void *array, size_t cnt,
                     size_t size,
                     int (*compare) (const void *, const void *, void *aux),
                     void *aux);

#endif /* lib/stdlib.h */
