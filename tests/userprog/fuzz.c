/* The system-call fuzzer (see fuzz.h).  Every call goes through
   fuzz_syscall(), a raw "int $0x30" with three arguments pushed, so
   any number and any argument can be passed.

   A call that must not kill names a descriptor, a string or a buffer
   of one of several kinds, and its result is checked against what the
   kernel promises for that kind:
     - a descriptor this process has open (tracked in fuzz_fds), the
       console's 0 and 1, or one that names nothing (negative, huge,
       closed): the last makes every call fail, whatever the other
       arguments are;
     - a name from a small pool of files, or one no file can have
       (empty, longer than a page, random bytes longer than a file
       name may be);
     - a buffer in this process's memory: in fuzz_area, which holds
       page boundaries, on the stack, or (vm) in a mapped file.
   A call that must kill is one of: an unknown call number; a stack
   pointer at which the number or the arguments cannot be read; a
   string at a bad address or running into unmapped or kernel memory
   before its NUL; a read into, or a write from, a buffer at NULL, in
   the kernel, unmapped, on read-only code (read), straddling the end
   of the data or the top of the stack, or running there because its
   size is huge (those are in fuzz-fatal.c).  Only the console is
   never read (it would wait for input) nor written with data (it
   would garble the output). */

#include "tests/userprog/fuzz.h"
#include <random.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>
#include <syscall-nr.h>
#include "tests/lib.h"
#include "tests/userprog/fuzz-gen.h"


/* Where mmap calls (vm) put files: FUZZ_MAP_SLOTS slots, each
   FUZZ_MAP_SLOT bytes, from FUZZ_MAP_BASE. */
#define FUZZ_MAP_BASE 0x10000000u
#define FUZZ_MAP_SLOT (64 * FUZZ_PGSIZE)
#define FUZZ_MAP_SLOTS 8

/* Descriptors and mappings tracked at most. */
#define FUZZ_FDS 12
#define FUZZ_MAPS 4

/* Longest name a file can have, and the size of the created ones. */
#define FUZZ_NAME_MAX 14
#define FUZZ_FILE_MAX 3000

/* Most bytes most reads and writes move (disk I/O is slow). */
#define FUZZ_IO_SMALL 512

/* Memory the calls may use as buffers and strings: three pages, so
   that buffers and strings can straddle page boundaries. */
static uint8_t fuzz_area[3 * FUZZ_PGSIZE] __attribute__ ((aligned (4096)));

/* The first page after this program's data, which is never mapped
   (lib/user/user.lds). */
extern char _end[];

/* Files the calls create, open, write and remove, and last the
   running program's own, which is there and cannot be written while
   it runs (set by fuzz_start). */
static const char *fuzz_pool[] = { "fz-a", "fz-b", "fz-c", "fz-d", NULL };
#define FUZZ_POOL_CNT (sizeof fuzz_pool / sizeof *fuzz_pool)
#define FUZZ_POOL_FILES (FUZZ_POOL_CNT - 1)   /* Not the program. */

static bool fuzz_vm;                    /* Whether mmap and vmstat exist. */
static int fuzz_fds[FUZZ_FDS];          /* Open descriptors, 0 if free. */
static int fuzz_map_ids[FUZZ_MAPS];     /* Mapping ids, -1 if free. */
static uint32_t fuzz_map_addrs[FUZZ_MAPS];  /* Where they are. */
int fuzz_call_cnt;                      /* Calls made so far. */
static int fuzz_failure_cnt;            /* Results that broke a promise. */

/* The last call made, for failure messages (fuzz-gen.h). */
uint32_t fuzz_last[4];

/* Returns a random number below N (N > 0). */
uint32_t
fuzz_below (uint32_t n)
{
  return random_ulong () % n;
}

/* Returns true one time in N. */
bool
fuzz_one_in (uint32_t n)
{
  return fuzz_below (n) == 0;
}

/* Makes system call NR with arguments A0, A1, A2 on the stack, as many
   as the call takes being read, and returns %eax. */
int32_t
fuzz_syscall (uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2)
{
  fuzz_last[0] = nr;
  fuzz_last[1] = a0;
  fuzz_last[2] = a1;
  fuzz_last[3] = a2;
  fuzz_call_cnt++;
  return syscall_raw (nr, a0, a1, a2);
}

