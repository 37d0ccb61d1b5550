/* Denying writes: while any handle on a file denies writes, writes
   through every handle write nothing; denials count, so writes come
   back only when every denying handle has allowed them again or been
   closed; denying twice through one handle counts once; reads go on
   all the while. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* Size of the file. */
#define DENY_SIZE 600

/* Returns the bytes written by a 10-byte write through FILE. */
static off_t
try_write (struct file *file)
{
  static const char data[10] = "0123456789";

  return file_write_at (file, data, sizeof data, 0);
}

/* Runs the test: see the top of this file. */
static void
fs_deny_write_test (void)
{
  size_t free_pages = palloc_free_count ();
  struct file *a = fstest_create ("guarded", DENY_SIZE);
  struct file *b = fstest_open ("guarded");
  struct file *c = fstest_open ("guarded");

  fstest_write (a, DENY_SIZE, DENY_SIZE, 7);
  file_deny_write (a);
  check_int ("write through b while a denies", try_write (b), 0);
  check_int ("write through a itself", try_write (a), 0);
  fstest_verify (c, DENY_SIZE, 128, 7);
  msg ("a denies: no handle writes, all read");

  file_deny_write (a);
  file_deny_write (b);
  file_allow_write (a);
  check_int ("write while b still denies", try_write (c), 0);
  msg ("a twice and b once, then a allows: b still denies");

  file_close (b);
  check_int ("write after b closed", try_write (c), 10);
  msg ("closing b lifts its denial: writes work");

  file_deny_write (c);
  file_allow_write (c);
  file_allow_write (c);
  check_int ("write after allowing twice", try_write (a), 10);
  msg ("allowing without denying changes nothing");

  file_close (a);
  file_close (c);
  CHECK (filesys_remove ("guarded"), "removing guarded");
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every page came back");
}

KTEST ("fs-deny-write", fs_deny_write_test);
