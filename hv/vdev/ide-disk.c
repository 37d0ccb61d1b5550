/* The disks behind the emulated IDE controller (hv/vdev/ide.c): each
   a file of the host's scratch archive, what IDENTIFY DEVICE says
   about it, and its statistics.

   A disk is attached when the VM is created (vmctl_spec's DISK:
   disk0 is the primary master, which a Ringlet guest calls hda, disk1
   the primary slave, hdb).  A file's data lies contiguous and
   sector-aligned in the archive (devices/scratch.c), so the disk is
   read and written in place: disk sector N is sector FIRST + N of the
   scratch partition, and every sector the guest writes reaches the
   file at once; there is no cache and nothing to flush.  The disk has
   as many sectors as the file has whole sectors (at most LBA28's
   limit); a partial last sector is never touched, nor is anything
   outside the file.  Several VMs may share a file: their writes
   simply interleave, one sector at a time. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "devices/block.h"
#include "devices/scratch.h"

_Static_assert (VDEV_IDE_SECTOR == BLOCK_SECTOR_SIZE,
                "a disk sector is a scratch-partition sector");

/* Most sectors an LBA28 disk may report (IDENTIFY words 60-61). */
#define IDE_LBA28_MAX 0x0fffffff

/* IDENTIFY DEVICE data: word numbers and values (ATA/ATAPI-6, 8.15). */
#define ID_CONFIG          0    /* General configuration... */
#define ID_CONFIG_FIXED    0x0040 /* ...ATA device, not removable. */
#define ID_SERIAL          10   /* Words 10-19: serial number. */
#define ID_SERIAL_LEN      20
#define ID_FIRMWARE        23   /* Words 23-26: firmware revision. */
#define ID_FIRMWARE_LEN    8
#define ID_MODEL           27   /* Words 27-46: model number. */
#define ID_MODEL_LEN       40
#define ID_MULTIPLE        47   /* READ/WRITE MULTIPLE: 0x80 in the high
                                   byte, 0 sectors (not supported). */
#define ID_MULTIPLE_NONE   0x8000
#define ID_CAPABILITIES    49   /* Capabilities... */
#define ID_CAP_LBA         0x0200 /* ...LBA supported. */
#define ID_CAPABILITIES2   50   /* More capabilities: bit 14 set. */
#define ID_FIELDS_VALID    53   /* Which optional words are valid... */
#define ID_FIELDS_64_70    0x0002 /* ...words 64-70. */
#define ID_LBA28_SECTORS   60   /* Words 60-61: LBA28 capacity. */
#define ID_PIO_MODES       64   /* Advanced PIO modes... */
#define ID_PIO_MODES_3_4   0x0003 /* ...3 and 4. */
#define ID_PIO_CYCLE       67   /* Shortest PIO cycle without IORDY, ns. */
#define ID_PIO_CYCLE_IORDY 68   /* ...and with IORDY. */
#define ID_PIO_CYCLE_NS    120  /* Mode 4's cycle time. */
#define ID_MAJOR_VERSION   80   /* Standards it follows... */
#define ID_ATA6_ATA7       0x00c0 /* ...ATA/ATAPI-6 and -7. */
#define ID_COMMANDS2       83   /* Command sets supported (word 2)... */
#define ID_COMMANDS3       84   /* ...(word 3)... */
#define ID_ENABLED2        86   /* ...and enabled (word 2)... */
#define ID_ENABLED3        87   /* ...(word 3). */
#define ID_VALID_BIT14     0x4000 /* Bit 14 set, 15 clear: word valid. */
#define ID_CMD_FLUSH_CACHE 0x1000 /* FLUSH CACHE. */
#define ID_INTEGRITY       255  /* Checksum (high byte), signature (low). */
#define ID_INTEGRITY_SIG   0xa5

/* What IDENTIFY DEVICE says the disks are. */
#define IDE_MODEL    "Ringlet HV ATA disk"
#define IDE_FIRMWARE "1.0"

/* Attaches FILE of the scratch archive to D as disk number DISK.
   Returns a null pointer, or else, with D unchanged, a message saying
   why it cannot, written to WHY (SIZE bytes): no such file, a damaged
   archive, or a file shorter than one sector.  May sleep (it reads
   the archive's headers). */
const char *
vdev_ide_disk_open (struct vdev_ide_drive *d, unsigned disk,
                    const char *file, char *why, size_t size)
{
  struct block *store;
  block_sector_t first;
  size_t bytes;
  const char *error = scratch_locate (file, &store, &first, &bytes);

  if (error != NULL)
    {
      snprintf (why, size, "disk%u '%s': %s", disk, file, error);
      return why;
    }
  if (bytes < VDEV_IDE_SECTOR)
    {
      snprintf (why, size, "disk%u '%s': the file is shorter than one "
                "sector (%zu bytes)", disk, file, bytes);
      return why;
    }
  d->present = true;
  d->store = store;
  d->first = first;
  d->sectors = bytes / VDEV_IDE_SECTOR <= IDE_LBA28_MAX
               ? bytes / VDEV_IDE_SECTOR : IDE_LBA28_MAX;
  strlcpy (d->file, file, sizeof d->file);
  return NULL;
}

