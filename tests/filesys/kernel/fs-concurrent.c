/* Concurrent use: several kernel threads use the file system at once.
   Each creates, writes, checks and removes files of its own, over and
   over, while all of them also write their own stripes of one shared
   file through their own handles.  With the file-system lock doing
   its job, every file reads back exactly as written, no name is lost
   or doubled, and every sector and page comes back. */

#include <stdio.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* Threads, rounds each, and the size of each thread's own files. */
#define CONC_THREADS 4
#define CONC_ROUNDS 6
#define CONC_FILE_SIZE 3000

/* Each thread's stripe of the shared file. */
#define CONC_STRIPE 1500
#define CONC_SHARED_SIZE (CONC_THREADS * CONC_STRIPE)
#define CONC_SHARED_SEED 0x42

static struct semaphore conc_done;

/* Writes thread IDX's stripe of the shared file in pieces. */
static void
write_stripe (int idx)
{
  static uint8_t bufs[CONC_THREADS][100];
  struct file *file = fstest_open ("shared");
  off_t ofs;

  for (ofs = idx * CONC_STRIPE; ofs < (idx + 1) * CONC_STRIPE; ofs += 100)
    {
      fstest_fill (bufs[idx], 100, ofs, CONC_SHARED_SEED);
      check_int ("stripe write", file_write_at (file, bufs[idx], 100, ofs),
                 100);
      thread_yield ();
    }
  file_close (file);
}

/* A worker: AUX is its index. */
static void
worker (void *aux)
{
  int idx = (int) (intptr_t) aux;
  char name[16];
  int round;

  for (round = 0; round < CONC_ROUNDS; round++)
    {
      struct file *file;

      snprintf (name, sizeof name, "t%d-r%d", idx, round);
      file = fstest_create (name, CONC_FILE_SIZE);
      fstest_write (file, CONC_FILE_SIZE, 256 + idx, idx + round);
      thread_yield ();
      fstest_verify (file, CONC_FILE_SIZE, 300 + idx, idx + round);
      file_close (file);
      CHECK (filesys_remove (name), "removing %s", name);
      if (round == CONC_ROUNDS / 2)
        write_stripe (idx);
    }
  sema_up (&conc_done);
}

/* Runs the test: see the top of this file. */
static void
fs_concurrent_test (void)
{
  size_t free_pages = palloc_free_count ();
  size_t free_sectors = fstest_free_sectors ();
  struct file *shared;
  int i;

  CHECK (filesys_create ("shared", CONC_SHARED_SIZE), "creating shared");
  sema_init (&conc_done, 0);
  for (i = 0; i < CONC_THREADS; i++)
    CHECK (thread_create ("fs-worker", PRI_DEFAULT, worker,
                          (void *) (intptr_t) i) != TID_ERROR,
           "thread_create %d", i);
  for (i = 0; i < CONC_THREADS; i++)
    sema_down (&conc_done);
  msg ("%d threads each created, wrote, checked and removed %d files",
       CONC_THREADS, CONC_ROUNDS);

  shared = fstest_open ("shared");
  fstest_verify (shared, CONC_SHARED_SIZE, 1024, CONC_SHARED_SEED);
  file_close (shared);
  msg ("the shared file holds every thread's stripe");
  CHECK (filesys_remove ("shared"), "removing shared");
  check_uint ("free sectors", fstest_free_sectors (), free_sectors);
  check_pages_reclaimed (free_pages);
  msg ("every sector and page came back");
}

KTEST ("fs-concurrent", fs_concurrent_test);
