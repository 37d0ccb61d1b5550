/* The system-call fuzzer's calls that must kill the caller (see
   fuzz.c for the whole design): an unknown call number; a stack
   pointer at which the number or the arguments cannot be read; a
   string at a bad address or running into unmapped or kernel memory
   before its NUL; a read into, or a write from, a buffer at NULL, in
   the kernel, unmapped, on read-only code (read), straddling the end
   of the data or the top of the stack, or running there because its
   size is huge. */

#include "tests/userprog/fuzz.h"
#include <inttypes.h>
#include <random.h>
#include <stdio.h>
#include <string.h>
#include <syscall.h>
#include <syscall-nr.h>
#include "tests/lib.h"
#include "tests/userprog/fuzz-gen.h"

/* A call number the kernel does not have. */
static void
fuzz_fatal_number (void)
{
  uint32_t nr;
  do
    nr = fuzz_one_in (2) ? fuzz_below (64) : random_ulong ();
  while (fuzz_call_exists (nr));
  fuzz_syscall (nr, random_ulong (), random_ulong (), random_ulong ());
}

/* A stack pointer at which the call number, or an argument, cannot
   be read: a bad address, or the number in the last word before the
   end of the data or the top of the stack. */
static void
fuzz_fatal_esp (void)
{
  uint32_t esp;

  switch (fuzz_below (4))
    {
    case 0:
      esp = fuzz_bad_address ();
      break;
    case 1:
      esp = FUZZ_PHYS_BASE - 1 - fuzz_below (3);   /* Number straddles. */
      break;
    case 2:
      esp = FUZZ_PHYS_BASE - 4;                     /* Arguments above. */
      *(uint32_t *) esp = SYS_WRITE;
      break;
    default:
      esp = fuzz_data_end () - 4 * (1 + fuzz_below (3));
      *(uint32_t *) esp = SYS_READ;                 /* Some in the data. */
      break;
    }
  fuzz_last[0] = esp;
  asm volatile ("movl %%esp, %%edi\n\t"
                "movl %0, %%esp\n\t"
                "int $0x30\n\t"
                "movl %%edi, %%esp"
                : : "r" (esp) : "eax", "edi", "memory");
}

/* Returns an address from which a string cannot be read: a bad
   address, or up to 24 non-NUL bytes that run into the unmapped page
   after the data or into the kernel. */
static uint32_t
fuzz_bad_string (void)
{
  uint32_t k = 1 + fuzz_below (24);
  uint32_t limit;

  switch (fuzz_below (3))
    {
    case 0: return fuzz_bad_address ();
    case 1: limit = fuzz_data_end (); break;
    default: limit = FUZZ_PHYS_BASE; break;
    }
  memset ((void *) (limit - k), 'z', k);
  return limit - k;
}

/* A string call (create, remove, open, exec) with a bad string. */
static void
fuzz_fatal_string (void)
{
  static const uint32_t calls[] = { SYS_CREATE, SYS_REMOVE, SYS_OPEN, SYS_EXEC };
  fuzz_syscall (calls[fuzz_below (4)], fuzz_bad_string (), fuzz_below (100), 0);
}

/* Sets *BUF and *SIZE to a buffer a copy of *SIZE bytes must fail in:
   a bad address, one that runs K bytes from the end of the data or
   the top of the stack into what follows, or one of a huge size that
   runs there from a little before.  Code is a bad buffer only for a
   read (if FOR_READ). */
static void
fuzz_bad_buffer (bool for_read, uint32_t *buf, uint32_t *size)
{
  uint32_t k = 1 + fuzz_below (64);
  uint32_t limit = fuzz_one_in (2) ? fuzz_data_end () : FUZZ_PHYS_BASE;

  switch (fuzz_below (for_read ? 5 : 4))
    {
    case 0:
      *buf = fuzz_bad_address ();
      *size = 1 + fuzz_below (2 * FUZZ_PGSIZE);
      break;
    case 1:
      *buf = limit - k;
      *size = k + 1 + fuzz_below (100);
      break;
    case 2:
      *buf = limit - k;
      *size = FUZZ_OFF_MAX + fuzz_below (FUZZ_OFF_MAX);
      break;
    case 3:
      *buf = fuzz_data_end () - FUZZ_PGSIZE / 2 - k;
      *size = FUZZ_PGSIZE + fuzz_below (FUZZ_OFF_MAX);
      break;
    default:
      *buf = FUZZ_CODE + fuzz_below (FUZZ_PGSIZE);
      *size = 1 + fuzz_below (FUZZ_PGSIZE);
      break;
    }
}

/* Opens this program's file (long enough for any read here) at
   position 0, or fails the test. */
static int
fuzz_open_program (void)
{
  int fd = open (test_name);
  if (fd < 2)
    fail ("cannot open %s", test_name);
  return fd;
}

/* A read into a bad buffer from the start of a long file. */
static void
fuzz_fatal_read (void)
{
  uint32_t buf, size;
  int fd = fuzz_open_program ();
  fuzz_bad_buffer (true, &buf, &size);
  fuzz_syscall (SYS_READ, fd, buf, size);
}

/* A write from a bad buffer to the console or a file. */
static void
fuzz_fatal_write (void)
{
  uint32_t buf, size;
  int fd = fuzz_one_in (2) ? STDOUT_FILENO : fuzz_open_program ();
  fuzz_bad_buffer (false, &buf, &size);
  fuzz_syscall (SYS_WRITE, fd, buf, size);
}

/* Makes one call that must kill the caller; if it returns, says so
   and exits with status 1. */
void
fuzz_fatal_call (void)
{
  switch (fuzz_below (5))
    {
    case 0: fuzz_fatal_number (); break;
    case 1: fuzz_fatal_esp (); break;
    case 2: fuzz_fatal_string (); break;
    case 3: fuzz_fatal_read (); break;
    default: fuzz_fatal_write (); break;
    }
  fail ("call %d (number or %%esp 0x%08"PRIx32", 0x%08"PRIx32", 0x%08"
        PRIx32", 0x%08"PRIx32") returned instead of killing", fuzz_call_cnt,
        fuzz_last[0], fuzz_last[1], fuzz_last[2], fuzz_last[3]);
}

