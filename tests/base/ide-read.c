/* Disk reads: the kernel partition, read through the block layer and
   the IDE driver, must hold exactly the kernel image the boot sector
   loaded into memory.  Compares every sector of the image's code and
   read-only data (which nothing changes after loading) with memory,
   and checks that the partition is as large as the image. */

#include <round.h>
#include <stdint.h>
#include <string.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "devices/block.h"
#include "threads/loader.h"
#include "threads/vaddr.h"

/* Bounds of the kernel image, from the linker script: its start, the
   end of the export table (everything up to there is code, constants
   and tables that nothing changes after loading) and its end. */
extern const uint8_t _start[], __stop_kexports[], _end_kernel_image[];

/* Sectors the kernel partition may have at most: the boot sector
   loads no more than LOADER_KERN_MAX bytes, and the disk builder pads
   the partition by less than a megabyte. */
#define IDE_READ_MAX_SECTORS ((LOADER_KERN_MAX + 0x100000) / BLOCK_SECTOR_SIZE)

static uint8_t ide_read_buf[BLOCK_SECTOR_SIZE];

/* Reads sector SECTOR of KERNEL and checks it against the image in
   memory. */
static void
compare_sector (struct block *kernel, block_sector_t sector)
{
  const uint8_t *image = _start + sector * BLOCK_SECTOR_SIZE;
  size_t i;

  block_read (kernel, sector, ide_read_buf);
  for (i = 0; i < BLOCK_SECTOR_SIZE; i++)
    CHECK (ide_read_buf[i] == image[i],
           "sector %"PRDSNu" byte %zu: disk has 0x%02x, memory 0x%02x",
           sector, i, ide_read_buf[i], image[i]);
}

/* Finds the kernel partition and compares it with memory. */
static void
ide_read_test (void)
{
  struct block *kernel = block_get_role (BLOCK_KERNEL);
  size_t image_sectors = DIV_ROUND_UP (_end_kernel_image - _start,
                                       BLOCK_SECTOR_SIZE);
  block_sector_t sector, ro_sectors;

  CHECK (kernel != NULL, "no block device has the kernel role");
  check_int ("type of the kernel device", block_type (kernel), BLOCK_KERNEL);
  CHECK (block_size (kernel) >= image_sectors
         && block_size (kernel) <= IDE_READ_MAX_SECTORS,
         "kernel partition has %"PRDSNu" sectors for an image of %zu",
         block_size (kernel), image_sectors);
  msg ("kernel partition is large enough for the kernel image");

  CHECK (_start == ptov (LOADER_KERN_BASE),
         "kernel image not at LOADER_KERN_BASE");
  compare_sector (kernel, 0);
  msg ("sector 0 matches the first 512 bytes of the image in memory");
  ro_sectors = (__stop_kexports - _start) / BLOCK_SECTOR_SIZE;
  for (sector = 1; sector < ro_sectors; sector++)
    compare_sector (kernel, sector);
  msg ("so does every sector of code and read-only data");
  block_read (kernel, block_size (kernel) - 1, ide_read_buf);
  msg ("the last sector of the partition is readable");
}

KTEST ("ide-read", ide_read_test);