/* Counts a broken promise unless OK, printing the last call and its
   RESULT. */
static void
fuzz_expect (bool ok, int32_t result)
{
  if (ok)
    return;
  fuzz_failure_cnt++;
  printf ("(%s) call %d: number %"PRIu32" (0x%08"PRIx32", 0x%08"PRIx32
          ", 0x%08"PRIx32") returned %"PRId32": FAILED\n", test_name,
          fuzz_call_cnt, fuzz_last[0], fuzz_last[1], fuzz_last[2],
          fuzz_last[3], result);
}

/* Returns true if NR is a call this kernel has. */
bool
fuzz_call_exists (uint32_t nr)
{
  return nr <= SYS_CLOSE || nr == SYS_FREEPAGES
         || (fuzz_vm && (nr == SYS_MMAP || nr == SYS_MUNMAP
                         || nr == SYS_VMSTAT));
}

/* Bad addresses and descriptors. */

/* Returns the first page after the data: unmapped. */
uint32_t
fuzz_data_end (void)
{
  return ((uint32_t) _end + FUZZ_PGSIZE - 1) & ~(FUZZ_PGSIZE - 1);
}

/* Returns an address at which not even one byte can be copied: in
   page 0, in the kernel, or in the unmapped hole. */
uint32_t
fuzz_bad_address (void)
{
  switch (fuzz_below (4))
    {
    case 0: return 0;
    case 1: return fuzz_below (FUZZ_PGSIZE);
    case 2: return FUZZ_PHYS_BASE + fuzz_below (FUZZ_KERNEL_PAGES * FUZZ_PGSIZE);
    default: return FUZZ_HOLE + fuzz_below (FUZZ_HOLE_SIZE);
    }
}

/* Returns the slot of FD in fuzz_fds, or -1. */
static int
fuzz_fd_slot (int fd)
{
  for (int i = 0; i < FUZZ_FDS; i++)
    if (fd > 1 && fuzz_fds[i] == fd)
      return i;
  return -1;
}

/* Returns a descriptor of some kind: open, console, or naming
   nothing. */
static int
fuzz_pick_fd (void)
{
  switch (fuzz_below (6))
    {
    case 0: case 1: return fuzz_fds[fuzz_below (FUZZ_FDS)];
    case 2: return fuzz_below (2);
    case 3: return 2 + fuzz_below (140);
    case 4: return -(int) fuzz_below (1000) - 1;
    default: return (int) random_ulong ();
    }
}

/* Records FD, just opened; closes it if the table is full. */
static void
fuzz_track_fd (int fd)
{
  for (int i = 0; i < FUZZ_FDS; i++)
    if (fuzz_fds[i] == 0)
      {
        fuzz_fds[i] = fd;
        return;
      }
  fuzz_syscall (SYS_CLOSE, fd, 0, 0);
}

/* Names and buffers. */

/* Kinds of name fuzz_pick_name() makes. */
enum fuzz_name
  {
    FUZZ_NAME_POOL,             /* One of fuzz_pool: may exist. */
    FUZZ_NAME_NONE              /* No file can have it. */
  };

/* Copies STRING, LEN bytes and its NUL, into fuzz_area so that it
   straddles the boundary of the area's first and second page, and
   returns where. */
static char *
fuzz_place (const char *string, size_t len)
{
  char *at = (char *) fuzz_area + FUZZ_PGSIZE - len / 2 - 1;
  memcpy (at, string, len);
  at[len] = '\0';
  return at;
}

/* Sets *NAME to a readable string of some kind and returns which,
   with the program's own name among the pool only if PROGRAM_OK. */
