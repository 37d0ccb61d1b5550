/* MBR partition tables.  partition_scan reads a disk's master boot
   record and registers each partition it lists as a block device
   (hda1...hda4 for the primary entries, hda5 and up for the logical
   partitions inside an extended one).  Partition types 0x20...0x23
   are Ringlet's kernel, file system, scratch and swap; any other type
   becomes a foreign partition that Ringlet never writes.

   The table comes from outside, so nothing in it is trusted: an entry
   that does not fit the disk is reported and skipped. */

#include "devices/partition.h"
#include <string.h>
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
#include <packed.h>
#include "devices/block.h"
#include "threads/loader.h"
#include "threads/malloc.h"

/* One entry of a partition table (MBR or EBR). */
struct partition_entry
  {
    uint8_t status;             /* +0x0 0x80 if active, else 0. */
    uint8_t chs_first[3];       /* +0x1 First sector, CHS (unused). */
    uint8_t type;               /* +0x4 Partition type; 0 if unused. */
    uint8_t chs_last[3];        /* +0x5 Last sector, CHS (unused). */
    uint32_t start;             /* +0x8 First sector, relative. */
    uint32_t size;              /* +0xc Number of sectors. */
  } PACKED;

#define PARTITION_ENTRIES 4

/* A master or extended boot record: one sector. */
struct partition_table
  {
    uint8_t code[446];                  /* +0x000 Boot code. */
    struct partition_entry entries[PARTITION_ENTRIES]; /* +0x1be */
    uint16_t signature;                 /* +0x1fe PARTITION_SIGNATURE. */
  } PACKED;

_Static_assert (sizeof (struct partition_table) == BLOCK_SECTOR_SIZE,
                "a partition table fills one sector");

#define PARTITION_SIGNATURE 0xaa55

/* Numbers of the first logical partition, and the most logical
   partitions followed (a cycle in a corrupt chain stops here). */
#define PARTITION_FIRST_LOGICAL 5
#define PARTITION_LOGICAL_MAX 60

#define PARTITION_NAME_SIZE 16   /* Room for a name like "hda12". */

/* Partition types that hold a chain of logical partitions. */
#define PART_TYPE_EXTENDED_CHS 0x05
#define PART_TYPE_EXTENDED_LBA 0x0f
#define PART_TYPE_EXTENDED_LINUX 0x85

/* A partition: a window onto its disk.  The AUX of its block device. */
struct partition
  {
    struct block *disk;         /* The whole disk. */
    block_sector_t start;       /* First sector of the partition. */
  };

/* Every partition found, in a fixed table like the block layer's own
   (the probe may run in the middle of a test that counts free pages);
   PARTITION_USED entries are taken. */
static struct partition partition_windows[BLOCK_DEVICE_MAX];
static int partition_used;

/* Returns the sector of the whole disk that is sector SECTOR of the
   partition WINDOW (a struct partition).  The block layer has already
   checked SECTOR against the partition's size. */
static block_sector_t
partition_to_disk (const void *window, block_sector_t sector)
{
  const struct partition *part = window;
  return part->start + sector;
}

/* Block driver read: sector SECTOR of partition WINDOW into BUF. */
static void
partition_read (void *window, block_sector_t sector, void *buf)
{
  const struct partition *part = window;
  block_read (part->disk, partition_to_disk (window, sector), buf);
}

/* Block driver write: BUF into sector SECTOR of partition WINDOW. */
static void
partition_write (void *window, block_sector_t sector, const void *buf)
{
  const struct partition *part = window;
  block_write (part->disk, partition_to_disk (window, sector), buf);
}

/* What a partition's block device runs on. */
static const struct block_operations partition_operations =
  {
    .read = partition_read,
    .write = partition_write,
  };

/* Returns the block type of partition type TYPE. */
static enum block_type
partition_block_type (uint8_t type)
{
  switch (type)
    {
    case PART_TYPE_KERNEL: return BLOCK_KERNEL;
    case PART_TYPE_FILESYS: return BLOCK_FILESYS;
    case PART_TYPE_SCRATCH: return BLOCK_SCRATCH;
    case PART_TYPE_SWAP: return BLOCK_SWAP;
    default: return BLOCK_FOREIGN;
    }
}

/* Returns a description of partition type TYPE. */
static const char *
partition_type_name (uint8_t type)
{
  switch (type)
    {
    case PART_TYPE_KERNEL: return "Ringlet kernel";
    case PART_TYPE_FILESYS: return "Ringlet file system";
    case PART_TYPE_SCRATCH: return "Ringlet scratch";
    case PART_TYPE_SWAP: return "Ringlet swap";
    case 0x01: case 0x04: case 0x06: case 0x0e: return "FAT";
    case 0x07: return "NTFS or exFAT";
    case 0x0b: case 0x0c: return "FAT32";
    case 0x82: return "Linux swap";
    case 0x83: return "Linux";
    case 0xa5: return "FreeBSD";
    case 0xee: return "GPT protective";
    case 0xef: return "EFI system";
    default: return "unknown";
    }
}

