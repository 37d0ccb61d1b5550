/* The emulated IDE controller of a PC: the two legacy ATA channels,
   each with a master and a slave position, as a guest's PIO driver
   sees them through ports 0x1f0-0x1f7 and 0x3f6 (channel 0, IRQ 14)
   and 0x170-0x177 and 0x376 (channel 1, IRQ 15).

   Disks: where a disk position holds one, it lives in a file of the
   host's scratch archive, read and written in place, sector by sector
   (hv/vdev/ide-disk.c, which also says what IDENTIFY DEVICE reports).

   Registers (ATA/ATAPI-6, section 7): the task file (features, sector
   count, LBA low/mid/high, device) is written to both devices of a
   channel at once, so one copy per channel serves both; status, error
   and the interrupt-pending state are each device's own.  Alternate
   status and device control (nIEN, SRST) are in the control block.

   Commands: IDENTIFY DEVICE, READ SECTORS, WRITE SECTORS (LBA28, 1 to
   256 sectors), READ VERIFY SECTORS, FLUSH CACHE, SET FEATURES,
   INITIALIZE DEVICE PARAMETERS (the last three accepted and ignored)
   and EXECUTE DEVICE DIAGNOSTIC.  Any other command, or one that
   addresses sectors without the LBA bit, ends with ERR and ABRT;
   IDENTIFY PACKET DEVICE also leaves the ATA signature in the
   registers, which tells a driver it is no ATAPI device.  A sector
   range that runs past the disk's end ends with ERR and IDNF before
   any data moves, the first missing sector in the LBA registers.

   Protocols: for PIO data-in (IDENTIFY DEVICE, READ SECTORS) the
   device fills the channel's sector buffer, sets DRQ and asks for an
   interrupt; the guest reads the sector from the data port; then the
   next sector comes the same way, or, after the last, DRQ clears with
   no further interrupt.  For PIO data-out (WRITE SECTORS), DRQ is set
   with no interrupt for the first sector; each full sector goes to
   the disk and asks for an interrupt, with DRQ again if more follow.
   A data-port access of N bytes moves the next N bytes of the stream
   (a 32-bit access is two words, as PC controllers do it; a byte
   access, which real drives do not support, one byte).  Every command
   completes within the access that starts it or ends its sector:
   the guest never sees BSY, except while it holds SRST.

   Interrupts: the selected device drives its channel's line (through
   the PIC, hv/vdev/pic.c) while it has an interrupt pending and nIEN
   is clear; reading the status register (not the alternate status)
   or writing a command clears the pending interrupt.

   Absent devices: a channel without a disk is an empty bus, whose
   ports all read as ones and ignore writes.  On a channel with one
   disk, the missing device reads status and error 0 while the task
   file still reads back (the present device answers for its absent
   partner), and commands to it are ignored.

   Not modelled: CHS addressing, LBA48 (HOB and the EXT commands),
   READ/WRITE MULTIPLE, DMA, ATAPI devices, power management, the
   drive address register at 0x3f7, command timing, and device faults
   (DF is never set: the host's block layer reports no errors).

   Context: these ports' exits are handled on the boot CPU, in the
   hv's kernel thread, one at a time, with interrupts on and no
   spinlock held.  So the state needs no lock of its own, and block
   I/O, which sleeps, happens right in the exit handler.  Any sequence
   of accesses leaves the state consistent: each transfer is bounded
   by the sectors its command checked. */

#include <string.h>
#include "hv/hv.h"

_Static_assert (VMCTL_DISK_MAX <= VDEV_IDE_CHANNELS * VDEV_IDE_UNITS,
                "every disk of a vmctl_spec has a position");

/* Each channel's ports and IRQ line, as on every PC. */
static const uint16_t ide_command_base[VDEV_IDE_CHANNELS] = { 0x1f0, 0x170 };
static const uint16_t ide_control_port[VDEV_IDE_CHANNELS] = { 0x3f6, 0x376 };
static const uint8_t ide_irq[VDEV_IDE_CHANNELS] = { 14, 15 };

/* Command-block registers, as offsets from the base port (ATA/ATAPI-6,
   7.2-7.16), and a pseudo offset for the control block's register. */
