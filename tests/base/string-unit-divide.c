/* Part of the string-unit test: 64-bit division and remainder, which
   gcc compiles into calls to the helpers in lib/arithmetic.c on a
   32-bit machine.  Fixed cases cover signs and extremes; random ones
   are compared with a long division done here with shifts only. */

#include <random.h>
#include <stdint.h>
#include "tests/base/check.h"
#include "tests/base/string-unit.h"
#include "tests/ktest.h"

/* Random pairs compared with the reference division. */
#define DIVIDE_RANDOM_CNT 2000

/* A signed case: DIVIDEND / DIVISOR == QUOTIENT, % == REMAINDER. */
struct sdiv_case
  {
    int64_t dividend, divisor, quotient, remainder;
  };

/* An unsigned case, likewise. */
struct udiv_case
  {
    uint64_t dividend, divisor, quotient, remainder;
  };

static const struct sdiv_case sdiv_cases[] =
  {
    { 7, 2, 3, 1 },
    { -7, 2, -3, -1 },
    { 7, -2, -3, 1 },
    { -7, -2, 3, -1 },
    { INT64_MIN, 1, INT64_MIN, 0 },
    { INT64_MIN, 2, -4611686018427387904LL, 0 },
    { INT64_MIN, 10, -922337203685477580LL, -8 },
    { INT64_MIN, -3, 3074457345618258602LL, -2 },
    { INT64_MIN, INT64_MAX, -1, -1 },
    { INT64_MAX, INT64_MIN, 0, INT64_MAX },
    { INT64_MIN, INT64_MIN, 1, 0 },
    { 1234567890123456789LL, 987654321, 1249999988, 725308641 },
    { -1234567890123456789LL, 4294967296LL, -287445236, -2112454933 },
    { INT64_MAX, 4294967297LL, 2147483647, 2147483648LL },
    { -1000000000000LL, -3000000007LL, 333, -999997669 },
  };

static const struct udiv_case udiv_cases[] =
  {
    { UINT64_MAX, 10, 1844674407370955161ULL, 5 },
    { UINT64_MAX, UINT64_MAX, 1, 0 },
    { UINT64_MAX, 4294967296ULL, 4294967295ULL, 4294967295ULL },
    { 9223372036854775808ULL, 3, 3074457345618258602ULL, 2 },
    { 12345678901234567890ULL, 68719476735ULL, 179653272, 55663940970ULL },
    { 5, 7, 0, 5 },
    { 4294967295ULL, 4294967296ULL, 0, 4294967295ULL },
    { 1311768467463790320ULL, 4294967297ULL, 305419896, 2290649208ULL },
  };

/* Divides A by B (not 0) bit by bit, with shifts and subtraction
   only, storing the remainder in *R and returning the quotient. */
static uint64_t
reference_udiv (uint64_t a, uint64_t b, uint64_t *r)
{
  uint64_t q = 0, rem = 0;
  int bit;

  for (bit = 63; bit >= 0; bit--)
    {
      int carry = rem >> 63;
      rem = (rem << 1) | ((a >> bit) & 1);
      q <<= 1;
      if (carry || rem >= b)
        {
          rem -= b;
          q |= 1;
        }
    }
  *r = rem;
  return q;
}

/* Returns a random 64-bit number of random bit length, so that small
   and large operands both occur often. */
static uint64_t
random_u64 (void)
{
  uint64_t x = ((uint64_t) random_ulong () << 32) | random_ulong ();
  return x >> (random_ulong () % 64);
}

/* Operands go through these so gcc cannot fold the divisions. */
static volatile int64_t sdiv_a, sdiv_b;
static volatile uint64_t udiv_a, udiv_b;

/* The fixed cases. */
static void
test_fixed (void)
{
  size_t i;

  for (i = 0; i < sizeof sdiv_cases / sizeof *sdiv_cases; i++)
    {
      const struct sdiv_case *c = &sdiv_cases[i];
      sdiv_a = c->dividend;
      sdiv_b = c->divisor;
      CHECK (sdiv_a / sdiv_b == c->quotient && sdiv_a % sdiv_b == c->remainder,
             "%lld / %lld: got %lld rem %lld, expected %lld rem %lld",
             c->dividend, c->divisor, (long long) (sdiv_a / sdiv_b),
             (long long) (sdiv_a % sdiv_b), c->quotient, c->remainder);
    }
  for (i = 0; i < sizeof udiv_cases / sizeof *udiv_cases; i++)
    {
      const struct udiv_case *c = &udiv_cases[i];
      udiv_a = c->dividend;
      udiv_b = c->divisor;
      CHECK (udiv_a / udiv_b == c->quotient && udiv_a % udiv_b == c->remainder,
             "%llu / %llu: got %llu rem %llu, expected %llu rem %llu",
             c->dividend, c->divisor, (unsigned long long) (udiv_a / udiv_b),
             (unsigned long long) (udiv_a % udiv_b), c->quotient,
             c->remainder);
    }
}

/* Checks a random unsigned pair against the reference, and the same
   magnitudes with random signs against C's rules: the quotient
   truncates toward zero, the remainder takes the dividend's sign. */
static void
test_random_pair (void)
{
  uint64_t a = random_u64 () >> 1, b = (random_u64 () >> 1) | 1, r;
  uint64_t q = reference_udiv (a, b, &r);
  bool a_neg = random_ulong () & 1, b_neg = random_ulong () & 1;
  int64_t sq = a_neg != b_neg ? -(int64_t) q : (int64_t) q;
  int64_t sr = a_neg ? -(int64_t) r : (int64_t) r;

  udiv_a = a;
  udiv_b = b;
  CHECK (udiv_a / udiv_b == q && udiv_a % udiv_b == r,
         "%llu / %llu: got %llu rem %llu, expected %llu rem %llu",
         a, b, (unsigned long long) (udiv_a / udiv_b),
         (unsigned long long) (udiv_a % udiv_b), q, r);
  sdiv_a = a_neg ? -(int64_t) a : (int64_t) a;
  sdiv_b = b_neg ? -(int64_t) b : (int64_t) b;
  CHECK (sdiv_a / sdiv_b == sq && sdiv_a % sdiv_b == sr,
         "%lld / %lld: got %lld rem %lld, expected %lld rem %lld",
         (long long) sdiv_a, (long long) sdiv_b,
         (long long) (sdiv_a / sdiv_b), (long long) (sdiv_a % sdiv_b),
         sq, sr);
}

/* Runs the fixed and the random division checks. */
void
string_unit_divide (void)
{
  int i;

  test_fixed ();
  random_init (0xd1f);
  for (i = 0; i < DIVIDE_RANDOM_CNT; i++)
    test_random_pair ();
  msg ("64-bit / and %%: %zu fixed cases, %d random pairs right",
       sizeof sdiv_cases / sizeof *sdiv_cases
       + sizeof udiv_cases / sizeof *udiv_cases, DIVIDE_RANDOM_CNT);
}
