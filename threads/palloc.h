/* Page allocator: hands out page-sized (or page-multiple) chunks of
   physical memory from a kernel pool and a user pool. */
#ifndef THREADS_PALLOC_H
#define THREADS_PALLOC_H

#include <stddef.h>

/* Options of an allocation, combined with '|'. */
enum palloc_flags
  {
    PAL_ASSERT = 001,           /* Out of pages is a kernel panic. */
    PAL_ZERO = 002,             /* Clear the pages before returning. */
    PAL_USER = 004              /* Take them from the user pool. */
  };

/* Boot: split RAM between the pools. */
void palloc_init (size_t user_page_limit);

/* Runs of pages, and the single-page shorthands. */
void *palloc_get_multiple (enum palloc_flags, size_t page_cnt);
void palloc_free_multiple (void *, size_t page_cnt);
void *palloc_get_page (enum palloc_flags);
void palloc_free_page (void *);

/* Free pages in the kernel pool plus the user pool: tests compare it
   before and after work to prove nothing leaked. */
size_t palloc_free_count (void);

#endif /* threads/palloc.h */