#define IDE_REG_DATA     0      /* Data. */
#define IDE_REG_ERROR    1      /* Error (read); Features (write). */
#define IDE_REG_COUNT    2      /* Sector count. */
#define IDE_REG_LBA_LOW  3      /* LBA bits 0-7. */
#define IDE_REG_LBA_MID  4      /* LBA bits 8-15. */
#define IDE_REG_LBA_HIGH 5      /* LBA bits 16-23. */
#define IDE_REG_DEVICE   6      /* Device select, LBA bits 24-27. */
#define IDE_REG_STATUS   7      /* Status (read); Command (write). */
#define IDE_REG_BLOCK    8      /* Registers in the command block. */
#define IDE_REG_CONTROL  8      /* Alternate status (read); device
                                   control (write). */

/* Status register bits. */
#define STATUS_BSY  0x80        /* Busy: the other bits are not valid. */
#define STATUS_DRDY 0x40        /* Device ready for commands. */
#define STATUS_DF   0x20        /* Device fault (never set here). */
#define STATUS_DSC  0x10        /* Seek complete (ATA-3; drives still set
                                   it when idle). */
#define STATUS_DRQ  0x08        /* Data request: transfer through DATA. */
#define STATUS_ERR  0x01        /* The last command failed: see ERROR. */
#define STATUS_IDLE (STATUS_DRDY | STATUS_DSC)

/* Error register bits. */
#define ERROR_IDNF  0x10        /* Address not found (past the end). */
#define ERROR_ABRT  0x04        /* Command aborted. */

/* Diagnostic code in the error register after a reset or EXECUTE
   DEVICE DIAGNOSTIC: the device passed (and so did device 1, or it is
   not there). */
#define ERROR_DIAG_PASSED 0x01

/* Device register bits. */
#define DEVICE_LBA      0x40    /* The address is an LBA (not CHS). */
#define DEVICE_DEV      0x10    /* Selects device 1 (the slave). */
#define DEVICE_LBA_HIGH 0x0f    /* LBA bits 24-27. */

/* Device control register bits. */
#define CONTROL_NIEN 0x02       /* Interrupts masked. */
#define CONTROL_SRST 0x04       /* Software reset of both devices. */

/* What an empty bus reads as, a byte at a time. */
#define IDE_FLOATING 0xff

/* The ATA signature a reset leaves in the task file (ATAPI devices
   leave 0x14, 0xeb in LBA mid and high instead). */
#define SIG_COUNT    0x01
#define SIG_LBA_LOW  0x01
#define SIG_LBA_MID  0x00
#define SIG_LBA_HIGH 0x00

/* Commands (ATA/ATAPI-6, section 8). */
#define ATA_READ_SECTORS        0x20
#define ATA_READ_SECTORS_NR     0x21    /* Without retries (obsolete). */
#define ATA_WRITE_SECTORS       0x30
#define ATA_WRITE_SECTORS_NR    0x31
#define ATA_READ_VERIFY         0x40
#define ATA_READ_VERIFY_NR      0x41
#define ATA_EXECUTE_DIAGNOSTIC  0x90
#define ATA_INIT_PARAMETERS     0x91
#define ATA_IDENTIFY_PACKET     0xa1
#define ATA_FLUSH_CACHE         0xe7
#define ATA_IDENTIFY            0xec
#define ATA_SET_FEATURES        0xef

/* A sector count of 0 means this many. */
#define IDE_COUNT_ZERO 256

/* Returns the unit (0, 1) CH's device register selects. */
static unsigned
ide_selected (const struct vdev_ide_channel *ch)
{
  return (ch->device & DEVICE_DEV) != 0;
}

/* Returns true if CH has no disk at all: an empty bus. */
static bool
ide_channel_empty (const struct vdev_ide_channel *ch)
{
  return !ch->drive[0].present && !ch->drive[1].present;
}

/* Returns true if a device of CH is busy (held in reset). */
static bool
ide_channel_busy (const struct vdev_ide_channel *ch)
{
  for (unsigned unit = 0; unit < VDEV_IDE_UNITS; unit++)
    if (ch->drive[unit].present && (ch->drive[unit].status & STATUS_BSY))
      return true;
  return false;
}

