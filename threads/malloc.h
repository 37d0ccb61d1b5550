/* Kernel heap: malloc and friends for blocks of any size, built on
   the page allocator. */
#ifndef THREADS_MALLOC_H
#define THREADS_MALLOC_H

#include <stddef.h>
#include <debug.h>

/* Boot: set up the size classes. */
void malloc_init (void);

/* The C library's heap interface, for kernel code. */
void free (void *);
void *realloc (void *, size_t);
void *calloc (size_t, size_t) __attribute__ ((malloc));
void *malloc (size_t) __attribute__ ((malloc));

#endif /* threads/malloc.h */
