/* The emulated IDE controller, driven the way a PIO driver drives a
   PC's: the guest probes both channels, resets the disk, reads its
   IDENTIFY data, reads sectors of known content, writes one and reads
   it back, and checks the errors a driver can meet (a sector past the
   end, a CHS address, unknown commands, IDENTIFY PACKET DEVICE) and
   the completion interrupt through the PIC.  Its disk0 is
   vdev-ide.dsk: 64 sectors in which word I of sector S holds
   S * 256 + I, then 100 bytes that are not a whole sector. */

#include "hv/guest/guest.h"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "vdev-ide";

#define CMD_BOGUS 0xff

#define DISK_SECTORS 64         /* Whole sectors of vdev-ide.dsk. */
#define SCRATCH_SECTOR 20       /* The sector the test writes. */

/* IRQ 14 arrives on the slave's line 6 (vectors as vdev-pc.inc sets them). */
#define IDE_VECTOR (PIC_VECTOR + 14)
#define SPIN 100000             /* Loop turns to wait for an interrupt. */

static uint16_t buf[SECTOR_WORDS];
static volatile unsigned ide_irqs;

/* Waits (boundedly) until the selected device is not busy and returns
   its alternate status. */
static uint8_t
wait_not_busy (void)
{
  uint8_t status = inb (IDE_CONTROL);
  for (int i = 0; i < SPIN && (status & STATUS_BSY); i++)
    status = inb (IDE_CONTROL);
  return status;
}

/* Selects DEVICE_BITS and issues COMMAND for COUNT sectors at LBA. */
static void
issue (uint8_t device_bits, uint8_t command, uint32_t lba, uint8_t count)
{
  outb (IDE_DEVICE, device_bits | ((lba >> 24) & 0x0f));
  outb (IDE_COUNT, count);
  outb (IDE_LBA_LOW, lba);
  outb (IDE_LBA_MID, lba >> 8);
  outb (IDE_LBA_HIGH, lba >> 16);
  outb (IDE_STATUS, command);
}

/* Waits for the next sector of a data-in command and reads it into
   BUF; fails the test if the device offers none. */
static void
read_data (void)
{
  uint8_t status = wait_not_busy ();
  if ((inb (IDE_STATUS) & (STATUS_DRQ | STATUS_ERR)) != STATUS_DRQ)
    fail ("no data offered: status %#x, error %#x", status, inb (IDE_ERROR));
  for (int i = 0; i < SECTOR_WORDS; i++)
    buf[i] = inw (IDE_DATA);
}

/* Returns true if BUF holds what vdev-ide.dsk has in SECTOR. */
static bool
holds_sector (uint32_t sector)
{
  for (int i = 0; i < SECTOR_WORDS; i++)
    if (buf[i] != (uint16_t) (sector * SECTOR_WORDS + i))
      return false;
  return true;
}

/* Prints the status and error after COMMAND on LBA, COUNT, which
   should fail, as WHAT. */
static void
show_failure (const char *what, uint8_t device_bits, uint8_t command,
              uint32_t lba, uint8_t count)
{
  issue (device_bits, command, lba, count);
  uint8_t status = wait_not_busy ();
  msg ("%s: status %#x, error %#x, LBA %u", what, status, inb (IDE_ERROR),
       inb (IDE_LBA_LOW) | inb (IDE_LBA_MID) << 8 | inb (IDE_LBA_HIGH) << 16);
  inb (IDE_STATUS);
}

/* Probes both channels as a driver does. */
static void
test_probe (void)
{
  outb (IDE_DEVICE, DEVICE_LBA);
  outb (IDE_COUNT, 0x55);
  outb (IDE_LBA_LOW, 0xaa);
  msg ("master: registers read back %#x %#x, status %#x",
       inb (IDE_COUNT), inb (IDE_LBA_LOW), inb (IDE_STATUS));
  outb (IDE_DEVICE, DEVICE_LBA | DEVICE_SLAVE);
  msg ("slave (absent): status %#x, alternate %#x, error %#x",
       inb (IDE_STATUS), inb (IDE_CONTROL), inb (IDE_ERROR));
  outb (IDE_STATUS, CMD_IDENTIFY);
  msg ("slave after IDENTIFY: status %#x", inb (IDE_CONTROL));
  msg ("channel 1 (empty): status %#x, data %#x", inb (IDE1_STATUS),
       inw (IDE1_STATUS - 7));
}