/* Ends CH's transfer, if any: its device drops DRQ. */
static void
ide_stop_transfer (struct vdev_ide_channel *ch)
{
  if (ch->xfer != VDEV_IDE_XFER_NONE)
    ch->drive[ch->xfer_unit].status &= ~STATUS_DRQ;
  ch->xfer = VDEV_IDE_XFER_NONE;
  ch->pos = 0;
}

/* Loads the ATA signature into CH's count and LBA registers. */
static void
ide_set_signature (struct vdev_ide_channel *ch)
{
  ch->count = SIG_COUNT;
  ch->lba_low = SIG_LBA_LOW;
  ch->lba_mid = SIG_LBA_MID;
  ch->lba_high = SIG_LBA_HIGH;
}

/* Brings CH's devices out of reset (power-on, SRST, EXECUTE DEVICE
   DIAGNOSTIC): each is ready, has passed its diagnostics and has no
   interrupt pending; the task file holds the ATA signature, and
   device 0 is selected. */
static void
ide_reset (struct vdev_ide_channel *ch)
{
  ide_stop_transfer (ch);
  for (unsigned unit = 0; unit < VDEV_IDE_UNITS; unit++)
    {
      struct vdev_ide_drive *d = &ch->drive[unit];
      d->status = d->present ? STATUS_IDLE : 0;
      d->error = d->present ? ERROR_DIAG_PASSED : 0;
      d->intrq = false;
    }
  ch->features = 0;
  ide_set_signature (ch);
  ch->device = 0;
}

/* Drives CH's interrupt line, number INDEX, of VM to what its
   selected device asks for now. */
static void
ide_update_line (struct vm *vm, unsigned index)
{
  struct vdev_ide_channel *ch = &vm->ide.channel[index];
  const struct vdev_ide_drive *d = &ch->drive[ide_selected (ch)];
  bool level = d->present && d->intrq && !(ch->control & CONTROL_NIEN);

  if (level != ch->line)
    {
      ch->line = level;
      vdev_pic_set_irq (vm, ide_irq[index], level);
    }
}

/* ---- Commands ---- */

/* Ends the command of D successfully, asking for an interrupt. */
static void
ide_complete (struct vdev_ide_drive *d)
{
  d->intrq = true;
}

/* Ends the command of D with ERR and ERROR, asking for an interrupt. */
static void
ide_fail (struct vdev_ide_drive *d, uint8_t error)
{
  d->error = error;
  d->status |= STATUS_ERR;
  d->intrq = true;
}

/* Puts LBA in CH's LBA registers. */
static void
ide_set_lba (struct vdev_ide_channel *ch, uint32_t lba)
{
  ch->lba_low = lba;
  ch->lba_mid = lba >> 8;
  ch->lba_high = lba >> 16;
  ch->device = (ch->device & ~DEVICE_LBA_HIGH)
               | ((lba >> 24) & DEVICE_LBA_HIGH);
}

/* Reads the first sector and the sector count of the command just
   written to CH for its device D.  Returns true if they name sectors
   of D's disk; otherwise fails the command (ABRT for a CHS address,
   IDNF for a range past the end) and returns false. */
static bool
ide_command_range (struct vdev_ide_channel *ch, struct vdev_ide_drive *d,
                   uint32_t *lba, unsigned *count)
{
  if (!(ch->device & DEVICE_LBA))
    {
      ide_fail (d, ERROR_ABRT);
      return false;
    }
  *lba = (uint32_t) (ch->device & DEVICE_LBA_HIGH) << 24
         | (uint32_t) ch->lba_high << 16 | (uint32_t) ch->lba_mid << 8
         | ch->lba_low;
  *count = ch->count != 0 ? ch->count : IDE_COUNT_ZERO;
  if (*lba < d->sectors && *count <= d->sectors - *lba)
    return true;
  ide_set_lba (ch, *lba < d->sectors ? d->sectors : *lba);
  ide_fail (d, ERROR_IDNF);
  return false;
}

/* Loads the sector CH's transfer is at from its device's disk into
   the buffer, and offers it to the guest with an interrupt. */
static void
ide_load_sector (struct vdev_ide_channel *ch)
{
  struct vdev_ide_drive *d = &ch->drive[ch->xfer_unit];

  vdev_ide_disk_read (d, ch->xfer_lba, ch->buffer);
  d->intrq = true;
}

