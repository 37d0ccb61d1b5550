/* Helper of page-merge-stk: "child-qsort N" reads chunk N's file into
   a buffer on its stack, four pages the stack must grow to, sorts it
   with qsort, writes it back, and exits with N. */

#include <stdlib.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/vm/merge.h"

int
main (int argc, char *argv[])
{
  unsigned char buf[MERGE_CHUNK_SIZE];
  int chunk;
  int fd = merge_child_open (argc, argv, "child-qsort", &chunk);

  if (read (fd, buf, sizeof buf) != (int) sizeof buf)
    fail ("cannot read chunk %d", chunk);
  qsort (buf, sizeof buf, 1, merge_compare_bytes);
  merge_child_rewrite (fd, buf);
  return chunk;
}