/* Reads sector LBA of D's disk, which must exist, into BUF.  Sleeps. */
void
vdev_ide_disk_read (struct vdev_ide_drive *d, uint32_t lba, void *buf)
{
  ASSERT (d->present && lba < d->sectors);
  block_read (d->store, d->first + lba, buf);
  d->sectors_read++;
}

/* Writes BUF to sector LBA of D's disk, which must exist.  Sleeps. */
void
vdev_ide_disk_write (struct vdev_ide_drive *d, uint32_t lba,
                     const void *buf)
{
  ASSERT (d->present && lba < d->sectors);
  block_write (d->store, d->first + lba, buf);
  d->sectors_written++;
}

/* Stores VALUE in word WORD of the IDENTIFY data at BUF. */
static void
ide_disk_put_word (uint8_t *buf, unsigned word, uint16_t value)
{
  buf[2 * word] = value & 0xff;
  buf[2 * word + 1] = value >> 8;
}

/* Stores S as the LEN-character ATA string that starts at word WORD
   of BUF: space-padded, two characters a word, the first of each pair
   in the word's high byte. */
static void
ide_disk_put_string (uint8_t *buf, unsigned word, const char *s, size_t len)
{
  for (size_t i = 0; i < len; i++)
    {
      char c = *s != '\0' ? *s++ : ' ';
      buf[2 * word + (i ^ 1)] = c;
    }
}

/* Fills BUF (VDEV_IDE_SECTOR bytes) with the IDENTIFY DEVICE data of
   D, disk number DISK. */
void
vdev_ide_disk_identify (const struct vdev_ide_drive *d, unsigned disk,
                        uint8_t *buf)
{
  char serial[ID_SERIAL_LEN + 1];

  memset (buf, 0, VDEV_IDE_SECTOR);
  snprintf (serial, sizeof serial, "HV-DISK-%u", disk);
  ide_disk_put_word (buf, ID_CONFIG, ID_CONFIG_FIXED);
  ide_disk_put_string (buf, ID_SERIAL, serial, ID_SERIAL_LEN);
  ide_disk_put_string (buf, ID_FIRMWARE, IDE_FIRMWARE, ID_FIRMWARE_LEN);
  ide_disk_put_string (buf, ID_MODEL, IDE_MODEL, ID_MODEL_LEN);
  ide_disk_put_word (buf, ID_MULTIPLE, ID_MULTIPLE_NONE);
  ide_disk_put_word (buf, ID_CAPABILITIES, ID_CAP_LBA);
  ide_disk_put_word (buf, ID_CAPABILITIES2, ID_VALID_BIT14);
  ide_disk_put_word (buf, ID_FIELDS_VALID, ID_FIELDS_64_70);
  ide_disk_put_word (buf, ID_LBA28_SECTORS, d->sectors & 0xffff);
  ide_disk_put_word (buf, ID_LBA28_SECTORS + 1, d->sectors >> 16);
  ide_disk_put_word (buf, ID_PIO_MODES, ID_PIO_MODES_3_4);
  ide_disk_put_word (buf, ID_PIO_CYCLE, ID_PIO_CYCLE_NS);
  ide_disk_put_word (buf, ID_PIO_CYCLE_IORDY, ID_PIO_CYCLE_NS);
  ide_disk_put_word (buf, ID_MAJOR_VERSION, ID_ATA6_ATA7);
  ide_disk_put_word (buf, ID_COMMANDS2, ID_VALID_BIT14 | ID_CMD_FLUSH_CACHE);
  ide_disk_put_word (buf, ID_COMMANDS3, ID_VALID_BIT14);
  ide_disk_put_word (buf, ID_ENABLED2, ID_CMD_FLUSH_CACHE);
  ide_disk_put_word (buf, ID_ENABLED3, ID_VALID_BIT14);

  /* The checksum makes the 512 bytes, signature included, sum to 0. */
  uint8_t sum = ID_INTEGRITY_SIG;
  for (unsigned i = 0; i < 2 * ID_INTEGRITY; i++)
    sum += buf[i];
  ide_disk_put_word (buf, ID_INTEGRITY,
                     (uint8_t) -sum << 8 | ID_INTEGRITY_SIG);
}

/* Prints a line of statistics for each disk VM has: commands, and
   sectors read from and written to its file. */
void
vdev_ide_print_stats (const struct vm *vm)
{
  for (unsigned disk = 0; disk < VDEV_IDE_CHANNELS * VDEV_IDE_UNITS; disk++)
    {
      const struct vdev_ide_drive *d
        = &vm->ide.channel[disk / VDEV_IDE_UNITS].drive[disk % VDEV_IDE_UNITS];
      if (d->present)
        printf ("hv: vm %d '%s': disk%u '%s' (hd%c): %"PRIu64" commands, "
                "%"PRIu64" sectors read, %"PRIu64" written\n", vm->id,
                vm->name, disk, d->file, 'a' + disk, d->commands,
                d->sectors_read, d->sectors_written);
    }
}
