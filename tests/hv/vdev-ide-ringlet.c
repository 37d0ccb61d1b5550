/* An unmodified Ringlet kernel as a guest uses the emulated IDE disk
   through its own driver (devices/ide.c): it probes both channels,
   resets the disk, identifies it, reads it and writes it, waiting for
   each command's interrupt.  The guest is this very kernel, loaded as
   a multiboot kernel, with a disk image that ringlet-mkdisk made from
   it: its "run ide-read" compares its kernel partition with the image
   in its memory, and its "run vdev-ide-ringlet-guest" (below) writes
   the last sector of its disk.  The host then finds that sector in
   the disk's file. */

#include "tests/hv/hvtest.h"
#include <string.h>
#include "devices/block.h"
#include "devices/scratch.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

#define GUEST_FILE "ringlet.bin"
#define DISK_FILE "vdev-ide-ringlet.dsk"
#define GUEST_CMDLINE "-q run ide-read run vdev-ide-ringlet-guest"
#define GUEST_RAM (8u << 20)
#define GUEST_BUDGET 3000       /* Ticks: a whole kernel boots. */
#define DISK_FILE_MAX (4u << 20)

/* What the guest writes to its disk's last sector, and how many
   times. */
#define MARK "written by a Ringlet guest through devices/ide.c"

/* Fills SECTOR with MARK repeated. */
static void
fill_marks (char sector[BLOCK_SECTOR_SIZE])
{
  for (size_t i = 0; i < BLOCK_SECTOR_SIZE; i++)
    sector[i] = MARK[i % (sizeof MARK - 1)];
}

/* Runs in the guest: writes MARKs to the last sector of hda through
   the block layer and the IDE driver, and reads them back. */
static void
vdev_ide_ringlet_guest (void)
{
  static char expected[BLOCK_SECTOR_SIZE], back[BLOCK_SECTOR_SIZE];
  struct block *hda = block_get_by_name ("hda");

  if (hda == NULL)
    fail ("no disk hda");
  if (block_get_by_name ("hdb") != NULL || block_get_by_name ("hdc") != NULL)
    fail ("a disk where there is none");
  fill_marks (expected);
  block_write (hda, block_size (hda) - 1, expected);
  block_read (hda, block_size (hda) - 1, back);
  msg ("last sector of hda written and read back: %s",
       memcmp (expected, back, sizeof back) ? "different" : "the same");
}
KTEST ("vdev-ide-ringlet-guest", vdev_ide_ringlet_guest);

/* Runs the guest kernel with its disk, then checks the disk's file. */
static void
vdev_ide_ringlet_test (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  static char expected[BLOCK_SECTOR_SIZE];
  size_t free_before = palloc_free_count ();
  struct vmctl_spec spec;
  void *image;

  if (vmctl_load (GUEST_FILE, &spec, &image) != VMCTL_OK)
    fail ("cannot read %s", GUEST_FILE);
  spec.cmdline = GUEST_CMDLINE;
  spec.disk[0] = DISK_FILE;
  spec.ram_size = GUEST_RAM;
  spec.budget = GUEST_BUDGET;
  int vm = vmctl_create (&spec);
  free (image);
  if (vm < 0)
    fail ("cannot create a VM for %s: %s", GUEST_FILE, vmctl_strerror (vm));
  if (vmctl_start (vm) != VMCTL_OK)
    fail ("cannot start the VM of %s", GUEST_FILE);
  hvtest_finish (vm, GUEST_FILE, &report);
  hvtest_check_pages (free_before);

  void *data;
  size_t size;
  const char *error = scratch_read_file (DISK_FILE, DISK_FILE_MAX, &data,
                                         &size);
  if (error != NULL)
    fail ("cannot read %s: %s", DISK_FILE, error);
  fill_marks (expected);
  msg ("%s: the last sector holds the guest's marks: %s", DISK_FILE,
       size >= BLOCK_SECTOR_SIZE
       && !memcmp ((char *) data + size / BLOCK_SECTOR_SIZE
                   * BLOCK_SECTOR_SIZE - BLOCK_SECTOR_SIZE,
                   expected, sizeof expected) ? "yes" : "no");
  free (data);
}
KTEST ("vdev-ide-ringlet", vdev_ide_ringlet_test);
