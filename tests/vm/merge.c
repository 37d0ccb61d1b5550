/* The page-merge tests (see merge.h).  The parent fills a buffer with
   random bytes and writes it out in MERGE_CHUNK_CNT files; children
   sort the files, one after another or all at once; the parent reads
   them back, checks each is sorted, merges them, and checks that the
   result is in order and holds exactly the bytes it started with. */

#include "tests/vm/merge.h"
#include <random.h>
#include <stdio.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

/* Bytes in all. */
#define MERGE_SIZE (MERGE_CHUNK_CNT * MERGE_CHUNK_SIZE)

/* Byte values. */
#define MERGE_VALUES 256

/* The seed of the data. */
#define MERGE_SEED 14

/* Longest command line that starts a child. */
#define MERGE_CMD_MAX 32

static unsigned char data[MERGE_SIZE];     /* The chunks. */
static unsigned char merged[MERGE_SIZE];   /* Their merge. */

/* Adds the SIZE bytes at BUF to the counts of each value in COUNTS. */
static void
count_values (const unsigned char *buf, size_t size,
              size_t counts[MERGE_VALUES])
{
  for (size_t i = 0; i < size; i++)
    counts[buf[i]]++;
}

/* Writes chunk CHUNK of DATA to its own new file. */
static void
write_chunk (int chunk)
{
  const char *name = merge_chunk_name (chunk);
  int fd;

  if (!create (name, MERGE_CHUNK_SIZE) || (fd = open (name)) < 2)
    fail ("cannot create \"%s\"", name);
  if (write (fd, data + chunk * MERGE_CHUNK_SIZE, MERGE_CHUNK_SIZE)
      != MERGE_CHUNK_SIZE)
    fail ("cannot write \"%s\"", name);
  close (fd);
}

/* Reads chunk CHUNK's file back into DATA and checks it is sorted. */
static void
read_chunk (int chunk)
{
  const char *name = merge_chunk_name (chunk);
  unsigned char *buf = data + chunk * MERGE_CHUNK_SIZE;
  int fd;

  if ((fd = open (name)) < 2
      || read (fd, buf, MERGE_CHUNK_SIZE) != MERGE_CHUNK_SIZE)
    fail ("cannot read \"%s\" back", name);
  close (fd);
  for (size_t i = 1; i < MERGE_CHUNK_SIZE; i++)
    if (buf[i - 1] > buf[i])
      fail ("\"%s\" is not sorted at byte %zu", name, i);
}

/* Runs CHILD on every chunk: one at a time, or all at once if
   PARALLEL. */
static void
sort_chunks (const char *child, bool parallel)
{
  pid_t pids[MERGE_CHUNK_CNT];

  if (parallel)
    {
      exec_children (child, pids, MERGE_CHUNK_CNT);
      wait_children (pids, MERGE_CHUNK_CNT);
      return;
    }
  for (int i = 0; i < MERGE_CHUNK_CNT; i++)
    {
      char cmd[MERGE_CMD_MAX];
      snprintf (cmd, sizeof cmd, "%s %d", child, i);
      CHECK ((pids[i] = exec (cmd)) != PID_ERROR, "exec \"%s\"", cmd);
      int status = wait (pids[i]);
      CHECK (status == i, "child %d exited with status %d", i, status);
    }
}

/* Merges the sorted chunks of DATA into MERGED. */
static void
merge_chunks (void)
{
  size_t next[MERGE_CHUNK_CNT] = { 0 };

  for (size_t out = 0; out < MERGE_SIZE; out++)
    {
      int best = -1;
      for (int c = 0; c < MERGE_CHUNK_CNT; c++)
        if (next[c] < MERGE_CHUNK_SIZE
            && (best < 0
                || data[c * MERGE_CHUNK_SIZE + next[c]]
                   < data[best * MERGE_CHUNK_SIZE + next[best]]))
          best = c;
      merged[out] = data[best * MERGE_CHUNK_SIZE + next[best]++];
    }
}

/* The test: see the top of this file. */
void
merge_test (const char *child, bool parallel)
{
  static size_t counts_before[MERGE_VALUES], counts_after[MERGE_VALUES];

  random_init (MERGE_SEED);
  random_bytes (data, sizeof data);
  count_values (data, sizeof data, counts_before);
  for (int i = 0; i < MERGE_CHUNK_CNT; i++)
    write_chunk (i);
  msg ("wrote %d KiB of random bytes in %d chunks", MERGE_SIZE / 1024,
       MERGE_CHUNK_CNT);

  sort_chunks (child, parallel);
  for (int i = 0; i < MERGE_CHUNK_CNT; i++)
    read_chunk (i);
  msg ("every chunk came back sorted");

  merge_chunks ();
  for (size_t i = 1; i < MERGE_SIZE; i++)
    if (merged[i - 1] > merged[i])
      fail ("the merge is out of order at byte %zu", i);
  count_values (merged, sizeof merged, counts_after);
  if (memcmp (counts_before, counts_after, sizeof counts_before))
    fail ("the merge does not hold the bytes the chunks were made of");
  msg ("merged: in order, and the same bytes as before");
}