static enum fuzz_name
fuzz_pick_name (uint32_t *name, bool program_ok)
{
  size_t pool_cnt = program_ok ? FUZZ_POOL_CNT : FUZZ_POOL_FILES;
  const char *pooled = fuzz_pool[fuzz_below (pool_cnt)];
  char odd[FUZZ_NAME_MAX + 8];         /* Short: the kernel prints it. */
  size_t len;

  switch (fuzz_below (5))
    {
    case 0:
      *name = (uint32_t) pooled;
      return FUZZ_NAME_POOL;
    case 1:
      *name = (uint32_t) fuzz_place (pooled, strlen (pooled));
      return FUZZ_NAME_POOL;
    case 2:
      *name = (uint32_t) "";
      return FUZZ_NAME_NONE;
    case 3:
      /* More than a page before the NUL. */
      len = FUZZ_PGSIZE + fuzz_below (FUZZ_PGSIZE);
      memset (fuzz_area, 'a' + fuzz_below (26), len);
      fuzz_area[len] = '\0';
      *name = (uint32_t) fuzz_area;
      return FUZZ_NAME_NONE;
    default:
      /* Random bytes, too long for a file name. */
      len = FUZZ_NAME_MAX + 1 + fuzz_below (sizeof odd - FUZZ_NAME_MAX - 1);
      for (size_t i = 0; i < len; i++)
        odd[i] = 1 + fuzz_below (255);
      *name = (uint32_t) fuzz_place (odd, len);
      return FUZZ_NAME_NONE;
    }
}

/* Sets *BUF to a writable buffer in this process of at least *ROOM
   bytes, which it sets: in fuzz_area, in LOCAL (LOCAL_SIZE bytes on
   the caller's stack), or in a mapped file's first page. */
static void
fuzz_pick_buffer (uint8_t *local, size_t local_size, uint32_t *buf,
                  uint32_t *room)
{
  int map = fuzz_below (FUZZ_MAPS);
  uint32_t ofs;

  switch (fuzz_below (3))
    {
    case 0:
      *buf = (uint32_t) local;
      *room = local_size;
      return;
    case 1:
      if (fuzz_map_ids[map] != -1)
        {
          ofs = fuzz_below (FUZZ_PGSIZE);
          *buf = fuzz_map_addrs[map] + ofs;
          *room = FUZZ_PGSIZE - ofs;
          return;
        }
      /* Fall through. */
    default:
      ofs = fuzz_below (sizeof fuzz_area);
      *buf = (uint32_t) fuzz_area + ofs;
      *room = sizeof fuzz_area - ofs;
      return;
    }
}

/* Calls that must not kill. */

/* create (NAME, SIZE). */
static void
fuzz_create (void)
{
  uint32_t name;
  bool never = fuzz_pick_name (&name, false) == FUZZ_NAME_NONE;
  uint32_t size = (fuzz_one_in (4) ? FUZZ_OFF_MAX + 1 + fuzz_below (FUZZ_OFF_MAX)
                   : fuzz_below (FUZZ_FILE_MAX));
  int32_t r = fuzz_syscall (SYS_CREATE, name, size, 0);
  fuzz_expect (r == 0 || (r == 1 && !never && size <= FUZZ_OFF_MAX), r);
}

/* remove (NAME). */
static void
fuzz_remove (void)
{
  uint32_t name;
  bool never = fuzz_pick_name (&name, false) == FUZZ_NAME_NONE;
  int32_t r = fuzz_syscall (SYS_REMOVE, name, 0, 0);
  fuzz_expect (r == 0 || (r == 1 && !never), r);
}

/* open (NAME), keeping the descriptor. */
static void
fuzz_open (void)
{
  uint32_t name;
  bool never = fuzz_pick_name (&name, true) == FUZZ_NAME_NONE;
  int32_t r = fuzz_syscall (SYS_OPEN, name, 0, 0);
  fuzz_expect (r == -1 || (r > 1 && !never && fuzz_fd_slot (r) < 0), r);
  if (r > 1)
    fuzz_track_fd (r);
}

/* exec (NAME) of a name that is no program. */
static void
fuzz_exec (void)
{
  uint32_t name;
  fuzz_pick_name (&name, false);
  int32_t r = fuzz_syscall (SYS_EXEC, name, 0, 0);
  fuzz_expect (r == -1, r);
}

/* wait (PID) for a process that is not a child. */
static void
fuzz_wait (void)
{
  int32_t r = fuzz_syscall (SYS_WAIT, random_ulong (), 0, 0);
  fuzz_expect (r == -1, r);
}

/* filesize (FD). */
static void
fuzz_filesize (void)
{
  int fd = fuzz_pick_fd ();
  int32_t r = fuzz_syscall (SYS_FILESIZE, fd, 0, 0);
  fuzz_expect (fuzz_fd_slot (fd) >= 0 ? r >= 0 : r == -1, r);
}

