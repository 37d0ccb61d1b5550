/* What the page-merge tests' children share (see merge.h). */

#include "tests/vm/merge.h"
#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>
#include "tests/lib.h"

/* Returns the name of chunk CHUNK's file, in a static buffer. */
const char *
merge_chunk_name (int chunk)
{
  static char name[16];
  snprintf (name, sizeof name, "chunk%d", chunk);
  return name;
}

/* Starts child NAME, run as "NAME N" (ARGC and ARGV): names the test
   after it, stores N in *CHUNK, and returns a descriptor open on
   chunk N's file. */
int
merge_child_open (int argc, char *argv[], const char *name, int *chunk)
{
  int fd;

  test_name = name;
  if (argc != 2)
    fail ("usage: %s CHUNK", name);
  *chunk = atoi (argv[1]);
  if ((fd = open (merge_chunk_name (*chunk))) < 2)
    fail ("cannot open \"%s\"", merge_chunk_name (*chunk));
  if (filesize (fd) != MERGE_CHUNK_SIZE)
    fail ("\"%s\" is not %d bytes long", merge_chunk_name (*chunk),
          MERGE_CHUNK_SIZE);
  return fd;
}

/* Writes the MERGE_CHUNK_SIZE bytes at BUF over the whole file open
   as FD, and closes it. */
void
merge_child_rewrite (int fd, const unsigned char *buf)
{
  seek (fd, 0);
  if (write (fd, buf, MERGE_CHUNK_SIZE) != MERGE_CHUNK_SIZE)
    fail ("cannot write the sorted chunk back");
  close (fd);
}

/* Orders bytes A and B, for qsort. */
int
merge_compare_bytes (const void *a, const void *b)
{
  return *(const unsigned char *) a - *(const unsigned char *) b;
}
