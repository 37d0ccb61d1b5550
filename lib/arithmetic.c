/* 64-bit integer division for 32-bit x86.  The processor divides at
   most a 64-bit number by a 32-bit one, so for "/" and "%" on 64-bit
   operands gcc emits calls to the helpers below, which its own runtime
   library normally provides.  They are built from the 32-bit "divl"
   instruction plus 64-bit shifts, multiplications and subtractions,
   which gcc does inline; nothing here may divide two 64-bit numbers
   in C, or the helper would call itself.

   Division by zero ends in "divl" with a zero divisor, which raises
   the divide-error exception just as 32-bit division does. */
#include <arithmetic.h>
#include <stddef.h>
#include <stdint.h>

/* Divides NUMERATOR by DIVISOR with one "divl", storing the remainder
   in *REMAINDER.  The quotient must fit in 32 bits, that is, the high
   word of NUMERATOR must be less than DIVISOR, or the processor
   raises a divide error. */
static uint32_t
arith_divl (uint64_t numerator, uint32_t divisor, uint32_t *remainder)
{
  uint32_t high = numerator >> 32;
  uint32_t low = numerator;
  uint32_t quotient;

  asm ("divl %4"
       : "=a" (quotient), "=d" (*remainder)
       : "a" (low), "d" (high), "rm" (divisor));
  return quotient;
}

/* Divides N by a divisor D that fits in 32 bits, as long division
   with two 32-bit digits: first the high word, then the remainder
   joined with the low word.  Stores the remainder in *REMAINDER. */
static uint64_t
arith_udivmod_small (uint64_t n, uint32_t d, uint64_t *remainder)
{
  uint32_t high_rem, low_rem;
  uint32_t q_high = arith_divl (n >> 32, d, &high_rem);
  uint32_t q_low = arith_divl (((uint64_t) high_rem << 32) | (uint32_t) n,
                               d, &low_rem);

  *remainder = low_rem;
  return ((uint64_t) q_high << 32) | q_low;
}

/* Divides N by a divisor D of more than 32 bits, storing the
   remainder in *REMAINDER.  The quotient then fits in 32 bits.  It is
   estimated by dividing N by the top 32 bits of D (shifted so its top
   bit is set); the estimate is at most one too large, so it is
   lowered by one and the result corrected upward if needed.  N is
   halved first (and the quotient doubled back) so that "divl" cannot
   overflow. */
static uint64_t
arith_udivmod_large (uint64_t n, uint64_t d, uint64_t *remainder)
{
  int shift = __builtin_clz ((uint32_t) (d >> 32));
  uint32_t d_top = (d << shift) >> 32;
  uint32_t unused;
  uint64_t q = arith_divl (n >> 1, d_top, &unused);
  uint64_t r;

  q = (q << shift) >> 31;
  if (q != 0)
    q--;
  r = n - q * d;
  if (r >= d)
    {
      q++;
      r -= d;
    }
  *remainder = r;
  return q;
}

/* Divides N by D.  Returns the quotient and stores the remainder in
   *REMAINDER unless REMAINDER is null. */
uint64_t
__udivmoddi4 (uint64_t n, uint64_t d, uint64_t *remainder)
{
  uint64_t r;
  uint64_t q = (d >> 32) == 0 ? arith_udivmod_small (n, d, &r)
                              : arith_udivmod_large (n, d, &r);

  if (remainder != NULL)
    *remainder = r;
  return q;
}

/* Returns the magnitude of X, correct also for INT64_MIN. */
static uint64_t
arith_abs (int64_t x)
{
  return x < 0 ? 0 - (uint64_t) x : (uint64_t) x;
}

/* Divides N by D, rounding the quotient toward zero as C does: the
   remainder has the sign of N.  Returns the quotient and stores the
   remainder in *REMAINDER unless REMAINDER is null.  INT64_MIN / -1
   overflows and gives INT64_MIN. */
int64_t
__divmoddi4 (int64_t n, int64_t d, int64_t *remainder)
{
  uint64_t r;
  uint64_t q = __udivmoddi4 (arith_abs (n), arith_abs (d), &r);

  if (remainder != NULL)
    *remainder = n < 0 ? (int64_t) (0 - r) : (int64_t) r;
  return (n < 0) != (d < 0) ? (int64_t) (0 - q) : (int64_t) q;
}

/* Unsigned N / D. */
uint64_t
__udivdi3 (uint64_t n, uint64_t d)
{
  return __udivmoddi4 (n, d, NULL);
}

/* Unsigned N % D. */
uint64_t
__umoddi3 (uint64_t n, uint64_t d)
{
  uint64_t r;

  __udivmoddi4 (n, d, &r);
  return r;
}

/* Signed N / D. */
int64_t
__divdi3 (int64_t n, int64_t d)
{
  return __divmoddi4 (n, d, NULL);
}

/* Signed N % D. */
int64_t
__moddi3 (int64_t n, int64_t d)
{
  int64_t r;

  __divmoddi4 (n, d, &r);
  return r;
}
