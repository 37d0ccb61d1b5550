/* Helper of page-merge-seq and page-merge-par: "child-sort N" sorts
   chunk N's file in place by counting each byte value, in a buffer in
   its data segment, and exits with N. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/vm/merge.h"

/* Byte values. */
#define SORT_VALUES 256

static unsigned char buf[MERGE_CHUNK_SIZE];
static size_t counts[SORT_VALUES];

int
main (int argc, char *argv[])
{
  int chunk;
  int fd = merge_child_open (argc, argv, "child-sort", &chunk);

  if (read (fd, buf, sizeof buf) != (int) sizeof buf)
    fail ("cannot read chunk %d", chunk);
  for (size_t i = 0; i < sizeof buf; i++)
    counts[buf[i]]++;
  size_t out = 0;
  for (int v = 0; v < SORT_VALUES; v++)
    for (size_t k = 0; k < counts[v]; k++)
      buf[out++] = v;
  merge_child_rewrite (fd, buf);
  return chunk;
}
