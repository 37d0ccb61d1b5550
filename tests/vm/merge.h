/* The page-merge tests: a buffer sorted in chunks, each chunk by a
   child process, and then merged.  A child, "CHILD N", sorts the file
   named by merge_chunk_name (N) in place and exits with N. */
#ifndef TESTS_VM_MERGE_H
#define TESTS_VM_MERGE_H

#include <stdbool.h>

/* Chunks, and bytes in each. */
#define MERGE_CHUNK_CNT 8
#define MERGE_CHUNK_SIZE (16 * 1024)

/* The parent (merge.c). */
void merge_test (const char *child, bool parallel);

/* Both sides (merge-child.c). */
const char *merge_chunk_name (int chunk);
int merge_child_open (int argc, char *argv[], const char *name, int *chunk);
void merge_child_rewrite (int fd, const unsigned char *buf);
int merge_compare_bytes (const void *, const void *);

#endif /* tests/vm/merge.h */