/* read (FD, BUFFER, SIZE) or write (FD, BUFFER, SIZE), as NR says:
   a buffer of this process for an open file, anything else (bad
   addresses, huge sizes) where the call must fail or do nothing. */
static void
fuzz_read_write (uint32_t nr)
{
  uint8_t local[256];
  int fd = fuzz_pick_fd ();
  int console = nr == SYS_READ ? STDIN_FILENO : STDOUT_FILENO;
  uint32_t buf, room;
  int32_t r;

  if (fuzz_fd_slot (fd) >= 0)
    {
      fuzz_pick_buffer (local, sizeof local, &buf, &room);
      uint32_t size = fuzz_below ((fuzz_one_in (8) || room < FUZZ_IO_SMALL
                                   ? room : FUZZ_IO_SMALL) + 1);
      r = fuzz_syscall (nr, fd, buf, size);
      fuzz_expect (r >= 0 && (uint32_t) r <= size, r);
    }
  else if (fd == console)
    {
      r = fuzz_syscall (nr, fd, fuzz_one_in (2) ? fuzz_bad_address () : 0, 0);
      fuzz_expect (r == 0, r);
    }
  else
    {
      r = fuzz_syscall (nr, fd, fuzz_bad_address (), random_ulong ());
      fuzz_expect (r == -1, r);
    }
}

/* seek (FD, POSITION), then tell (FD): the position, at most the
   largest a file can have, or -1 for a descriptor that names
   nothing. */
static void
fuzz_seek_tell (void)
{
  int fd = fuzz_pick_fd ();
  uint32_t pos = fuzz_one_in (3) ? random_ulong () : fuzz_below (2 * FUZZ_FILE_MAX);
  fuzz_syscall (SYS_SEEK, fd, pos, 0);
  int32_t r = fuzz_syscall (SYS_TELL, fd, 0, 0);
  uint32_t want = pos < FUZZ_OFF_MAX ? pos : FUZZ_OFF_MAX;
  fuzz_expect (fuzz_fd_slot (fd) >= 0 ? (uint32_t) r == want : r == -1, r);
}

/* close (FD). */
static void
fuzz_close (void)
{
  int fd = fuzz_pick_fd ();
  int slot = fuzz_fd_slot (fd);
  fuzz_syscall (SYS_CLOSE, fd, 0, 0);
  if (slot >= 0)
    fuzz_fds[slot] = 0;
}

/* freepages (). */
static void
fuzz_freepages (void)
{
  int32_t r = fuzz_syscall (SYS_FREEPAGES, 0, 0, 0);
  fuzz_expect (r > 0, r);
}

/* vmstat (COUNTER) (vm). */
static void
fuzz_vmstat (void)
{
  uint32_t counter = fuzz_one_in (2) ? fuzz_below (VMSTAT_SWAP_SLOTS + 1)
                     : random_ulong ();
  int32_t r = fuzz_syscall (SYS_VMSTAT, counter, 0, 0);
  fuzz_expect (counter <= VMSTAT_SWAP_SLOTS ? r >= 0 : r == -1, r);
}

/* mmap (FD, ADDR) (vm): in a slot of the mapping area, where it may
   succeed if FD is open, or at an address mmap must refuse (page 0,
   misaligned, code, stack, kernel).  Keeps the mapping if there is
   room to track it. */
static void
fuzz_mmap (void)
{
  int fd = fuzz_pick_fd ();
  uint32_t addr = FUZZ_MAP_BASE + fuzz_below (FUZZ_MAP_SLOTS) * FUZZ_MAP_SLOT;
  bool refused = true;

  switch (fuzz_below (6))
    {
    case 0: addr = 0; break;
    case 1: addr += 1 + fuzz_below (FUZZ_PGSIZE - 1); break;
    case 2: addr = FUZZ_CODE; break;
    case 3: addr = FUZZ_PHYS_BASE - FUZZ_PGSIZE; break;
    case 4: addr = FUZZ_PHYS_BASE + fuzz_below (FUZZ_KERNEL_PAGES) * FUZZ_PGSIZE; break;
    default: refused = fuzz_fd_slot (fd) < 0; break;
    }
  int32_t r = fuzz_syscall (SYS_MMAP, fd, addr, 0);
  fuzz_expect (r == -1 || !refused, r);
  if (r == -1)
    return;
  for (int i = 0; i < FUZZ_MAPS; i++)
    if (fuzz_map_ids[i] == -1)
      {
        fuzz_map_ids[i] = r;
        fuzz_map_addrs[i] = addr;
        return;
      }
  fuzz_syscall (SYS_MUNMAP, r, 0, 0);
}

