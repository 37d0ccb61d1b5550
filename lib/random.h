/* Pseudo-random numbers: deterministic for a given seed, so tests that
   use them produce the same output every run.  Not for cryptography. */
#ifndef LIB_RANDOM_H
#define LIB_RANDOM_H

#include <stddef.h>

void random_init (unsigned seed);
void random_bytes (void *, size_t);
unsigned long random_ulong (void);

#endif /* lib/random.h */
