/* off_t: a byte offset or size within a file, signed so that "no
   such offset" and overflow are visible.  Kept in its own header so
   that headers needing only the type stay light. */
#ifndef FILESYS_OFF_T_H
#define FILESYS_OFF_T_H

#include <inttypes.h>

/* An offset or length within a file, in bytes. */
typedef int32_t off_t;

/* printf conversion for off_t, e.g. printf ("%"PROTd"\n", ofs). */
#define PROTd PRId32

#endif /* filesys/off_t.h */