/* munmap (ID) (vm), of a mapping or of an id that names none. */
static void
fuzz_munmap (void)
{
  int map = fuzz_below (FUZZ_MAPS);
  if (fuzz_map_ids[map] != -1 && fuzz_one_in (2))
    {
      fuzz_syscall (SYS_MUNMAP, fuzz_map_ids[map], 0, 0);
      fuzz_map_ids[map] = -1;
    }
  else
    fuzz_syscall (SYS_MUNMAP, random_ulong () | 0x40000000, 0, 0);
}

/* Makes one random call that must not kill. */
static void
fuzz_one_call (void)
{
  switch (fuzz_below (fuzz_vm ? 15 : 12))
    {
    case 0: fuzz_create (); break;
    case 1: fuzz_remove (); break;
    case 2: case 3: fuzz_open (); break;
    case 4: fuzz_exec (); break;
    case 5: fuzz_wait (); break;
    case 6: fuzz_filesize (); break;
    case 7: fuzz_read_write (SYS_READ); break;
    case 8: fuzz_read_write (SYS_WRITE); break;
    case 9: fuzz_seek_tell (); break;
    case 10: fuzz_close (); break;
    case 11: fuzz_freepages (); break;
    case 12: fuzz_vmstat (); break;
    case 13: fuzz_mmap (); break;
    default: fuzz_munmap (); break;
    }
}

/* The interface of fuzz.h. */

/* Seeds the generator with SEED, for calls of the virtual-memory
   lab too if VM, with nothing open or mapped.  TEST_NAME must be
   the running program's name. */
void
fuzz_start (unsigned seed, bool vm)
{
  random_init (seed);
  fuzz_vm = vm;
  fuzz_pool[FUZZ_POOL_FILES] = test_name;
  for (int i = 0; i < FUZZ_MAPS; i++)
    fuzz_map_ids[i] = -1;
}

/* Makes COUNT calls that must not kill the caller and returns how
   many of their results broke the kernel's promises (each is
   printed). */
int
fuzz_calls (int count)
{
  int before = fuzz_failure_cnt;
  for (int i = 0; i < count; i++)
    fuzz_one_call ();
  return fuzz_failure_cnt - before;
}

/* Closes every descriptor and removes every mapping the calls left. */
void
fuzz_close_all (void)
{
  for (int i = 0; i < FUZZ_FDS; i++)
    if (fuzz_fds[i] != 0)
      {
        fuzz_syscall (SYS_CLOSE, fuzz_fds[i], 0, 0);
        fuzz_fds[i] = 0;
      }
  for (int i = 0; i < FUZZ_MAPS; i++)
    if (fuzz_map_ids[i] != -1)
      {
        fuzz_syscall (SYS_MUNMAP, fuzz_map_ids[i], 0, 0);
        fuzz_map_ids[i] = -1;
      }
}

/* Records SEED in FUZZ_MARK, for fuzz_marked(): done by a child just
   before its fatal call.  Fails the test if the file cannot be made. */
void
fuzz_mark (unsigned seed)
{
  remove (FUZZ_MARK);
  if (!create (FUZZ_MARK, sizeof seed))
    fail ("cannot create %s", FUZZ_MARK);
  int fd = open (FUZZ_MARK);
  if (fd < 2 || write (fd, &seed, sizeof seed) != sizeof seed)
    fail ("cannot write %s", FUZZ_MARK);
  close (fd);
}

/* Returns true if the child with seed SEED reached its fatal call:
   FUZZ_MARK holds SEED.  Removes FUZZ_MARK. */
bool
fuzz_marked (unsigned seed)
{
  unsigned marked = ~seed;
  int fd = open (FUZZ_MARK);
  if (fd >= 2)
    {
      read (fd, &marked, sizeof marked);
      close (fd);
    }
  remove (FUZZ_MARK);
  return marked == seed;
}