/* Starts a PIO transfer in direction DIR of COUNT sectors from LBA
   (nothing for IDENTIFY, whose data is in the buffer already) between
   the guest and device UNIT of CH. */
static void
ide_start_transfer (struct vdev_ide_channel *ch, unsigned unit,
                    enum vdev_ide_xfer dir, uint32_t lba, unsigned count)
{
  ch->xfer = dir;
  ch->xfer_unit = unit;
  ch->xfer_lba = lba;
  ch->xfer_left = count;
  ch->pos = 0;
  ch->drive[unit].status |= STATUS_DRQ;
}

/* READ SECTORS or WRITE SECTORS (DIR says which) on device UNIT of
   CH: data-in offers the first sector at once; data-out waits for it
   without an interrupt. */
static void
ide_read_write (struct vdev_ide_channel *ch, unsigned unit,
                enum vdev_ide_xfer dir)
{
  uint32_t lba;
  unsigned count;

  if (!ide_command_range (ch, &ch->drive[unit], &lba, &count))
    return;
  ide_start_transfer (ch, unit, dir, lba, count);
  if (dir == VDEV_IDE_XFER_IN)
    ide_load_sector (ch);
}

/* IDENTIFY DEVICE on device UNIT, disk number DISK, of CH. */
static void
ide_identify (struct vdev_ide_channel *ch, unsigned unit, unsigned disk)
{
  vdev_ide_disk_identify (&ch->drive[unit], disk, ch->buffer);
  ide_start_transfer (ch, unit, VDEV_IDE_XFER_IN, 0, 1);
  ide_complete (&ch->drive[unit]);
}

/* EXECUTE DEVICE DIAGNOSTIC, which both devices of CH carry out
   whichever is selected: they reset, and each asks for an interrupt. */
static void
ide_diagnose (struct vdev_ide_channel *ch)
{
  ide_reset (ch);
  for (unsigned unit = 0; unit < VDEV_IDE_UNITS; unit++)
    if (ch->drive[unit].present)
      {
        ch->drive[unit].commands++;
        ide_complete (&ch->drive[unit]);
      }
}

/* The guest wrote COMMAND to the command register of CH, channel
   number INDEX.  A command for an absent device is lost; one for a
   present device ends any transfer in progress on the channel. */
static void
ide_command (struct vdev_ide_channel *ch, unsigned index, uint8_t command)
{
  unsigned unit = ide_selected (ch);
  struct vdev_ide_drive *d = &ch->drive[unit];
  uint32_t lba;
  unsigned count;

  if (command == ATA_EXECUTE_DIAGNOSTIC)
    {
      ide_diagnose (ch);
      return;
    }
  if (!d->present)
    return;
  ide_stop_transfer (ch);
  d->commands++;
  d->intrq = false;
  d->error = 0;
  d->status = STATUS_IDLE;
  switch (command)
    {
    case ATA_IDENTIFY:
      ide_identify (ch, unit, index * VDEV_IDE_UNITS + unit);
      break;
    case ATA_READ_SECTORS:
    case ATA_READ_SECTORS_NR:
      ide_read_write (ch, unit, VDEV_IDE_XFER_IN);
      break;
    case ATA_WRITE_SECTORS:
    case ATA_WRITE_SECTORS_NR:
      ide_read_write (ch, unit, VDEV_IDE_XFER_OUT);
      break;
    case ATA_READ_VERIFY:
    case ATA_READ_VERIFY_NR:
      if (ide_command_range (ch, d, &lba, &count))
        ide_complete (d);
      break;
    case ATA_FLUSH_CACHE:
    case ATA_SET_FEATURES:
    case ATA_INIT_PARAMETERS:
      ide_complete (d);
      break;
    case ATA_IDENTIFY_PACKET:
      ide_set_signature (ch);
      ide_fail (d, ERROR_ABRT);
      break;
    default:
      ide_fail (d, ERROR_ABRT);
      break;
    }
}

/* ---- Data transfer ---- */

/* The guest has read the last byte of the sector in CH's buffer: the
   next sector follows, or the transfer ends. */
static void
ide_sector_read (struct vdev_ide_channel *ch)
{
  ch->pos = 0;
  if (--ch->xfer_left == 0)
    {
      ide_stop_transfer (ch);
      return;
    }
  ch->xfer_lba++;
  ide_load_sector (ch);
}

