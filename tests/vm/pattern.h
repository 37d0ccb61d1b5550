/* Data for the virtual-memory tests: 32-bit words that depend on a
   seed and on their position, so that a page that is lost, stale, or
   swapped with another shows up as a mismatch at a known offset. */
#ifndef TESTS_VM_PATTERN_H
#define TESTS_VM_PATTERN_H

#include <stddef.h>
#include <stdint.h>

uint32_t pattern_word (unsigned seed, size_t index);
void pattern_fill (void *buf, size_t size, unsigned seed);
void pattern_check (const void *buf, size_t size, unsigned seed,
                    const char *what);

#endif /* tests/vm/pattern.h */
