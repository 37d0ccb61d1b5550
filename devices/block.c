/* The block-device layer.  Drivers register each disk or partition
   here with its size and read/write functions; the kernel then finds
   devices by name or by role and does sector I/O through this layer,
   which checks every sector number and counts reads and writes. */

#include "devices/block.h"
#include <debug.h>
#include <list.h>
#include <stdio.h>
#include <string.h>
#include "threads/malloc.h"

/* Longest device name, e.g. "hda1", without its terminating NUL. */
#define BLOCK_NAME_MAX 15

/* A block device. */
struct block
  {
    struct list_elem list_elem;         /* Element in block_devices. */

    char name[BLOCK_NAME_MAX + 1];      /* Name, e.g. "hda1". */
    enum block_type type;               /* What it is. */
    block_sector_t size;                /* Size in sectors. */

    const struct block_operations *ops; /* Driver's functions... */
    void *aux;                          /* ...and their argument. */

    unsigned long long read_cnt;        /* Sectors read. */
    unsigned long long write_cnt;       /* Sectors written. */
  };

/* Every registered device, in order of registration. */
static struct list block_devices = LIST_INITIALIZER (block_devices);

/* The device holding each role, or NULL. */
static struct block *block_by_role[BLOCK_ROLE_CNT];

/* Returns a short lower-case name for TYPE, e.g. "filesys". */
const char *
block_type_name (enum block_type type)
{
  static const char *const names[BLOCK_CNT] =
    {
      [BLOCK_KERNEL] = "kernel",
      [BLOCK_FILESYS] = "filesys",
      [BLOCK_SCRATCH] = "scratch",
      [BLOCK_SWAP] = "swap",
      [BLOCK_RAW] = "raw",
      [BLOCK_FOREIGN] = "foreign",
    };

  ASSERT (type < BLOCK_CNT);
  return names[type];
}

/* Returns the device that plays ROLE, or NULL if none does. */
struct block *
block_get_role (enum block_type role)
{
  ASSERT (role < BLOCK_ROLE_CNT);
  return block_by_role[role];
}

/* Makes BLOCK (which may be NULL) the device that plays ROLE. */
void
block_set_role (enum block_type role, struct block *block)
{
  ASSERT (role < BLOCK_ROLE_CNT);
  block_by_role[role] = block;
}

/* Returns the device in block_devices whose list element is E, or
   NULL at the end of the list. */
static struct block *
block_from_elem (struct list_elem *e)
{
  return e != list_end (&block_devices)
         ? list_entry (e, struct block, list_elem) : NULL;
}

/* Returns the first registered device, or NULL if there is none. */
struct block *
block_first (void)
{
  return block_from_elem (list_begin (&block_devices));
}

/* Returns the device registered after BLOCK, or NULL after the last. */
struct block *
block_next (struct block *block)
{
  return block_from_elem (list_next (&block->list_elem));
}

/* Returns the device called NAME, or NULL if there is none. */
struct block *
block_get_by_name (const char *name)
{
  for (struct block *b = block_first (); b != NULL; b = block_next (b))
    if (!strcmp (name, b->name))
      return b;
  return NULL;
}

/* Returns BLOCK's size in sectors. */
block_sector_t
block_size (struct block *block)
{
  return block->size;
}

/* Returns BLOCK's name, e.g. "hda". */
const char *
block_name (struct block *block)
{
  return block->name;
}

/* Returns BLOCK's type. */
enum block_type
block_type (struct block *block)
{
  return block->type;
}

/* Panics unless SECTOR lies within BLOCK: asking for a sector past
   the end is a bug in the kernel code that computed it. */
static void
block_check_sector (struct block *block, block_sector_t sector)
{
  if (sector >= block->size)
    PANIC ("access past end of block device %s: sector %"PRDSNu
           ", device has %"PRDSNu" sectors", block->name, sector,
           block->size);
}

/* Reads sector SECTOR of BLOCK into BUFFER, which must have room for
   BLOCK_SECTOR_SIZE bytes.  May sleep; the driver serialises access,
   so callers need no lock of their own for the device. */
void
block_read (struct block *block, block_sector_t sector, void *buffer)
{
  block_check_sector (block, sector);
  block->ops->read (block->aux, sector, buffer);
  block->read_cnt++;
}

/* Writes the BLOCK_SECTOR_SIZE bytes at BUFFER to sector SECTOR of
   BLOCK, returning once the device has them.  May sleep; the driver
   serialises access. */
void
block_write (struct block *block, block_sector_t sector, const void *buffer)
{
  block_check_sector (block, sector);
  ASSERT (block->type != BLOCK_FOREIGN);
  block->ops->write (block->aux, sector, buffer);
  block->write_cnt++;
}

/* Prints the reads and writes of every device that plays a role. */
void
block_print_stats (void)
{
  for (int role = 0; role < BLOCK_ROLE_CNT; role++)
    {
      struct block *b = block_by_role[role];
      if (b != NULL)
        printf ("%s (%s): %llu reads, %llu writes\n",
                b->name, block_type_name (b->type), b->read_cnt,
                b->write_cnt);
    }
}

/* Registers a device called NAME, of TYPE, SIZE sectors long, whose
   sectors OPS reads and writes given AUX, and announces it on the
   console: name, size, and EXTRA_INFO if it is not NULL.  Returns the
   new device.  May sleep; panics if memory runs out at boot. */
struct block *
block_register (const char *name, enum block_type type,
                const char *extra_info, block_sector_t size,
                const struct block_operations *ops, void *aux)
{
  struct block *block = malloc (sizeof *block);
  if (block == NULL)
    PANIC ("out of memory registering block device %s", name);

  ASSERT (type < BLOCK_CNT);
  strlcpy (block->name, name, sizeof block->name);
  block->type = type;
  block->size = size;
  block->ops = ops;
  block->aux = aux;
  block->read_cnt = block->write_cnt = 0;
  list_push_back (&block_devices, &block->list_elem);

  printf ("%s: %'"PRDSNu" sectors (", block->name, size);
  print_human_readable_size ((uint64_t) size * BLOCK_SECTOR_SIZE);
  printf (")");
  if (extra_info != NULL)
    printf (", %s", extra_info);
  printf ("\n");
  return block;
}
