/* IDE disks: the two legacy ATA channels of a PC, each with a master
   and a slave device.  ide_init, run when the kernel first looks a
   block device up, finds the ATA disks (hda, hdb on the first
   channel, hdc, hdd on the second), registers each as a raw block
   device and scans its partitions; ATAPI devices such as CD drives
   are left alone.

   Probing is polled, with every wait bounded, so a missing or odd
   device costs at most a message.  After that, sector I/O is PIO, one
   sector per command, and the caller sleeps until the device's
   completion interrupt. */

#include "devices/ide.h"
#include <stdio.h>
#include <stdbool.h>
#include <debug.h>
#include "threads/synch.h"
#include "threads/malloc.h"
#include "threads/io.h"
#include "threads/interrupt.h"
#include "devices/timer.h"
#include "devices/partition.h"
#include "devices/block.h"

/* ATA command-block registers, as offsets from a channel's base port
   (ATA/ATAPI-6, section 7). */
#define ATA_DATA     0          /* Data, 16 bits wide. */
#define ATA_ERROR    1          /* Error (read). */
#define ATA_COUNT    2          /* Sector count. */
#define ATA_LBA_LOW  3          /* LBA bits 0...7. */
#define ATA_LBA_MID  4          /* LBA bits 8...15. */
#define ATA_LBA_HIGH 5          /* LBA bits 16...23. */
#define ATA_DEVICE   6          /* Device select, LBA bits 24...27. */
#define ATA_STATUS   7          /* Status (read). */
#define ATA_COMMAND  7          /* Command (write). */

/* The control block's one register: alternate status when read (does
   not acknowledge an interrupt), device control when written. */
#define ATA_CONTROL_OFFSET 0x206

/* Status register bits. */
#define STA_BSY  0x80           /* Busy. */
#define STA_DRDY 0x40           /* Device ready. */
#define STA_DF   0x20           /* Device fault. */
#define STA_DRQ  0x08           /* Data request. */
#define STA_ERR  0x01           /* Error. */

/* Device register bits. */
#define DEV_OBS  0xa0           /* Bits 7 and 5: always 1 on old drives. */
#define DEV_LBA  0x40           /* Sector numbers are linear (LBA). */
#define DEV_DEV_SHIFT 4         /* Bit 4 (DEV): 0 master, 1 slave. */
#define DEV_LBA_HIGH_MASK 0x0f  /* LBA bits 24...27 in bits 3...0. */

/* Device control register bits. */
#define CTL_NIEN 0x02           /* Interrupts disabled. */
#define CTL_SRST 0x04           /* Software reset of both devices. */

/* Commands. */
#define ATA_CMD_READ_SECTORS  0x20
#define ATA_CMD_WRITE_SECTORS 0x30
#define ATA_CMD_IDENTIFY      0xec

/* Signature an ATAPI device leaves in LBA mid/high after a reset. */
#define ATAPI_SIG_MID  0x14
#define ATAPI_SIG_HIGH 0xeb

/* IDENTIFY DEVICE data: 256 16-bit words (ATA/ATAPI-6, 8.15). */
#define ID_SERIAL 10            /* Words 10...19: serial number. */
#define ID_SERIAL_LEN 20        /* ...in characters. */
#define ID_MODEL 27             /* Words 27...46: model number. */
#define ID_MODEL_LEN 40         /* ...in characters. */
#define ID_CAPABILITIES 49      /* Word 49: capabilities... */
#define ID_CAP_LBA 0x0200       /* ...bit 9: LBA supported. */
#define ID_LBA28_SECTORS 60     /* Words 60...61: LBA28 sector count. */

#define SECTOR_WORDS (BLOCK_SECTOR_SIZE / 2)

/* Timing (ATA/ATAPI-6, 9.2): SRST held at least 5 us, then 2 ms
   before status is valid; waits for BSY to clear are bounded. */
