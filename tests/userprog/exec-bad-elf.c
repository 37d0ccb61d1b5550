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

/* Room for the loadable part of child-simple (its debugging
   information, after it, is left out of the copies). */
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

/* Moves segment I to page-aligned address PAGE, keeping its offset
   within the page (which must match its file offset's). */
static void
move_segment (int i, uint32_t page)
{
  segment (i)->p_vaddr = page | (segment (i)->p_vaddr & 0xfff);
}

/* Ways to break the copy's headers. */
static void keep (void) { }
static void bad_magic (void) { header ()->e_ident[0] = 0; }
static void class_64 (void) { header ()->e_ident[ELF_IDENT_CLASS] = 2; }
static void relocatable (void) { header ()->e_type = ELF_TYPE_REL; }
static void x86_64 (void) { header ()->e_machine = 62; }
static void phentsize (void) { header ()->e_phentsize = 16; }
static void phnum_huge (void) { header ()->e_phnum = 0xffff; }
static void phoff_past_end (void) { header ()->e_phoff = exe_size; }
static void entry_kernel (void) { header ()->e_entry = 0xc0000000; }
static void past_end (void) { segment (0)->p_filesz = 4 * EXE_MAX; }
static void in_kernel (void) { move_segment (1, 0xc0000000); }
static void page_0 (void) { move_segment (1, 0); }
static void shrunk (void) { segment (0)->p_memsz = segment (0)->p_filesz - 1; }
static void misaligned (void) { segment (1)->p_offset++; }
static void overlapping (void) { move_segment (1, segment (0)->p_vaddr); }
static void interpreter (void) { segment (1)->p_type = PT_INTERP; }

static void
wraps (void)
{
  move_segment (1, 0xfffff000);
  segment (1)->p_memsz = 0x2000;
}

/* Size of a copy: the whole loadable part. */
#define WHOLE (-1)

/* One broken executable: how to break it, and how many bytes of the
   copy to write. */
struct breakage
  {
    const char *what;
    void (*apply) (void);
    int size;
  };

static const struct breakage breakages[] =
  {
    { "not ELF (bad magic)", bad_magic, WHOLE },
    { "64-bit class", class_64, WHOLE },
    { "relocatable object, not an executable", relocatable, WHOLE },
    { "x86-64 machine", x86_64, WHOLE },
    { "wrong program header size", phentsize, WHOLE },
    { "65535 program headers", phnum_huge, WHOLE },
    { "program headers past the end of the file", phoff_past_end, WHOLE },
    { "entry point in kernel space", entry_kernel, WHOLE },
    { "truncated inside the file header", keep,
      sizeof (struct elf32_header) / 2 },
    { "empty file", keep, 0 },
    { "segment past the end of the file", past_end, WHOLE },
    { "segment in kernel space", in_kernel, WHOLE },
    { "segment at page 0", page_0, WHOLE },
    { "segment wrapping around the address space", wraps, WHOLE },
    { "segment smaller in memory than in the file", shrunk, WHOLE },
    { "segment's offset and address disagree within a page", misaligned,
      WHOLE },
    { "overlapping segments", overlapping, WHOLE },
    { "needs a program interpreter", interpreter, WHOLE },
  };

/* Returns the bytes of the copy up to the end of its last segment's
   file contents, or 0 if it has fewer than two program headers. */
static int
loadable_size (void)
{
  int size = 0;

  if (header ()->e_phnum < 2)
    return 0;
  for (int i = 0; i < header ()->e_phnum; i++)
    if ((int) (segment (i)->p_offset + segment (i)->p_filesz) > size)
      size = segment (i)->p_offset + segment (i)->p_filesz;
  return size;
}

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
  int fd = open ("child-simple");

  CHECK (fd > 1, "open child-simple");
  int got = read (fd, original, sizeof original);
  close (fd);
  memcpy (copy, original, sizeof copy);
  exe_size = loadable_size ();
  if (exe_size == 0 || exe_size > got)
    fail ("child-simple's segments are not within its first %d bytes", got);

  size_t free_before = freepages ();
  for (unsigned i = 0; i < sizeof breakages / sizeof *breakages; i++)
    {
      memcpy (copy, original, exe_size);
      breakages[i].apply ();
      int size = breakages[i].size == WHOLE ? exe_size : breakages[i].size;
      int result = write_and_exec (size);
      CHECK (result == -1, "%s: exec returns %d", breakages[i].what, result);
    }
  memcpy (copy, original, exe_size);
  msg ("the unbroken copy runs and exits with %d", write_and_exec (exe_size));
  remove (BAD_NAME);
  CHECK (freepages () == free_before, "free pages: as many as before");
}
