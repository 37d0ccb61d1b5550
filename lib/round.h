/* Rounding of unsigned integers to multiples of a step. */
#ifndef LIB_ROUND_H
#define LIB_ROUND_H

/* How many STEPs it takes to cover X: X / STEP, rounded up.
   X >= 0, STEP >= 1. */
#define DIV_ROUND_UP(X, STEP) (((X) + (STEP) - 1) / (STEP))

/* The smallest multiple of STEP that is at least X.  X >= 0,
   STEP >= 1. */
#define ROUND_UP(X, STEP) (DIV_ROUND_UP (X, STEP) * (STEP))

/* The largest multiple of STEP that is at most X.  X >= 0,
   STEP >= 1. */
#define ROUND_DOWN(X, STEP) ((X) / (STEP) * (STEP))

#endif /* lib/round.h */