#define IDE_RESET_HOLD_US 5
#define IDE_RESET_SETTLE_MS 2
#define IDE_POLL_US 10
#define IDE_BUSY_TIMEOUT_MS 1000
#define IDE_RESET_TIMEOUT_MS 30000

#define IDE_CHANNEL_CNT 2
#define IDE_DEVICE_CNT 2        /* Master and slave. */

/* Register test values: a device that reads them back is there. */
#define IDE_PROBE_A 0x55
#define IDE_PROBE_B 0xaa

/* Room for "model \"...\", serial \"...\"". */
#define IDE_INFO_SIZE (ID_MODEL_LEN + ID_SERIAL_LEN + 24)

/* An ATA device position: one of the four disks. */
struct ide_disk
  {
    char name[4];                   /* "hda"..."hdd". */
    struct ide_channel *channel;    /* Its channel. */
    int unit;                       /* 0 master, 1 slave. */
    bool found;                     /* An ATA disk was found here. */

    /* Found by IDENTIFY, for registering the disk. */
    block_sector_t size;            /* Capacity in sectors. */
    char info[IDE_INFO_SIZE];       /* Model and serial number. */
  };

/* An ATA channel: two devices sharing registers and an IRQ line. */
struct ide_channel
  {
    uint16_t base;                  /* Command-block base port. */
    uint8_t irq_line;               /* IRQ number, 14 or 15. */
    char name[5];                   /* "ide0" or "ide1". */

    struct lock busy;               /* Held for a whole command. */
    struct semaphore done;          /* Upped by the command's IRQ. */
    bool awaiting_irq;              /* Set before issuing a command. */

    struct ide_disk disks[IDE_DEVICE_CNT];
  };

static struct ide_channel ide_channels[IDE_CHANNEL_CNT];

/* Base port and IRQ of each legacy channel. */
static const uint16_t ide_bases[IDE_CHANNEL_CNT] = { 0x1f0, 0x170 };
static const uint8_t ide_irqs[IDE_CHANNEL_CNT] = { 14, 15 };

static const struct block_operations ide_operations;
static intr_handler_func ide_interrupt;

/* Returns the port of register REG of channel C. */
static uint16_t
ide_reg (const struct ide_channel *c, int reg)
{
  return c->base + reg;
}

/* Returns the alternate status of channel C's selected device. */
static uint8_t
ide_alt_status (const struct ide_channel *c)
{
  return inb (c->base + ATA_CONTROL_OFFSET);
}

/* Writes CONTROL to channel C's device control register. */
static void
ide_control (const struct ide_channel *c, uint8_t control)
{
  outb (c->base + ATA_CONTROL_OFFSET, control);
}

/* Waits the 400 ns a device needs to drive its status after being
   selected: four reads of alternate status, each at least 100 ns on
   the ISA bus. */
static void
ide_settle (const struct ide_channel *c)
{
  for (int i = 0; i < 4; i++)
    ide_alt_status (c);
}

/* Selects device DEV_NO of channel C, with LBA bits 24...27 taken
   from SECTOR. */
static void
ide_select (const struct ide_channel *c, int unit, block_sector_t sector)
{
  outb (ide_reg (c, ATA_DEVICE), DEV_OBS | DEV_LBA
        | (unit << DEV_DEV_SHIFT) | ((sector >> 24) & DEV_LBA_HIGH_MASK));
  ide_settle (c);
}

/* Waits up to IDE_BUSY_TIMEOUT_MS for channel C's selected device to
   clear BSY.  Returns true if it did.  Spins; does not sleep. */
static bool
ide_wait_not_busy (const struct ide_channel *c)
{
  for (int i = 0; i < IDE_BUSY_TIMEOUT_MS * 1000 / IDE_POLL_US; i++)
    {
      if ((ide_alt_status (c) & STA_BSY) == 0)
        return true;
      timer_udelay (IDE_POLL_US);
    }
  return false;
}

/* Returns true if channel C's selected device, once not busy, offers
   data without error (for reads) or wants data (for writes).  Reading
   the status register acknowledges any interrupt it raised. */