/* Returns true if TYPE is an extended partition. */
static bool
partition_is_extended (uint8_t type)
{
  return type == PART_TYPE_EXTENDED_CHS || type == PART_TYPE_EXTENDED_LBA
         || type == PART_TYPE_EXTENDED_LINUX;
}

/* Reads the partition table in sector SECTOR of DISK into TABLE.
   Returns true if it carries the boot-record signature; otherwise
   says so and returns false. */
static bool
partition_read_table (struct block *disk, block_sector_t sector,
                      struct partition_table *table)
{
  block_read (disk, sector, table);
  if (table->signature == PARTITION_SIGNATURE)
    return true;
  printf ("%s: no partition table in sector %"PRDSNu" (signature "
          "missing), ignored\n", block_name (disk), sector);
  return false;
}

/* Checks that entry E, whose sectors count from BASE, lies within
   DISK past its own table.  Reports the problem under NAME and
   returns false if not. */
static bool
partition_fits (struct block *disk, const char *name,
                const struct partition_entry *e, block_sector_t base)
{
  uint64_t start = (uint64_t) base + e->start;
  uint64_t end = start + e->size;

  if (e->size == 0)
    printf ("%s: partition has zero size, skipped\n", name);
  else if (e->start == 0)
    printf ("%s: partition overlaps its partition table, skipped\n", name);
  else if (end > block_size (disk))
    printf ("%s: partition (sectors %"PRIu64"...%"PRIu64") extends past "
            "the end of %s (%"PRDSNu" sectors), skipped\n",
            name, start, end - 1, block_name (disk), block_size (disk));
  else
    return true;
  return false;
}

/* Writes the name of partition NUMBER of DISK, e.g. "hda1", to NAME. */
static void
partition_name (char name[PARTITION_NAME_SIZE], struct block *disk, int number)
{
  snprintf (name, PARTITION_NAME_SIZE, "%s%d", block_name (disk), number);
}

/* Registers entry E of a table of DISK, whose sectors count from
   BASE, as partition number NUMBER, if it fits on the disk. */
static void
partition_add (struct block *disk, int number,
               const struct partition_entry *e, block_sector_t base)
{
  char name[PARTITION_NAME_SIZE];
  char info[64];

  partition_name (name, disk, number);
  if (!partition_fits (disk, name, e, base))
    return;

  if (partition_used == BLOCK_DEVICE_MAX)
    {
      printf ("%s: more than %d partitions, skipped\n", name,
              BLOCK_DEVICE_MAX);
      return;
    }
  struct partition *p = &partition_windows[partition_used++];
  p->disk = disk;
  p->start = base + e->start;
  snprintf (info, sizeof info, "%s (%02x)", partition_type_name (e->type),
            e->type);
  block_register (name, partition_block_type (e->type), info, e->size,
                  &partition_operations, p);
}

/* Registers the logical partitions in the extended partition EXT of
   DISK, numbering them from *NUMBER on, using TABLE as a buffer.
   Each extended boot record holds one logical partition (relative to
   the record) and a link to the next record (relative to EXT).  Links
   must lead forward, so a corrupt chain cannot loop. */
static void
partition_scan_extended (struct block *disk, const struct partition_entry *ext,
                         struct partition_table *table, int *number)
{
  block_sector_t link = 0;

  for (int i = 0; i < PARTITION_LOGICAL_MAX; i++)
    {
      block_sector_t record = ext->start + link;
      if (!partition_read_table (disk, record, table))
        return;

      const struct partition_entry *logical = &table->entries[0];
      const struct partition_entry *next = &table->entries[1];
      if (logical->type != 0 && !partition_is_extended (logical->type))
        partition_add (disk, (*number)++, logical, record);
      if (next->type == 0)
        return;
      if (!partition_is_extended (next->type) || next->start <= link
          || next->start >= ext->size)
        {
          printf ("%s: bad link in extended partition at sector %"PRDSNu
                  ", rest of chain ignored\n", block_name (disk), record);
          return;
        }
      link = next->start;
    }
  printf ("%s: more than %d logical partitions, rest ignored\n",
          block_name (disk), PARTITION_LOGICAL_MAX);
}

/* Registers every partition listed in DISK's master boot record as a
   block device.  Bad entries are reported and skipped; a disk without
   a partition table is reported and left alone.  May sleep. */
void
partition_scan (struct block *disk)
{
  struct partition_entry entries[PARTITION_ENTRIES];
  struct partition_table *table = malloc (sizeof *table);
  int logical = PARTITION_FIRST_LOGICAL;

  if (table == NULL)
    {
      printf ("%s: out of memory, partitions not scanned\n",
              block_name (disk));
      return;
    }
  if (!partition_read_table (disk, 0, table))
    goto done;

  memcpy (entries, table->entries, sizeof entries);
  for (int i = 0; i < PARTITION_ENTRIES; i++)
    {
      const struct partition_entry *e = &entries[i];
      if (e->type == 0)
        continue;
      if (!partition_is_extended (e->type))
        partition_add (disk, i + 1, e, 0);
      else
        {
          char name[PARTITION_NAME_SIZE];
          partition_name (name, disk, i + 1);
          if (partition_fits (disk, name, e, 0))
            partition_scan_extended (disk, e, table, &logical);
        }
    }

 done:
  free (table);
}
