/* Helper guest of vdev-ide-persist: finds its one disk on the first
   IDE channel, as the master or the slave, and writes a pattern to
   two of its sectors (5-6 as the master, 9-10 as the slave), which
   the kernel test then looks for in the disk's file.  Word I of
   written sector S holds 0xffff - (S * 256 + I) ^ UNIT_MARK. */

#include "hv/guest/guest.h"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "guest-ide-write";

#define WRITE_COUNT 2
#define SPIN 100000

/* The pattern word I of sector S gets on unit UNIT (0 master, 1 slave);
   tests/hv/vdev-ide-persist.c computes the same. */
static uint16_t
pattern (unsigned unit, unsigned s, unsigned i)
{
  return (0xffff - (s * SECTOR_WORDS + i)) ^ (unit ? 0x5a5a : 0);
}

/* Waits (boundedly) for BSY to clear and returns the status, reading
   the status register itself. */
static uint8_t
wait_status (void)
{
  for (int i = 0; i < SPIN && (inb (IDE_CONTROL) & STATUS_BSY); i++)
    continue;
  return inb (IDE_STATUS);
}

/* Selects UNIT and issues COMMAND for WRITE_COUNT sectors at LBA. */
static void
issue (unsigned unit, uint8_t command, uint32_t lba)
{
  outb (IDE_DEVICE, DEVICE_LBA | (unit ? DEVICE_SLAVE : 0));
  outb (IDE_COUNT, WRITE_COUNT);
  outb (IDE_LBA_LOW, lba);
  outb (IDE_LBA_MID, lba >> 8);
  outb (IDE_LBA_HIGH, lba >> 16);
  outb (IDE_STATUS, command);
}

int
main (void)
{
  unsigned unit;
  for (unit = 0; unit < 2; unit++)
    {
      outb (IDE_DEVICE, DEVICE_LBA | (unit ? DEVICE_SLAVE : 0));
      if (inb (IDE_CONTROL) & STATUS_DRDY)
        break;
    }
  if (unit == 2)
    fail ("no disk on the first channel");
  outb (IDE_CONTROL, 0x02);             /* nIEN: this guest polls. */

  uint32_t first = unit ? 9 : 5;
  issue (unit, CMD_WRITE, first);
  for (unsigned s = first; s < first + WRITE_COUNT; s++)
    {
      if ((wait_status () & (STATUS_DRQ | STATUS_ERR)) != STATUS_DRQ)
        fail ("no data request for sector %u", s);
      for (unsigned i = 0; i < SECTOR_WORDS; i++)
        outw (IDE_DATA, pattern (unit, s, i));
    }
  issue (unit, CMD_FLUSH, 0);
  if (wait_status () & STATUS_ERR)
    fail ("flush failed");

  unsigned good = 0;
  issue (unit, CMD_READ, first);
  for (unsigned s = first; s < first + WRITE_COUNT; s++)
    {
      if ((wait_status () & (STATUS_DRQ | STATUS_ERR)) != STATUS_DRQ)
        fail ("no data for sector %u", s);
      for (unsigned i = 0; i < SECTOR_WORDS; i++)
        good += inw (IDE_DATA) == pattern (unit, s, i);
    }
  msg ("disk found as the %s: wrote sectors %u-%u; %u words read back",
       unit ? "slave" : "master", (unsigned) first,
       (unsigned) first + WRITE_COUNT - 1, good);
  return 0;
}