static bool
ide_wait_data (const struct ide_channel *c)
{
  ide_settle (c);       /* A fresh command may not show BSY yet. */
  return ide_wait_not_busy (c)
         && (inb (ide_reg (c, ATA_STATUS)) & (STA_DRQ | STA_ERR | STA_DF))
            == STA_DRQ;
}

/* Starts COMMAND for one sector at SECTOR on disk D, once the device
   can take it.  Returns false if the device stayed busy. */
static bool
ide_issue (struct ide_disk *d, uint8_t command, block_sector_t sector)
{
  struct ide_channel *c = d->channel;

  ide_select (c, d->unit, sector);
  if (!ide_wait_not_busy (c))
    return false;
  outb (ide_reg (c, ATA_COUNT), 1);
  outb (ide_reg (c, ATA_LBA_LOW), sector);
  outb (ide_reg (c, ATA_LBA_MID), sector >> 8);
  outb (ide_reg (c, ATA_LBA_HIGH), sector >> 16);
  barrier ();           /* awaiting_irq is set before this. */
  outb (ide_reg (c, ATA_COMMAND), command);
  return true;
}


/* Returns true if something answers at device DEV_NO of channel C:
   its registers keep values written to them.  An empty channel's
   floating bus reads 0xff; emulators read 0 for a missing device. */
static bool
ide_responds (const struct ide_channel *c, int unit)
{
  ide_select (c, unit, 0);
  outb (ide_reg (c, ATA_COUNT), IDE_PROBE_A);
  outb (ide_reg (c, ATA_LBA_LOW), IDE_PROBE_B);
  return inb (ide_reg (c, ATA_COUNT)) == IDE_PROBE_A
         && inb (ide_reg (c, ATA_LBA_LOW)) == IDE_PROBE_B;
}

/* Resets both devices of channel C, which makes each load its
   signature, waits for the reset to finish, and leaves their
   interrupts disabled.  Device 0 is selected first and stays selected:
   a device ignores writes to its registers, the selection included,
   while it is busy, and QEMU finishes a reset outside the guest's
   instruction stream, at a moment that depends on the host, so the
   wait for it is generous. */
static void
ide_reset (const struct ide_channel *c)
{
  ide_select (c, 0, 0);
  ide_control (c, CTL_NIEN | CTL_SRST);
  timer_udelay (IDE_RESET_HOLD_US);
  ide_control (c, CTL_NIEN);
  timer_mdelay (IDE_RESET_SETTLE_MS);
  for (int i = 0; i < IDE_RESET_TIMEOUT_MS / IDE_RESET_SETTLE_MS; i++)
    if ((ide_alt_status (c) & STA_BSY) == 0)
      break;
    else
      timer_mdelay (IDE_RESET_SETTLE_MS);
}

/* Returns true if device DEV_NO of channel C, just reset (see
   ide_reset()), is an ATA disk: it reports itself ready and carries
   the ATA signature (ATAPI devices carry ATAPI_SIG_MID/HIGH instead;
   an absent device reads status 0). */
static bool
ide_is_ata (const struct ide_channel *c, int unit)
{
  ide_select (c, unit, 0);
  if (!ide_wait_not_busy (c))
    return false;

  uint8_t status = ide_alt_status (c);
  uint8_t mid = inb (ide_reg (c, ATA_LBA_MID));
  uint8_t high = inb (ide_reg (c, ATA_LBA_HIGH));
  return status != 0xff && (status & STA_DRDY) && mid == 0 && high == 0;
}

/* Copies the LEN-character ATA string at WORDS (two characters per
   word, the first in the high byte, space-padded) to S, which has
   room for LEN + 1 bytes, without the padding.  Unprintable
   characters become '?'. */
