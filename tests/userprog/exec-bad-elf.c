/* The ELF loader must refuse malformed executables with a failed exec
   (-1), never a kernel panic, and free whatever it had set up.  The
   test reads child-simple, writes copies of it with one thing broken
   each, and execs every copy; then it execs an unbroken copy, which
   must run, and checks that the free-page count is back where it
   started. */

#include <string.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "threads/elf.h"
#include "userprog/elf.h"

/* Room for child-simple. */
#define EXE_MAX 32768

/* Name of the copies. */
#define BAD_NAME "bad-elf"

/* The unbroken executable, and the copy being broken. */
static char original[EXE_MAX];
static char copy[EXE_MAX];
static int exe_size;

/* The copy's file header and program headers. */
static struct elf32_header *
header (void)
{
  return (struct elf32_header *) copy;
}

static struct elf32_segment *
segment (int i)
{
  return (struct elf32_segment *) (copy + header ()->e_phoff) + i;
}

/* Ways to break the copy, each returning how many bytes of it to
   write. */
static int bad_magic (void) { header ()->e_ident[0] = 0; return exe_size; }
static int class_64 (void) { header ()->e_ident[ELF_IDENT_CLASS] = 2; return exe_size; }
static int relocatable (void) { header ()->e_type = ELF_TYPE_REL; return exe_size; }
static int machine_x86_64 (void) { header ()->e_machine = 62; return exe_size; }
static int phentsize (void) { header ()->e_phentsize = 16; return exe_size; }
static int phnum_huge (void) { header ()->e_phnum = 0xffff; return exe_size; }
static int phoff_past_end (void) { header ()->e_phoff = exe_size; return exe_size; }
static int entry_kernel (void) { header ()->e_entry = 0xc0000000; return exe_size; }
static int truncated (void) { return sizeof (struct elf32_header) / 2; }
static int empty (void) { return 0; }

static int
segment_past_end (void)
{
  segment (0)->p_filesz = segment (0)->p_memsz = 4 * EXE_MAX;
  return exe_size;
}

/* Moves segment I to page-aligned address PAGE, keeping its offset
   within the page (which must match its file offset's). */
static void
move_segment (int i, uint32_t page)
{
  segment (i)->p_vaddr = page | (segment (i)->p_vaddr & 0xfff);
}

static int segment_kernel (void) { move_segment (1, 0xc0000000); return exe_size; }
static int segment_page_0 (void) { move_segment (1, 0); return exe_size; }

static int
segment_wraps (void)
{
  move_segment (1, 0xfffff000);
  segment (1)->p_memsz = 0x2000;
  return exe_size;
}

static int
memsz_below_filesz (void)
{
  segment (0)->p_memsz = segment (0)->p_filesz - 1;
  return exe_size;
}

static int
misaligned (void)
{
  segment (1)->p_offset++;
  return exe_size;
}

static int
overlapping (void)
{
  move_segment (1, segment (0)->p_vaddr & ~0xfffu);
  return exe_size;
}

static int
interpreter (void)
{
  segment (1)->p_type = PT_INTERP;
  return exe_size;
}

/* One broken executable. */
struct breakage
  {
    const char *what;
    int (*apply) (void);
  };

static const struct breakage breakages[] =
  {
    { "not ELF (bad magic)", bad_magic },
    { "64-bit class", class_64 },
    { "relocatable object, not an executable", relocatable },
    { "x86-64 machine", machine_x86_64 },
    { "wrong program header size", phentsize },
    { "65535 program headers", phnum_huge },
    { "program headers past the end of the file", phoff_past_end },
    { "entry point in kernel space", entry_kernel },
    { "truncated inside the file header", truncated },
    { "empty file", empty },
    { "segment past the end of the file", segment_past_end },
    { "segment in kernel space", segment_kernel },
    { "segment at page 0", segment_page_0 },
    { "segment wrapping around the address space", segment_wraps },
    { "segment smaller in memory than in the file", memsz_below_filesz },
    { "segment's offset and address disagree within a page", misaligned },
    { "overlapping segments", overlapping },
    { "needs a program interpreter", interpreter },
  };

/* Writes the first SIZE bytes of the copy as BAD_NAME and execs it.
   Returns exec's result, or the exit status if it ran. */
static int
write_and_exec (int size)
{
  int fd;

  remove (BAD_NAME);
  if (!create (BAD_NAME, size) || (fd = open (BAD_NAME)) < 2)
    fail ("cannot create \"%s\"", BAD_NAME);
  if (write (fd, copy, size) != size)
    fail ("cannot write \"%s\"", BAD_NAME);
  close (fd);
  pid_t pid = exec (BAD_NAME);
  return pid == PID_ERROR ? PID_ERROR : wait (pid);
}

void
test_main (void)
{
  int fd;

  CHECK ((fd = open ("child-simple")) > 1, "open child-simple");
  exe_size = read (fd, original, sizeof original);
  close (fd);
  if (exe_size <= 0 || exe_size == sizeof original)
    fail ("child-simple is %d bytes; this test can take %d", exe_size, EXE_MAX);
  memcpy (copy, original, exe_size);
  if (header ()->e_phnum < 2)
    fail ("child-simple has fewer than 2 program headers");

  size_t free_before = freepages ();
  for (unsigned i = 0; i < sizeof breakages / sizeof *breakages; i++)
    {
      memcpy (copy, original, exe_size);
      int result = write_and_exec (breakages[i].apply ());
      CHECK (result == -1, "%s: exec returns %d", breakages[i].what, result);
    }
  memcpy (copy, original, exe_size);
  msg ("the unbroken copy runs and exits with %d", write_and_exec (exe_size));
  remove (BAD_NAME);
  CHECK (freepages () == free_before, "free pages: as many as before");
}