/* The guest has filled CH's buffer: the sector goes to the disk, and
   the device asks for an interrupt, and for the next sector if more
   follow. */
static void
ide_sector_written (struct vdev_ide_channel *ch)
{
  struct vdev_ide_drive *d = &ch->drive[ch->xfer_unit];

  vdev_ide_disk_write (d, ch->xfer_lba, ch->buffer);
  ide_complete (d);
  ch->pos = 0;
  ch->xfer_lba++;
  if (--ch->xfer_left == 0)
    ide_stop_transfer (ch);
}

/* Returns the next byte the guest reads from CH's data port: the
   buffer's next byte during data-in by the selected device, else all
   ones. */
static uint8_t
ide_data_in (struct vdev_ide_channel *ch)
{
  if (ch->xfer != VDEV_IDE_XFER_IN || ide_selected (ch) != ch->xfer_unit)
    return IDE_FLOATING;
  uint8_t byte = ch->buffer[ch->pos++];
  if (ch->pos == VDEV_IDE_SECTOR)
    ide_sector_read (ch);
  return byte;
}

/* The guest writes BYTE to CH's data port: it goes to the buffer
   during data-out to the selected device, else nowhere. */
static void
ide_data_out (struct vdev_ide_channel *ch, uint8_t byte)
{
  if (ch->xfer != VDEV_IDE_XFER_OUT || ide_selected (ch) != ch->xfer_unit)
    return;
  ch->buffer[ch->pos++] = byte;
  if (ch->pos == VDEV_IDE_SECTOR)
    ide_sector_written (ch);
}

/* ---- Registers ---- */

/* Returns what the guest reads from register REG (not the data port)
   of CH.  Reading the status register clears the selected device's
   pending interrupt. */
static uint8_t
ide_read_reg (struct vdev_ide_channel *ch, unsigned reg)
{
  struct vdev_ide_drive *d = &ch->drive[ide_selected (ch)];

  if (ide_channel_empty (ch))
    return IDE_FLOATING;
  switch (reg)
    {
    case IDE_REG_ERROR: return d->error;
    case IDE_REG_COUNT: return ch->count;
    case IDE_REG_LBA_LOW: return ch->lba_low;
    case IDE_REG_LBA_MID: return ch->lba_mid;
    case IDE_REG_LBA_HIGH: return ch->lba_high;
    case IDE_REG_DEVICE: return ch->device;
    case IDE_REG_STATUS:
      d->intrq = false;
      return d->status;
    default: return d->status;          /* Alternate status. */
    }
}

/* The guest writes VALUE to CH's device control register: SRST going
   high holds both devices in reset (busy), going low lets them come
   out of it. */
static void
ide_write_control (struct vdev_ide_channel *ch, uint8_t value)
{
  bool was_reset = ch->control & CONTROL_SRST;

  ch->control = value;
  if ((value & CONTROL_SRST) && !was_reset)
    {
      ide_stop_transfer (ch);
      for (unsigned unit = 0; unit < VDEV_IDE_UNITS; unit++)
        if (ch->drive[unit].present)
          {
            ch->drive[unit].status = STATUS_BSY;
            ch->drive[unit].intrq = false;
          }
    }
  else if (!(value & CONTROL_SRST) && was_reset)
    ide_reset (ch);
}

/* The guest writes VALUE to register REG (not the data port) of CH,
   channel number INDEX.  A busy channel ignores all but device
   control. */
static void
ide_write_reg (struct vdev_ide_channel *ch, unsigned index, unsigned reg,
               uint8_t value)
{
  if (ide_channel_empty (ch))
    return;
  if (reg == IDE_REG_CONTROL)
    {
      ide_write_control (ch, value);
      return;
    }
  if (ide_channel_busy (ch))
    return;
  switch (reg)
    {
    case IDE_REG_ERROR: ch->features = value; break;
    case IDE_REG_COUNT: ch->count = value; break;
    case IDE_REG_LBA_LOW: ch->lba_low = value; break;
    case IDE_REG_LBA_MID: ch->lba_mid = value; break;
    case IDE_REG_LBA_HIGH: ch->lba_high = value; break;
    case IDE_REG_DEVICE: ch->device = value; break;
    default: ide_command (ch, index, value); break;
    }
}

