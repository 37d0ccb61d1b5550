/* Helpers of the base file-system tests, which are user programs:
   filling buffers with reproducible data, and writing a file in a
   chosen order of pieces and checking that it reads back whole. */
#ifndef TESTS_FILESYS_BASE_FSBASE_H
#define TESTS_FILESYS_BASE_FSBASE_H

#include <random.h>
#include <stddef.h>

/* Sizes of the small and large files of the sm- and lg- tests. */
#define FSBASE_SMALL 5000
#define FSBASE_LARGE 70000

/* The largest file these helpers write. */
#define FSBASE_MAX_SIZE 72000

/* How fsbase_write_check cuts the file into writes. */
enum fsbase_order
  {
    FSBASE_WHOLE,               /* One write of the whole file. */
    FSBASE_SEQ_BLOCK,           /* Equal pieces, first to last. */
    FSBASE_SEQ_RANDOM,          /* Pieces of random sizes, first to last. */
    FSBASE_RANDOM_BLOCKS        /* Equal pieces, in a shuffled order. */
  };

/* Fills the SIZE bytes of BUF with pseudo-random bytes, the same for
   the same SEED on every run.  Inline, so that the child programs need
   not link fsbase.c, whose two 72,000-byte buffers would cost each
   child about 35 pages of a small user pool. */
static inline void
fsbase_fill (void *buf, size_t size, unsigned seed)
{
  random_init (seed);
  random_bytes (buf, size);
}

void fsbase_create_check_zero (const char *name, size_t size);
void fsbase_write_check (const char *name, size_t size, enum fsbase_order);

#endif /* tests/filesys/base/fsbase.h */
