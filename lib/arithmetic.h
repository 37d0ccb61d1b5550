/* The 64-bit division helpers of lib/arithmetic.c.  gcc emits calls
   to them for "/" and "%" on 64-bit operands on i386 and declares
   none of them itself; this header declares them for their definition
   and for the kernel's export table (modules divide too). */
#ifndef LIB_ARITHMETIC_H
#define LIB_ARITHMETIC_H

#include <stdint.h>

uint64_t __udivmoddi4 (uint64_t, uint64_t, uint64_t *);
int64_t __divmoddi4 (int64_t, int64_t, int64_t *);
uint64_t __udivdi3 (uint64_t, uint64_t);
uint64_t __umoddi3 (uint64_t, uint64_t);
int64_t __divdi3 (int64_t, int64_t);
int64_t __moddi3 (int64_t, int64_t);

#endif /* lib/arithmetic.h */