/* Finds the channel and register PORT belongs to.  Returns false if
   it is none of the IDE ports. */
static bool
ide_decode (uint16_t port, unsigned *index, unsigned *reg)
{
  for (unsigned i = 0; i < VDEV_IDE_CHANNELS; i++)
    if (port >= ide_command_base[i]
        && port - ide_command_base[i] < IDE_REG_BLOCK)
      {
        *index = i;
        *reg = port - ide_command_base[i];
        return true;
      }
    else if (port == ide_control_port[i])
      {
        *index = i;
        *reg = IDE_REG_CONTROL;
        return true;
      }
  return false;
}

/* Carries out a one-byte access to PORT of VM: reads into *BYTE if IN,
   else writes it.  Ports around the IDE registers that a wide access
   reaches (0x1f8, 0x3f7, ...) have nothing behind them. */
static void
ide_access_byte (struct vm *vm, uint16_t port, bool in, uint8_t *byte)
{
  unsigned index, reg;

  if (!ide_decode (port, &index, &reg))
    {
      if (in)
        *byte = IDE_FLOATING;
      return;
    }
  struct vdev_ide_channel *ch = &vm->ide.channel[index];
  if (reg == IDE_REG_DATA)
    {
      if (in)
        *byte = ide_data_in (ch);
      else
        ide_data_out (ch, *byte);
    }
  else if (in)
    *byte = ide_read_reg (ch, reg);
  else
    ide_write_reg (ch, index, reg, *byte);
  ide_update_line (vm, index);
}

/* Port I/O to the IDE channels' ports.  An access of several bytes to
   the data port moves that many bytes of the data stream; to another
   register, it reaches the registers at the following ports, one byte
   each, lowest first, as the bus splits it. */
enum exit_action
vdev_ide_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  unsigned index, reg;
  bool data = ide_decode (pio->port, &index, &reg) && reg == IDE_REG_DATA;
  uint32_t value = 0;

  for (unsigned i = 0; i < pio->size; i++)
    {
      uint8_t byte = pio->value >> (8 * i);
      ide_access_byte (vcpu->vm, data ? pio->port : pio->port + i, pio->in,
                       &byte);
      value |= (uint32_t) byte << (8 * i);
    }
  if (pio->in)
    pio->value = value;
  return EXIT_RESUME;
}

/* ---- Life cycle ---- */

/* Sets up VM's IDE controller with no disks: two empty channels,
   interrupts enabled. */
void
vdev_ide_init (struct vm *vm)
{
  memset (&vm->ide, 0, sizeof vm->ide);
}

/* Attaches the disks SPEC names, each a file of the scratch archive,
   and powers the controller on.  Returns a null pointer, or else,
   with nothing attached that VM's destruction must undo, a message
   saying which disk could not be attached and why, written to WHY
   (SIZE bytes).  May sleep (it reads the archive's headers). */
const char *
vdev_ide_attach (struct vm *vm, const struct vmctl_spec *spec, char *why,
                 size_t size)
{
  for (unsigned disk = 0; disk < VMCTL_DISK_MAX; disk++)
    {
      const char *file = spec->disk[disk];
      if (file == NULL)
        continue;
      struct vdev_ide_channel *ch = &vm->ide.channel[disk / VDEV_IDE_UNITS];
      if (vdev_ide_disk_open (&ch->drive[disk % VDEV_IDE_UNITS], disk, file,
                              why, size) != NULL)
        return why;
    }
  for (unsigned i = 0; i < VDEV_IDE_CHANNELS; i++)
    ide_reset (&vm->ide.channel[i]);
  return NULL;
}

/* Resets VM's IDE controller as a machine reset does: both channels'
   devices come out of reset; the disks stay attached. */
void
vdev_ide_reset (struct vm *vm)
{
  for (unsigned i = 0; i < VDEV_IDE_CHANNELS; i++)
    ide_reset (&vm->ide.channel[i]);
}

/* Releases what VM's IDE disks hold: nothing, as every sector the
   guest wrote went to its file when it was written, and the state is
   part of struct vm. */
void
vdev_ide_destroy (struct vm *vm UNUSED)
{
}