/* Resets the channel and looks at the signature. */
static void
test_reset (void)
{
  outb (IDE_DEVICE, DEVICE_LBA);
  outb (IDE_CONTROL, CONTROL_NIEN | CONTROL_SRST);
  uint8_t held = inb (IDE_CONTROL);
  outb (IDE_CONTROL, CONTROL_NIEN);
  uint8_t status = wait_not_busy ();
  msg ("reset: status %#x while held, %#x after; error %#x; "
       "signature %u %u %u %u; device %#x", held, status, inb (IDE_ERROR),
       inb (IDE_COUNT), inb (IDE_LBA_LOW), inb (IDE_LBA_MID),
       inb (IDE_LBA_HIGH), inb (IDE_DEVICE));
}

/* Reads and checks the IDENTIFY DEVICE data. */
static void
test_identify (void)
{
  char model[41];
  uint8_t sum = 0;

  issue (DEVICE_LBA, CMD_IDENTIFY, 0, 0);
  read_data ();
  for (int i = 0; i < 20; i++)
    {
      model[2 * i] = buf[27 + i] >> 8;
      model[2 * i + 1] = buf[27 + i] & 0xff;
    }
  model[40] = '\0';
  for (int i = 39; i >= 0 && model[i] == ' '; i--)
    model[i] = '\0';            /* The padding. */
  for (int i = 0; i < SECTOR_WORDS; i++)
    sum += (buf[i] & 0xff) + (buf[i] >> 8);
  msg ("IDENTIFY: model \"%s\"", model);
  msg ("IDENTIFY: ATA %s, LBA %s, %u sectors, checksum %s, status after %#x",
       buf[0] & 0x8000 ? "no" : "yes", buf[49] & 0x0200 ? "yes" : "no",
       (unsigned) (buf[60] | (uint32_t) buf[61] << 16),
       (buf[255] & 0xff) == 0xa5 && sum == 0 ? "good" : "bad",
       inb (IDE_CONTROL));
}

/* Reads COUNT sectors from FIRST in one command and checks them. */
static void
test_read (uint32_t first, unsigned count)
{
  unsigned good = 0;
  issue (DEVICE_LBA, CMD_READ, first, count);
  for (unsigned s = 0; s < count; s++)
    {
      read_data ();
      good += holds_sector (first + s);
    }
  msg ("read %u sectors from %u: %u as expected; status after %#x",
       count, (unsigned) first, good, inb (IDE_CONTROL));
}

/* Writes DATA to SCRATCH_SECTOR, as a 2-sector command whose second
   sector is the original content of the next one, and reads it back. */
static bool
write_and_check (const uint16_t *data)
{
  issue (DEVICE_LBA, CMD_WRITE, SCRATCH_SECTOR, 2);
  for (unsigned s = 0; s < 2; s++)
    {
      uint8_t status = wait_not_busy ();
      if ((inb (IDE_STATUS) & (STATUS_DRQ | STATUS_ERR)) != STATUS_DRQ)
        fail ("write: no data request: status %#x", status);
      for (int i = 0; i < SECTOR_WORDS; i++)
        outw (IDE_DATA, s == 0 ? data[i]
                                : (SCRATCH_SECTOR + 1) * SECTOR_WORDS + i);
    }
  uint8_t status = wait_not_busy ();
  inb (IDE_STATUS);
  if (status & (STATUS_DRQ | STATUS_ERR))
    fail ("write: status %#x after the data", status);
  issue (DEVICE_LBA, CMD_READ, SCRATCH_SECTOR, 1);
  read_data ();
  for (int i = 0; i < SECTOR_WORDS; i++)
    if (buf[i] != data[i])
      return false;
  return true;
}

/* Writes a sector, reads it back, then restores it. */
static void
test_write (void)
{
  static uint16_t pattern[SECTOR_WORDS], original[SECTOR_WORDS];
  for (int i = 0; i < SECTOR_WORDS; i++)
    {
      pattern[i] = 0xa000 + i * 3;
      original[i] = SCRATCH_SECTOR * SECTOR_WORDS + i;
    }
  bool written = write_and_check (pattern);
  bool restored = write_and_check (original);
  issue (DEVICE_LBA, CMD_READ, SCRATCH_SECTOR + 1, 1);
  read_data ();
  msg ("write of sector %d: reads back %s; restored %s; next sector %s",
       SCRATCH_SECTOR, written ? "yes" : "no", restored ? "yes" : "no",
       holds_sector (SCRATCH_SECTOR + 1) ? "intact" : "changed");
}

