/* Helper guest of the time-dilation demo (tests/hv/tdf-demo.c): reads
   DEMO_SECTORS sectors from its IDE disk (disk0) and says how fast
   that was by the outside world's clock (HC_HOST_TICKS) and by its
   own (its TSC, calibrated against its own ticks).  A guest whose
   time is dilated by TDF sees the same disk TDF times faster. */

#include "hv/guest/guest.h"
#include "hv/abi.h"
#include "tests/hv/tdf-clocks.inc"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "tdf-demo";

#define DEMO_SECTORS 512                /* 256 KiB. */
#define SECTORS_PER_COMMAND 128
#define SECTOR_BYTES (SECTOR_WORDS * 2)
#define CALIBRATION_TICKS 10            /* Guest ticks to time the TSC. */
#define SPIN 1000000                    /* Bound on a wait for the disk. */

/* Reads COUNT sectors from LBA, polling, into a scratch buffer. */
static void
read_sectors (uint32_t lba, unsigned count)
{
  static uint16_t buf[SECTOR_WORDS];

  outb (IDE_DEVICE, DEVICE_LBA);
  outb (IDE_COUNT, count);
  outb (IDE_LBA_LOW, lba);
  outb (IDE_LBA_MID, lba >> 8);
  outb (IDE_LBA_HIGH, lba >> 16);
  outb (IDE_STATUS, CMD_READ);
  for (unsigned s = 0; s < count; s++)
    {
      int spin = 0;
      while ((inb (IDE_CONTROL) & STATUS_BSY) && spin++ < SPIN)
        continue;
      if ((inb (IDE_STATUS) & (STATUS_DRQ | STATUS_ERR)) != STATUS_DRQ)
        fail ("sector %u: no data", (unsigned) (lba + s));
      void *p = buf;
      unsigned n = SECTOR_WORDS;
      asm volatile ("rep insw" : "+D" (p), "+c" (n) : "d" (IDE_DATA)
                    : "memory");
    }
}

/* Prints how long reading BYTES took by CLOCK, US microseconds, and
   the rate in KB/s. */
static void
print_rate (const char *clock, uint64_t us, uint64_t bytes)
{
  uint64_t rate = us != 0 ? bytes * 1000 / us : 0;
  msg ("  %-8s %8u ms %8u KB/s", clock, (unsigned) (us / 1000),
       (unsigned) rate);
}

int
main (void)
{
  outb (IDE_CONTROL, CONTROL_NIEN);     /* This guest polls. */
  uint64_t rate = tsc_per_guest_tick (CALIBRATION_TICKS);

  uint32_t host_start = host_ticks ();
  uint64_t tsc_start = rdtsc ();
  for (uint32_t lba = 0; lba < DEMO_SECTORS; lba += SECTORS_PER_COMMAND)
    read_sectors (lba, SECTORS_PER_COMMAND);
  uint64_t tsc = rdtsc () - tsc_start;
  uint32_t host = host_ticks () - host_start;

  uint64_t bytes = (uint64_t) DEMO_SECTORS * SECTOR_BYTES;
  print_rate ("host's", (uint64_t) host * 1000000 / HV_TICK_HZ, bytes);
  print_rate ("guest's", tsc * 1000000 / (rate * HV_TICK_HZ), bytes);
  return 0;
}
