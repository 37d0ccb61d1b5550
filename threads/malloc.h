/* Kernel heap: malloc and friends for blocks of any size, built on
   the page allocator. */
#ifndef THREADS_MALLOC_H
#define THREADS_MALLOC_H

#include <stddef.h>
#include <debug.h>

void malloc_init (void);
void *malloc (size_t) __attribute__ ((malloc));
void *calloc (size_t, size_t) __attribute__ ((malloc));
void *realloc (void *, size_t);
void free (void *);

#endif /* threads/malloc.h */