static void
ide_ata_string (char *s, const uint16_t *words, size_t len)
{
  size_t start = 0, end = 0;

  for (size_t i = 0; i < len; i++)
    {
      uint8_t ch = i % 2 == 0 ? words[i / 2] >> 8 : words[i / 2] & 0xff;
      s[i] = ch == '\0' ? ' ' : ch >= ' ' && ch < 0x7f ? ch : '?';
    }
  while (start < len && s[start] == ' ')
    start++;
  for (size_t i = start; i < len; i++)
    if (s[i] != ' ')
      end = i + 1;
  for (size_t i = start; i < end; i++)
    s[i - start] = s[i];
  s[end > start ? end - start : 0] = '\0';
}

/* Fills in D's size and description from its IDENTIFY data ID and
   marks it an ATA disk, unless it cannot be used. */
static void
ide_parse_identify (struct ide_disk *d, const uint16_t *id)
{
  char model[ID_MODEL_LEN + 1];
  char serial[ID_SERIAL_LEN + 1];

  d->size = id[ID_LBA28_SECTORS] | (uint32_t) id[ID_LBA28_SECTORS + 1] << 16;
  if ((id[ID_CAPABILITIES] & ID_CAP_LBA) == 0 || d->size == 0)
    {
      printf ("%s: disk without LBA addressing, ignored\n", d->name);
      return;
    }
  ide_ata_string (model, id + ID_MODEL, ID_MODEL_LEN);
  ide_ata_string (serial, id + ID_SERIAL, ID_SERIAL_LEN);
  snprintf (d->info, sizeof d->info, "model \"%s\", serial \"%s\"",
            model, serial);
  d->found = true;
}

/* Asks disk D for its IDENTIFY data, by polling (interrupts are
   disabled on its channel), and records what it says. */
static void
ide_identify (struct ide_disk *d)
{
  struct ide_channel *c = d->channel;
  uint16_t *id = malloc (BLOCK_SECTOR_SIZE);

  if (id == NULL)
    printf ("%s: out of memory, disk ignored\n", d->name);
  else if (!ide_issue (d, ATA_CMD_IDENTIFY, 0) || !ide_wait_data (c))
    printf ("%s: no answer to IDENTIFY DEVICE, disk ignored\n", d->name);
  else
    {
      insw (ide_reg (c, ATA_DATA), id, SECTOR_WORDS);
      ide_parse_identify (d, id);
    }
  free (id);
}

/* Finds the ATA disks on channel C.  Leaves the channel's interrupts
   disabled. */
static void
ide_probe (struct ide_channel *c)
{
  bool present[IDE_DEVICE_CNT];
  bool any = false;

  for (int unit = 0; unit < IDE_DEVICE_CNT; unit++)
    any |= present[unit] = ide_responds (c, unit);
  if (!any)
    return;

  ide_reset (c);
  for (int unit = 0; unit < IDE_DEVICE_CNT; unit++)
    if (present[unit] && ide_is_ata (c, unit))
      ide_identify (&c->disks[unit]);
}

/* Sets up channel number INDEX and its two device positions, and
   registers its interrupt handler. */
static void
ide_channel_init (struct ide_channel *c, int index)
{
  int unit;

  c->base = ide_bases[index];
  c->irq_line = ide_irqs[index];
  snprintf (c->name, sizeof c->name, "ide%d", index);
  sema_init (&c->done, 0);
  lock_init (&c->busy);
  c->awaiting_irq = false;

  for (unit = 0; unit < IDE_DEVICE_CNT; unit++)
    {
      char letter = 'a' + index * IDE_DEVICE_CNT + unit;
      c->disks[unit] = (struct ide_disk) { .channel = c, .unit = unit };
      snprintf (c->disks[unit].name, sizeof c->disks[unit].name,
                "hd%c", letter);
    }
  /* The probe may run after boot, with interrupts on: the gate must
     not be half-written when the channel's interrupt comes. */
  enum intr_level old_level = intr_disable ();
  intr_register_ext (INTR_IRQ_BASE + c->irq_line, ide_interrupt, c->name);
  intr_set_level (old_level);
}

