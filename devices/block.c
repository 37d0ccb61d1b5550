/* The block-device layer.  Drivers register each disk or partition
   here with its size and read/write functions; the kernel then finds
   devices by name or by role and does sector I/O through this layer,
   which checks every sector number and counts reads and writes.

   Devices are found on first use.  The boot sequence names, with
   block_set_prober, the function that finds them (the drivers' probes
   and the choice of a device for each role); the first lookup
   (block_first, block_get_by_name, block_get_role) runs it, once.  A
   run that never looks a device up, such as a threads-lab test, never
   touches a disk controller.  That matters for repeatability: QEMU
   completes a disk transfer in host time, so one sector read at boot
   can shift every later tick count of the run. */

#include "devices/block.h"
#include <debug.h>
#include <list.h>
#include <string.h>
#include <stdio.h>
#include "threads/interrupt.h"
#include "threads/synch.h"

/* Longest device name, e.g. "hda1", without its terminating NUL. */
#define BLOCK_NAME_MAX 15

/* Directions of a transfer; they index a device's counters. */
enum block_dir
  {
    BLOCK_DIR_READ,
    BLOCK_DIR_WRITE,
    BLOCK_DIR_CNT
  };

/* A registered device. */
struct block
  {
    char name[BLOCK_NAME_MAX + 1];      /* E.g. "hda1". */
    block_sector_t sector_cnt;          /* Length in sectors. */
    enum block_type type;               /* Kind of device. */
    const struct block_operations *driver; /* Moves sectors... */
    void *driver_aux;                   /* ...given this. */
    unsigned long long io_cnt[BLOCK_DIR_CNT]; /* Sectors moved each way. */
    struct list_elem all_elem;          /* In block_all. */
  };

/* Every device, in a fixed table (see block_register); BLOCK_USED
   entries are taken.  BLOCK_ALL lists them in the order they were
   registered. */
static struct block block_table[BLOCK_DEVICE_MAX];
static int block_used;
static struct list block_all = LIST_INITIALIZER (block_all);

/* For each role, the device playing it, or NULL. */
static struct block *block_roles[BLOCK_ROLE_CNT];

/* Finds the devices and gives out the roles; NULL until the boot
   sequence names it.  block_probe_lock serialises the one run of it,
   and block_probe_done records that it has happened. */
static void (*block_prober) (void);
static struct lock block_probe_lock;
static bool block_probe_done;

/* Printable names of the device kinds. */
static const char *const block_type_names[BLOCK_CNT] =
  {
    [BLOCK_KERNEL] = "kernel",
    [BLOCK_FILESYS] = "filesys",
    [BLOCK_SCRATCH] = "scratch",
    [BLOCK_SWAP] = "swap",
    [BLOCK_RAW] = "raw",
    [BLOCK_FOREIGN] = "foreign",
  };

/* Returns the printable name of device kind TYPE, e.g. "swap". */
const char *
block_type_name (enum block_type type)
{
  ASSERT (type < BLOCK_CNT);
  return block_type_names[type];
}

/* Returns the slot of block_roles for ROLE, which must be a role. */
static struct block **
block_role_slot (enum block_type role)
{
  ASSERT (role < BLOCK_ROLE_CNT);
  return &block_roles[role];
}

/* Makes PROBER the function that finds the devices (by calling
   block_register) and gives out the roles (block_set_role), to be run
   by the first lookup.  Called once, at boot, before any lookup. */
void
block_set_prober (void (*prober) (void))
{
  ASSERT (block_prober == NULL && prober != NULL);
  lock_init (&block_probe_lock);
  block_prober = prober;
}

/* Runs the prober unless it has run (or is running: its own lookups
   come back here).  May sleep, so not from an interrupt handler; a
   thread that looks a device up at the same moment waits for the
   probe to finish. */
void
block_probe (void)
{
  if (block_probe_done || block_prober == NULL
      || lock_held_by_current_thread (&block_probe_lock))
    return;
  ASSERT (!intr_context ());
  lock_acquire (&block_probe_lock);
  if (!block_probe_done)
    block_prober ();
  block_probe_done = true;
  lock_release (&block_probe_lock);
}

/* Returns true once the devices have been probed. */
bool
block_probed (void)
{
  return block_probe_done;
}

/* Returns the device assigned ROLE, or NULL if ROLE is unassigned.
   Probes the devices first if nothing has yet. */
struct block *
block_get_role (enum block_type role)
{
  block_probe ();
  return *block_role_slot (role);
}

/* Assigns ROLE to device DEV; a null DEV leaves ROLE unassigned. */
void
block_set_role (enum block_type role, struct block *dev)
{
  *block_role_slot (role) = dev;
}

/* Returns the device whose element in block_all is E, or NULL if E
   is the list's end. */