/* Data-port accesses of other widths: a doubleword is two words. */
static void
test_widths (void)
{
  issue (DEVICE_LBA, CMD_READ, 7, 1);
  wait_not_busy ();
  inb (IDE_STATUS);
  uint32_t first = inl (IDE_DATA);
  uint8_t low = inb (IDE_DATA), high = inb (IDE_DATA);
  for (int i = 3; i < SECTOR_WORDS; i++)
    inw (IDE_DATA);
  msg ("sector 7 as a doubleword %#x, then bytes %#x %#x; status after %#x",
       (unsigned) first, low, high, inb (IDE_CONTROL));
}

/* Commands that fail, and others that simply succeed. */
static void
test_errors (void)
{
  show_failure ("read of sector 64", DEVICE_LBA, CMD_READ, DISK_SECTORS, 1);
  show_failure ("read of sectors 62-65", DEVICE_LBA, CMD_READ, 62, 4);
  show_failure ("read of 256 sectors (count 0)", DEVICE_LBA, CMD_READ, 0, 0);
  show_failure ("write of sector 64", DEVICE_LBA, CMD_WRITE, DISK_SECTORS, 1);
  show_failure ("verify of sector 70", DEVICE_LBA, CMD_VERIFY, 70, 1);
  show_failure ("CHS read", DEVICE_LBA & ~0x40, CMD_READ, 1, 1);
  show_failure ("unknown command", DEVICE_LBA, CMD_BOGUS, 0, 1);
  show_failure ("IDENTIFY PACKET DEVICE", DEVICE_LBA, CMD_IDENTIFY_PACKET,
                0, 0);
  test_read (DISK_SECTORS - 1, 1);
  issue (DEVICE_LBA, CMD_VERIFY, 0, 8);
  msg ("verify of sectors 0-7: status %#x", wait_not_busy ());
  issue (DEVICE_LBA, CMD_FLUSH, 0, 0);
  msg ("flush: status %#x", wait_not_busy ());
  inb (IDE_STATUS);
}

/* IRQ 14: reads the status, which lowers the line, and ends the
   interrupt at both PICs. */
static void
ide_interrupt (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
               uint32_t error UNUSED)
{
  ide_irqs++;
  inb (IDE_STATUS);
  outb (PIC_SLAVE, PIC_EOI);
  outb (PIC_MASTER, PIC_EOI);
}

/* Lets interrupts in for a while; returns how many IRQ 14s came. */
static unsigned
take_interrupts (void)
{
  guest_sti ();
  for (int i = 0; i < SPIN; i++)
    asm volatile ("nop");
  guest_cli ();
  return ide_irqs;
}

/* Programs the PIC pair for IRQ 14 alone and installs its handler. */
static void
ide_irq_init (void)
{
  pic_init (14);
  idt_set_handler (IDE_VECTOR, ide_interrupt);
}

/* The completion interrupt: one per sector ready to read, none after
   the last; for a write, none before the data and one after; none
   while nIEN is set, but one pending comes in once it is cleared. */
static void
test_interrupts (void)
{
  ide_irq_init ();
  outb (IDE_CONTROL, 0);
  issue (DEVICE_LBA, CMD_READ, 5, 2);
  unsigned first = take_interrupts ();
  for (int i = 0; i < SECTOR_WORDS; i++)
    buf[i] = inw (IDE_DATA);
  unsigned second = take_interrupts ();
  bool ok = holds_sector (5);
  for (int i = 0; i < SECTOR_WORDS; i++)
    buf[i] = inw (IDE_DATA);
  unsigned after = take_interrupts ();
  msg ("read of 2 sectors: interrupts so far: %u at the start, %u after "
       "the first sector, %u after the second; data %s", first, second, after,
       ok && holds_sector (6) ? "good" : "bad");

  ide_irqs = 0;
  issue (DEVICE_LBA, CMD_WRITE, SCRATCH_SECTOR + 1, 1);
  unsigned before_data = take_interrupts ();
  for (int i = 0; i < SECTOR_WORDS; i++)
    outw (IDE_DATA, (SCRATCH_SECTOR + 1) * SECTOR_WORDS + i);
  unsigned after_data = take_interrupts ();
  msg ("write of 1 sector: %u interrupts before its data, %u after",
       before_data, after_data);

  ide_irqs = 0;
  outb (IDE_CONTROL, CONTROL_NIEN);
  issue (DEVICE_LBA, CMD_FLUSH, 0, 0);
  unsigned masked = take_interrupts ();
  outb (IDE_CONTROL, 0);
  unsigned unmasked = take_interrupts ();
  msg ("flush with nIEN: %u interrupts; after clearing nIEN: %u", masked,
       unmasked);
}

int
main (void)
{
  test_probe ();
  test_reset ();
  test_identify ();
  test_read (0, 1);
  test_read (10, 3);
  test_write ();
  test_widths ();
  test_errors ();
  test_interrupts ();
  return 0;
}