/* Finds the ATA disks on both channels, registers each as a raw
   block device and registers its partitions.  Interrupts must be on
   and the timer calibrated; may sleep.  Called once, by the block
   layer's first lookup (see devices/block.c), which may come long
   after boot. */
void
ide_init (void)
{
  ASSERT (intr_get_level () == INTR_ON);

  for (int i = 0; i < IDE_CHANNEL_CNT; i++)
    {
      struct ide_channel *c = &ide_channels[i];
      ide_channel_init (c, i);
      ide_probe (c);
      ide_control (c, 0);           /* Interrupts on from here. */

      for (int unit = 0; unit < IDE_DEVICE_CNT; unit++)
        {
          struct ide_disk *d = &c->disks[unit];
          struct block *disk = NULL;
          if (d->found)
            disk = block_register (d->name, BLOCK_RAW, d->info, d->size,
                                   &ide_operations, d);
          if (disk != NULL)
            partition_scan (disk);
        }
    }
}

/* Stops the kernel after disk D failed to OP ("read" or "write")
   SECTOR: the block layer has no way to report an I/O error. */
static void NO_RETURN
ide_fail (struct ide_disk *d, const char *op, block_sector_t sector)
{
  struct ide_channel *c = d->channel;
  PANIC ("%s: %s of sector %"PRDSNu" failed (status 0x%02x, error 0x%02x)",
         d->name, op, sector, inb (ide_reg (c, ATA_STATUS)),
         inb (ide_reg (c, ATA_ERROR)));
}

/* Reads sector SECTOR of disk D_ into BUFFER.  Sleeps until the disk
   has the data. */
static void
ide_read (void *d_, block_sector_t sector, void *buffer)
{
  struct ide_disk *d = d_;
  struct ide_channel *c = d->channel;

  lock_acquire (&c->busy);
  c->awaiting_irq = true;
  if (!ide_issue (d, ATA_CMD_READ_SECTORS, sector))
    ide_fail (d, "read", sector);
  sema_down (&c->done);
  if (!ide_wait_data (c))
    ide_fail (d, "read", sector);
  insw (ide_reg (c, ATA_DATA), buffer, SECTOR_WORDS);
  lock_release (&c->busy);
}

/* Writes BUFFER to sector SECTOR of disk D_.  Sleeps until the disk
   has taken the data. */
static void
ide_write (void *d_, block_sector_t sector, const void *buffer)
{
  struct ide_disk *d = d_;
  struct ide_channel *c = d->channel;

  lock_acquire (&c->busy);
  c->awaiting_irq = true;
  if (!ide_issue (d, ATA_CMD_WRITE_SECTORS, sector) || !ide_wait_data (c))
    ide_fail (d, "write", sector);
  outsw (ide_reg (c, ATA_DATA), buffer, SECTOR_WORDS);
  sema_down (&c->done);
  if (!ide_wait_not_busy (c)
      || (inb (ide_reg (c, ATA_STATUS)) & (STA_ERR | STA_DF)) != 0)
    ide_fail (d, "write", sector);
  lock_release (&c->busy);
}

/* What an IDE disk's block device runs on. */
static const struct block_operations ide_operations =
  {
    .write = ide_write,
    .read = ide_read,
  };

/* IRQ 14 or 15: a command on that channel finished.  Reading status
   acknowledges the device; the waiting thread, if any, wakes.  An
   interrupt nobody expects (e.g. a stale one) is just acknowledged. */
static void
ide_interrupt (struct intr_frame *f)
{
  for (int i = 0; i < IDE_CHANNEL_CNT; i++)
    {
      struct ide_channel *c = &ide_channels[i];
      if (f->vec_no != (unsigned) INTR_IRQ_BASE + c->irq_line)
        continue;
      inb (ide_reg (c, ATA_STATUS));
      if (c->awaiting_irq)
        {
          c->awaiting_irq = false;
          sema_up (&c->done);
        }
    }
}