static struct block *
block_at (struct list_elem *e)
{
  if (e == list_end (&block_all))
    return NULL;
  return list_entry (e, struct block, all_elem);
}

/* Returns the earliest registered device, or NULL if none exists.
   Probes the devices first if nothing has yet. */
struct block *
block_first (void)
{
  block_probe ();
  return block_at (list_begin (&block_all));
}

/* Returns the device registered just after DEV, or NULL if DEV was
   the latest. */
struct block *
block_next (struct block *dev)
{
  return block_at (list_next (&dev->all_elem));
}

/* Returns the device named NAME, or NULL if no device has it.
   Probes the devices first (through block_first) if nothing has yet. */
struct block *
block_get_by_name (const char *name)
{
  struct block *dev = block_first ();

  while (dev != NULL && strcmp (dev->name, name) != 0)
    dev = block_next (dev);
  return dev;
}

/* Returns the number of sectors of DEV. */
block_sector_t
block_size (struct block *dev)
{
  return dev->sector_cnt;
}

/* Returns DEV's name, such as "hdb". */
const char *
block_name (struct block *dev)
{
  return dev->name;
}

/* Returns the kind of device DEV is. */
enum block_type
block_type (struct block *dev)
{
  return dev->type;
}

/* Checks that SECTOR exists on DEV, then counts one transfer in
   direction DIR.  A sector past the end can only come from a kernel
   bug, so it panics. */
static void
block_account (struct block *dev, block_sector_t sector, enum block_dir dir)
{
  if (sector >= dev->sector_cnt)
    PANIC ("access past end of block device %s: sector %"PRDSNu
           ", device has %"PRDSNu" sectors", dev->name, sector,
           dev->sector_cnt);
  dev->io_cnt[dir]++;
}

/* Copies sector SECTOR of DEV into BUF, BLOCK_SECTOR_SIZE bytes.
   May sleep.  The driver serialises requests to one device, so
   callers need no lock of their own. */
void
block_read (struct block *dev, block_sector_t sector, void *buf)
{
  block_account (dev, sector, BLOCK_DIR_READ);
  dev->driver->read (dev->driver_aux, sector, buf);
}

/* Stores the BLOCK_SECTOR_SIZE bytes at BUF in sector SECTOR of DEV
   and returns when the device holds them.  DEV must not be foreign.
   May sleep; the driver serialises requests. */
void
block_write (struct block *dev, block_sector_t sector, const void *buf)
{
  ASSERT (dev->type != BLOCK_FOREIGN);
  block_account (dev, sector, BLOCK_DIR_WRITE);
  dev->driver->write (dev->driver_aux, sector, buf);
}

/* Prints one line of transfer counts for each device that has a
   role, in role order.  Never probes: a run that used no disk prints
   nothing. */
void
block_print_stats (void)
{
  enum block_type role;

  for (role = 0; role < BLOCK_ROLE_CNT; role++)
    {
      struct block *dev = block_roles[role];
      if (dev == NULL)
        continue;
      printf ("%s (%s): %llu reads, %llu writes\n", dev->name,
              block_type_name (dev->type), dev->io_cnt[BLOCK_DIR_READ],
              dev->io_cnt[BLOCK_DIR_WRITE]);
    }
}

/* Prints the line that introduces new device DEV on the console:
   its name, length in sectors and in bytes, then EXTRA (if not
   NULL). */
static void
block_announce (const struct block *dev, const char *extra)
{
  printf ("%s: %'"PRDSNu" sectors (", dev->name, dev->sector_cnt);
  print_human_readable_size ((uint64_t) dev->sector_cnt * BLOCK_SECTOR_SIZE);
  printf (")%s%s\n", extra != NULL ? ", " : "", extra != NULL ? extra : "");
}

/* Adds a device of kind TYPE named NAME with SIZE sectors, which the
   driver functions OPS move given AUX, prints it with EXTRA_INFO, and
   returns it.  Returns a null pointer, having said so, if
   BLOCK_DEVICE_MAX devices exist already.  Takes its room from a
   fixed table, never from the allocators: the probe may run in the
   middle of a test that counts free pages. */
struct block *
block_register (const char *name, enum block_type type, const char *extra_info,
                block_sector_t size, const struct block_operations *ops,
                void *aux)
{
  struct block *dev;

  ASSERT (type < BLOCK_CNT);
  if (block_used == BLOCK_DEVICE_MAX)
    {
      printf ("%s: more than %d block devices, ignored\n", name,
              BLOCK_DEVICE_MAX);
      return NULL;
    }
  dev = &block_table[block_used++];
  strlcpy (dev->name, name, sizeof dev->name);
  dev->sector_cnt = size;
  dev->type = type;
  dev->driver = ops;
  dev->driver_aux = aux;
  list_push_back (&block_all, &dev->all_elem);
  block_announce (dev, extra_info);
  return dev;
}
