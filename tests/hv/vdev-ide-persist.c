/* An emulated IDE disk lives in its file of the scratch archive: what
   the guest writes is in the file once the VM has ended.  Before this
   test, the command line's "vmrun guest-ide-write.bin+disk0=..." ran
   tests/hv/guest-ide-write.c with vdev-ide-persist.dsk as its master
   disk, and the guest wrote sectors 5-6; this test runs it again with
   the same file as its slave disk (sectors 9-10), then reads the file
   from the archive and checks that exactly those sectors changed.  A
   disk file that does not exist, or is shorter than a sector, makes
   the VM's creation fail without leaking a page.  And a hostile guest
   (tests/hv/guest-ide-fuzz.c) whose disk is vdev-ide-fuzz.dsk, the
   file just before vdev-ide-persist.dsk in the archive, changes
   neither that file nor its own file's partial last sector.  Both
   disk files hold sectors in which word I of sector S is S * 256 + I,
   then 100 bytes of 'T' that are no whole sector. */

#include "tests/hv/hvtest.h"
#include <stdio.h>
#include "devices/scratch.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

#define DISK_FILE "vdev-ide-persist.dsk"
#define FUZZ_FILE "vdev-ide-fuzz.dsk"
#define FUZZ_SECTORS 4
#define FUZZ_BUDGET 3000        /* Ticks: it makes many port exits. */
#define DISK_SECTORS 16
#define TAIL_BYTES 100
#define TAIL_BYTE 'T'
#define SECTOR_WORDS 256
#define WRITE_COUNT 2

/* The first sector the guest writes as the master (unit 0) or the
   slave (unit 1), and the pattern it writes there, as in
   tests/hv/guest-ide-write.c. */
static unsigned
written_first (unsigned unit)
{
  return unit ? 9 : 5;
}

static uint16_t
pattern (unsigned unit, unsigned s, unsigned i)
{
  return (0xffff - (s * SECTOR_WORDS + i)) ^ (unit ? 0x5a5a : 0);
}

/* Returns the unit whose guest wrote sector S, or -1 if none did. */
static int
writer_of (unsigned s)
{
  for (unsigned unit = 0; unit < 2; unit++)
    if (s >= written_first (unit) && s < written_first (unit) + WRITE_COUNT)
      return unit;
  return -1;
}

/* Returns true if the file's sector S, at WORDS, holds what it should:
   the pattern of the unit that wrote it, else the original content. */
static bool
sector_as_expected (const uint16_t *words, unsigned s)
{
  int unit = writer_of (s);
  for (unsigned i = 0; i < SECTOR_WORDS; i++)
    if (words[i] != (unit >= 0 ? pattern (unit, s, i)
                                : (uint16_t) (s * SECTOR_WORDS + i)))
      return false;
  return true;
}

/* Reads file NAME from the archive into a new buffer (the caller
   frees it), fails unless it is SECTORS sectors and the tail long, and
   checks the tail. */
static uint16_t *
read_disk_file (const char *name, unsigned sectors)
{
  void *data;
  size_t size;
  const char *error = scratch_read_file (name, 1 << 20, &data, &size);
  if (error != NULL)
    fail ("cannot read %s: %s", name, error);
  if (size != sectors * 512 + TAIL_BYTES)
    fail ("%s: %zu bytes: its length changed", name, size);
  const char *tail = (const char *) data + sectors * 512;
  for (unsigned i = 0; i < TAIL_BYTES; i++)
    if (tail[i] != TAIL_BYTE)
      fail ("%s: the partial last sector changed at byte %u", name, i);
  return data;
}

/* Reads the disk file from the archive and reports what it holds. */
static void
check_file (void)
{
  uint16_t *words = read_disk_file (DISK_FILE, DISK_SECTORS);
  for (unsigned s = 0; s < DISK_SECTORS; s++)
    if (!sector_as_expected (words + s * SECTOR_WORDS, s))
      fail ("sector %u does not hold what it should", s);
  msg ("sectors 5-6 hold the master's pattern, 9-10 the slave's; "
       "the other sectors and the partial tail are as before");
  free (words);
}

/* Tries to create a VM whose disk0 is FILE, which must fail, and
   reports the status. */
static void
refuse_disk (const char *file)
{
  struct vmctl_spec spec;
  void *image;
  size_t free_before = palloc_free_count ();

  if (vmctl_load ("guest-hello.bin", &spec, &image) != VMCTL_OK)
    fail ("cannot read guest-hello.bin");
  spec.disk[0] = file;
  int vm = vmctl_create (&spec);
  free (image);
  if (vm >= 0)
    fail ("a VM was created with disk0 '%s'", file);
  hvtest_check_pages (free_before);
  msg ("disk0 '%s': VM refused: %s", file, vmctl_strerror (vm));
}

static void
vdev_ide_persist_test (void)
{
  struct hvtest_options slave = { .disk = { NULL, DISK_FILE } };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run ("guest-ide-write.bin", &slave, &report);

  struct hvtest_options fuzz = { .budget = FUZZ_BUDGET,
                                 .disk = { FUZZ_FILE } };
  hvtest_run ("guest-ide-fuzz.bin", &fuzz, &report);
  free (read_disk_file (FUZZ_FILE, FUZZ_SECTORS));
  msg ("%s: its partial last sector is as before", FUZZ_FILE);
  check_file ();
  refuse_disk ("no-such.dsk");
  refuse_disk ("vdev-ide-tiny.dsk");
}
KTEST ("vdev-ide-persist", vdev_ide_persist_test);
