/* Helper of page-merge-mm: "child-qsort-mm N" maps chunk N's file,
   sorts it in place with qsort, unmaps it (which writes it back), and
   exits with N. */

#include <stdlib.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/vm/merge.h"

/* Where the chunk is mapped. */
#define CHUNK_ADDR ((void *) 0x10000000)

int
main (int argc, char *argv[])
{
  int chunk;
  int fd = merge_child_open (argc, argv, "child-qsort-mm", &chunk);
  mapid_t map = mmap (fd, CHUNK_ADDR);

  if (map == MAP_FAILED)
    fail ("cannot map chunk %d", chunk);
  close (fd);
  qsort (CHUNK_ADDR, MERGE_CHUNK_SIZE, 1, merge_compare_bytes);
  munmap (map);
  return chunk;
}
