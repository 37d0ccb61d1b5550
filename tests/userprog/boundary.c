/* Page boundaries in a test program's memory: one with mapped,
   writable pages on both sides, and one with a mapped page below and
   nothing above. */

#include "tests/userprog/boundary.h"
#include <round.h>
#include <stdint.h>
#include <string.h>

/* Three pages, so that some boundary inside has a whole page of the
   buffer on each side. */
static char boundary_buf[3 * TEST_PGSIZE];

/* The end of the program's data, from lib/user/user.lds. */
extern char _end[];

/* Returns a page boundary with at least a page of writable memory
   below it and above it. */
void *
get_boundary_area (void)
{
  return (void *) ROUND_UP ((uintptr_t) boundary_buf + TEST_PGSIZE,
                            TEST_PGSIZE);
}

/* Returns the first address of the first page past the program's
   data: the byte below it is mapped and writable, it is not mapped. */
void *
get_bad_boundary (void)
{
  return (void *) ROUND_UP ((uintptr_t) _end, TEST_PGSIZE);
}

/* Copies string SRC into the boundary area so that its middle
   character is the first byte of the upper page; returns the copy. */
char *
copy_string_across_boundary (const char *src)
{
  size_t len = strlen (src);
  char *dst = (char *) get_boundary_area () - len / 2;
  memcpy (dst, src, len + 1);
  return dst;
}
