/* The hv's swap slots: page-sized pieces of the swap partition (the
   block device in the BLOCK_SWAP role, which the launcher adds with
   --swap-size), where evicted guest pages wait (hv/reclaim.c).

   Why the hv keeps its own slots rather than calling the vm lab's
   vm/swap.c: the hv is a module, and the kernels that load it (the hv
   and sched labs) build neither vm/ nor anything that would call
   swap_init at boot; and the hv lab must not need a student's vm lab.
   The two never meet: no kernel of this tree builds both the vm lab
   and the hv, so the partition is the hv's alone where it runs.

   The slots are found the first time they are asked for (the disks
   have been probed by then: the guest images come from the scratch
   partition) and never given up; the bitmap lives in the module's own
   memory, so unloading the hv leaves nothing behind.  A partition
   larger than GSWAP_SLOTS_MAX slots is used up to that many.

   Every caller runs on the boot CPU (hv/npt.c backs and evicts pages
   only there): the boot CPU's rule, interrupts off, makes the bitmap's
   updates atomic.  Reading and writing a slot take no lock: a slot
   belongs to one guest page at a time, and the block layer serialises
   the disk.  Both sleep. */

#include <bitmap.h>
#include <debug.h>
#include "hv/hv.h"
#include "devices/block.h"
#include "threads/interrupt.h"
#include "threads/vaddr.h"

/* Sectors in one slot. */
#define GSWAP_SLOT_SECTORS (PGSIZE / BLOCK_SECTOR_SIZE)

/* Most slots the hv uses: 128 MiB of swap, twice the RAM of the
   largest VM. */
#define GSWAP_SLOTS_MAX 32768

static struct block *gswap_device;      /* Null until found, or none. */
static struct bitmap *gswap_used;       /* A bit per slot, true if taken. */
static size_t gswap_slots;              /* Slots in all. */
static bool gswap_looked;               /* The partition was looked for. */

/* Room for GSWAP_USED: a bit per slot and the bitmap's header. */
static uint32_t gswap_buf[GSWAP_SLOTS_MAX / 32 + 8];

/* Returns true if there is a swap partition with slots, looking for
   it the first time.  May sleep (the first time). */
bool
gswap_present (void)
{
  if (gswap_looked)
    return gswap_slots > 0;
  struct block *device = block_get_role (BLOCK_SWAP);
  size_t slots = 0;
  if (device != NULL)
    {
      slots = block_size (device) / GSWAP_SLOT_SECTORS;
      if (slots > GSWAP_SLOTS_MAX)
        slots = GSWAP_SLOTS_MAX;
    }
  enum intr_level old_level = intr_disable ();
  if (!gswap_looked)
    {
      ASSERT (bitmap_buf_size (slots) <= sizeof gswap_buf);
      gswap_used = bitmap_create_in_buf (slots, gswap_buf, sizeof gswap_buf);
      gswap_device = device;
      gswap_slots = slots;
      gswap_looked = true;
    }
  intr_set_level (old_level);
  return gswap_slots > 0;
}

/* Takes a free slot and stores it in *SLOT.  Returns false if there
   is no swap partition or every slot is taken.  May sleep. */
bool
gswap_alloc (uint32_t *slot)
{
  if (!gswap_present ())
    return false;
  enum intr_level old_level = intr_disable ();
  size_t found = bitmap_scan_and_flip (gswap_used, 0, 1, false);
  intr_set_level (old_level);
  if (found == BITMAP_ERROR)
    return false;
  *slot = found;
  return true;
}

/* Gives back SLOT, which must be taken. */
void
gswap_free (uint32_t slot)
{
  ASSERT (slot < gswap_slots);
  enum intr_level old_level = intr_disable ();
  ASSERT (bitmap_test (gswap_used, slot));
  bitmap_reset (gswap_used, slot);
  intr_set_level (old_level);
}

/* Writes the page at KPAGE to taken slot SLOT.  Sleeps for the disk. */
void
gswap_write (uint32_t slot, const void *kpage)
{
  ASSERT (slot < gswap_slots);
  for (unsigned i = 0; i < GSWAP_SLOT_SECTORS; i++)
    block_write (gswap_device, slot * GSWAP_SLOT_SECTORS + i,
                 (const uint8_t *) kpage + i * BLOCK_SECTOR_SIZE);
}

/* Reads taken slot SLOT into the page at KPAGE.  Sleeps for the
   disk. */
void
gswap_read (uint32_t slot, void *kpage)
{
  ASSERT (slot < gswap_slots);
  for (unsigned i = 0; i < GSWAP_SLOT_SECTORS; i++)
    block_read (gswap_device, slot * GSWAP_SLOT_SECTORS + i,
                (uint8_t *) kpage + i * BLOCK_SECTOR_SIZE);
}

/* Returns how many slots are free, and in *TOTAL how many there are
   (0 without a swap partition).  May sleep (the first time). */
size_t
gswap_free_count (size_t *total)
{
  *total = gswap_present () ? gswap_slots : 0;
  if (*total == 0)
    return 0;
  enum intr_level old_level = intr_disable ();
  size_t cnt = bitmap_count (gswap_used, 0, gswap_slots, false);
  intr_set_level (old_level);
  return cnt;
}
