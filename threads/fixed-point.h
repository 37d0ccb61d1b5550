/* Signed 17.14 fixed-point numbers, for the MLFQS scheduler's
   recent_cpu and load_avg: the kernel may not use floating point.

   A struct fixed_point holds RAW = value * FP_ONE in 32 bits: 1 sign
   bit, 17 integer bits and 14 fraction bits, so values of magnitude
   up to 131,071 are exact to 1/16384.  The struct keeps fixed-point
   numbers and plain ints apart: mixing them needs one of the
   functions below, whose names say which operand is which. */
#ifndef THREADS_FIXED_POINT_H
#define THREADS_FIXED_POINT_H

#include <stdint.h>

/* LAB threads: mlfqs */
#define FP_FRACTION_BITS 14
#define FP_ONE (1 << FP_FRACTION_BITS)      /* 1.0 */

/* A 17.14 fixed-point number. */
struct fixed_point
  {
    int32_t raw;                /* Value times FP_ONE. */
  };

/* N as a fixed-point number. */
static inline struct fixed_point
fp_from_int (int n)
{
  return (struct fixed_point) { n * FP_ONE };
}

/* The fixed-point number N / D, for integers N and D, D != 0. */
static inline struct fixed_point
fp_ratio (int n, int d)
{
  return (struct fixed_point) { (int32_t) ((int64_t) n * FP_ONE / d) };
}

/* X rounded toward zero. */
static inline int
fp_trunc (struct fixed_point x)
{
  return x.raw / FP_ONE;
}

/* X rounded to the nearest integer, halves away from zero. */
static inline int
fp_round (struct fixed_point x)
{
  return (x.raw >= 0 ? x.raw + FP_ONE / 2 : x.raw - FP_ONE / 2) / FP_ONE;
}

/* X + Y. */
static inline struct fixed_point
fp_add (struct fixed_point x, struct fixed_point y)
{
  return (struct fixed_point) { x.raw + y.raw };
}

/* X - Y. */
static inline struct fixed_point
fp_sub (struct fixed_point x, struct fixed_point y)
{
  return (struct fixed_point) { x.raw - y.raw };
}

/* X + N, for an integer N. */
static inline struct fixed_point
fp_add_int (struct fixed_point x, int n)
{
  return (struct fixed_point) { x.raw + n * FP_ONE };
}

/* X * Y, rounded toward zero.  The product is formed in 64 bits. */
static inline struct fixed_point
fp_mul (struct fixed_point x, struct fixed_point y)
{
  return (struct fixed_point) { (int32_t) ((int64_t) x.raw * y.raw / FP_ONE) };
}

/* X * N, for an integer N. */
static inline struct fixed_point
fp_mul_int (struct fixed_point x, int n)
{
  return (struct fixed_point) { x.raw * n };
}

/* X / Y, rounded toward zero; Y must not be zero.  The dividend is
   widened to 64 bits before it is scaled. */
static inline struct fixed_point
fp_div (struct fixed_point x, struct fixed_point y)
{
  return (struct fixed_point) { (int32_t) ((int64_t) x.raw * FP_ONE / y.raw) };
}

/* X / N, rounded toward zero, for a nonzero integer N. */
static inline struct fixed_point
fp_div_int (struct fixed_point x, int n)
{
  return (struct fixed_point) { x.raw / n };
}
/* END LAB */

#endif /* threads/fixed-point.h */
