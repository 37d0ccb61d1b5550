/* Swap slots on the swap partition (the block device in the BLOCK_SWAP
   role: the first partition of type 0x23, which the launcher adds with
   --swap-size, or the one "-swap=" names).  The partition is cut into
   slots of one page each, consecutive sectors; a bitmap says which are
   taken.  Without a swap partition there are no slots, and pages that
   need one cannot be evicted.

   Locking: swap_lock guards the bitmap only, and is the innermost lock
   of the vm (see vm/frame.c).  Reading and writing a slot takes no
   lock: a slot belongs to one page at a time, and the block layer
   serialises the disk itself. */

#include "vm/swap.h"
#include <bitmap.h>
#include <debug.h>
#include "devices/block.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

/* LAB vm: swap */
/* Sectors in one slot. */
#define SWAP_SLOT_SECTORS (PGSIZE / BLOCK_SECTOR_SIZE)

static struct block *swap_device;       /* NULL without a swap partition. */
static struct bitmap *swap_used;        /* A bit per slot, true if taken. */
static size_t swap_slots;               /* Slots in all. */
static struct lock swap_lock;           /* Guards SWAP_USED. */

/* Finds the swap partition and makes every slot free.  Boot time,
   after the block devices have their roles.  Without a partition, or
   without memory for the bitmap, there are no slots. */
void
swap_init (void)
{
  lock_init (&swap_lock);
  swap_device = block_get_role (BLOCK_SWAP);
  if (swap_device == NULL)
    return;
  size_t slots = block_size (swap_device) / SWAP_SLOT_SECTORS;
  swap_used = bitmap_create (slots);
  if (swap_used != NULL)
    swap_slots = slots;
}

/* Takes a free slot and returns it, or SWAP_NONE if all are taken.
   May sleep. */
swap_slot_t
swap_alloc (void)
{
  if (swap_slots == 0)
    return SWAP_NONE;
  lock_acquire (&swap_lock);
  size_t slot = bitmap_scan_and_flip (swap_used, 0, 1, false);
  lock_release (&swap_lock);
  return slot != BITMAP_ERROR ? slot : SWAP_NONE;
}

/* Gives back SLOT, which must be taken.  May sleep. */
void
swap_free (swap_slot_t slot)
{
  ASSERT (slot < swap_slots);
  lock_acquire (&swap_lock);
  ASSERT (bitmap_test (swap_used, slot));
  bitmap_reset (swap_used, slot);
  lock_release (&swap_lock);
}

/* Returns the first sector of SLOT. */
static block_sector_t
swap_sector (swap_slot_t slot)
{
  ASSERT (slot < swap_slots);
  return slot * SWAP_SLOT_SECTORS;
}

/* Writes the page at KPAGE to SLOT.  Sleeps for the disk. */
void
swap_write (swap_slot_t slot, const void *kpage)
{
  for (int i = 0; i < SWAP_SLOT_SECTORS; i++)
    block_write (swap_device, swap_sector (slot) + i,
                 (const uint8_t *) kpage + i * BLOCK_SECTOR_SIZE);
}

/* Reads SLOT into the page at KPAGE.  Sleeps for the disk. */
void
swap_read (swap_slot_t slot, void *kpage)
{
  for (int i = 0; i < SWAP_SLOT_SECTORS; i++)
    block_read (swap_device, swap_sector (slot) + i,
                (uint8_t *) kpage + i * BLOCK_SECTOR_SIZE);
}

/* Returns how many slots are free.  May sleep. */
size_t
swap_free_count (void)
{
  if (swap_slots == 0)
    return 0;
  lock_acquire (&swap_lock);
  size_t cnt = bitmap_count (swap_used, 0, swap_slots, false);
  lock_release (&swap_lock);
  return cnt;
}

/* Returns how many slots there are in all. */
size_t
swap_slot_count (void)
{
  return swap_slots;
}
/* END LAB */
