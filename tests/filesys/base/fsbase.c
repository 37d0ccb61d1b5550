/* Helpers of the base file-system tests: see fsbase.h. */

#include "tests/filesys/base/fsbase.h"
#include <random.h>
#include <stdint.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

/* Size of the equal pieces, which straddle sector boundaries. */
#define FSBASE_BLOCK 777

/* FSBASE_BLOCK as a string, for messages. */
#define FSBASE_STR(X) FSBASE_STR_ (X)
#define FSBASE_STR_(X) #X
#define FSBASE_BLOCK_STR FSBASE_STR (FSBASE_BLOCK)

/* Largest piece of a random size. */
#define FSBASE_RANDOM_PIECE_MAX 2000

/* Most pieces a file of FSBASE_MAX_SIZE bytes has. */
#define FSBASE_BLOCK_MAX (FSBASE_MAX_SIZE / FSBASE_BLOCK + 1)

/* The data written, and zeros to compare new files with. */
static uint8_t fsbase_data[FSBASE_MAX_SIZE];
static uint8_t fsbase_zeros[FSBASE_MAX_SIZE];

/* Creates NAME with SIZE bytes and checks that it reads back as SIZE
   zeros and cannot grow. */
void
fsbase_create_check_zero (const char *name, size_t size)
{
  int fd;

  if (size > FSBASE_MAX_SIZE)
    fail ("%zu bytes do not fit the test's buffers", size);
  CHECK (create (name, size), "create \"%s\" (%zu bytes)", name, size);
  CHECK ((fd = open (name)) > 1, "open \"%s\"", name);
  check_file_handle (fd, name, fsbase_zeros, size);
  CHECK (write (fd, "x", 1) == 0, "a write at the end writes nothing");
  msg ("close \"%s\"", name);
  close (fd);
}

/* Writes the SIZE bytes of fsbase_data at offset OFS of FD, failing
   the test unless all are written. */
static void
fsbase_write_piece (int fd, size_t ofs, size_t size)
{
  int written;

  seek (fd, ofs);
  written = write (fd, fsbase_data + ofs, size);
  if (written != (int) size)
    fail ("write of %zu bytes at offset %zu returned %d", size, ofs, written);
}

/* Writes the SIZE bytes of fsbase_data to FD in equal pieces, in a
   shuffled order. */
static void
fsbase_write_shuffled (int fd, size_t size)
{
  static size_t order[FSBASE_BLOCK_MAX];
  size_t cnt = (size + FSBASE_BLOCK - 1) / FSBASE_BLOCK;
  size_t i;

  for (i = 0; i < cnt; i++)
    order[i] = i;
  shuffle (order, cnt, sizeof *order);
  for (i = 0; i < cnt; i++)
    {
      size_t ofs = order[i] * FSBASE_BLOCK;
      fsbase_write_piece (fd, ofs, size - ofs < FSBASE_BLOCK ? size - ofs
                                                             : FSBASE_BLOCK);
    }
}

/* Writes the SIZE bytes of fsbase_data to FD, first to last, in
   pieces of FSBASE_BLOCK bytes, or of random sizes if RANDOM. */
static void
fsbase_write_sequential (int fd, size_t size, bool random)
{
  size_t ofs, piece;

  for (ofs = 0; ofs < size; ofs += piece)
    {
      piece = random ? random_ulong () % FSBASE_RANDOM_PIECE_MAX + 1
                     : FSBASE_BLOCK;
      if (piece > size - ofs)
        piece = size - ofs;
      fsbase_write_piece (fd, ofs, piece);
    }
}

/* Creates NAME with SIZE bytes, writes reproducible data into it in
   the way ORDER says, and checks that it reads back as written. */
void
fsbase_write_check (const char *name, size_t size, enum fsbase_order order)
{
  static const char *const how[] =
    {
      [FSBASE_WHOLE] = "in one write",
      [FSBASE_SEQ_BLOCK] = "in pieces of " FSBASE_BLOCK_STR " bytes, in order",
      [FSBASE_SEQ_RANDOM] = "in pieces of random sizes, in order",
      [FSBASE_RANDOM_BLOCKS] = "in pieces of " FSBASE_BLOCK_STR
                               " bytes, shuffled",
    };
  int fd;

  if (size > FSBASE_MAX_SIZE)
    fail ("%zu bytes do not fit the test's buffers", size);
  fsbase_fill (fsbase_data, size, size);
  CHECK (create (name, size), "create \"%s\" (%zu bytes)", name, size);
  CHECK ((fd = open (name)) > 1, "open \"%s\"", name);
  if (order == FSBASE_WHOLE)
    fsbase_write_piece (fd, 0, size);
  else if (order == FSBASE_RANDOM_BLOCKS)
    fsbase_write_shuffled (fd, size);
  else
    fsbase_write_sequential (fd, size, order == FSBASE_SEQ_RANDOM);
  msg ("write \"%s\" %s", name, how[order]);
  msg ("close \"%s\"", name);
  close (fd);
  check_file (name, fsbase_data, size);
}
