/* The emulated IDE (ATA PIO) controller (hv/vdev/ide.c) and its disks
   (hv/vdev/ide-disk.c): their state, as part of struct vm, and what
   the two files call of each other.  Two channels, each with a master
   and a slave position; a position holds a disk only if one was
   attached. */
#ifndef HV_VDEV_IDE_H
#define HV_VDEV_IDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct block;

#define VDEV_IDE_CHANNELS 2     /* Primary (0x1f0) and secondary (0x170). */
#define VDEV_IDE_UNITS 2        /* Master (device 0) and slave (device 1). */
#define VDEV_IDE_SECTOR 512     /* Bytes per sector and per DRQ block. */
#define VDEV_IDE_FILE_MAX 99    /* Longest file name kept for messages
                                   (a ustar name field's worth). */
#define VDEV_IDE_WHY_MAX 160    /* Room for why a disk cannot be attached. */

/* One device position and, if PRESENT, its disk. */
struct vdev_ide_drive
  {
    bool present;               /* A disk is attached here. */
    struct block *store;        /* Scratch partition holding its file. */
    uint32_t first;             /* STORE's sector holding disk sector 0. */
    uint32_t sectors;           /* Capacity: the file's whole sectors. */
    char file[VDEV_IDE_FILE_MAX + 1]; /* The file's name. */
    uint8_t status;             /* Status register. */
    uint8_t error;              /* Error register. */
    bool intrq;                 /* Interrupt pending (ATA's INTRQ state). */
    /* Statistics. */
    uint64_t commands;          /* Commands it was given. */
    uint64_t sectors_read;      /* Sectors read from STORE. */
    uint64_t sectors_written;   /* Sectors written to STORE. */
  };

/* Direction of the PIO transfer in progress on a channel. */
enum vdev_ide_xfer
  {
    VDEV_IDE_XFER_NONE,         /* No data request. */
    VDEV_IDE_XFER_IN,           /* Device to host: the guest reads data. */
    VDEV_IDE_XFER_OUT           /* Host to device: the guest writes data. */
  };

/* One channel: the task-file registers both devices share (a write
   reaches both), the device control register, its interrupt line and
   the one sector buffer its transfers go through. */
struct vdev_ide_channel
  {
    struct vdev_ide_drive drive[VDEV_IDE_UNITS];
    uint8_t features;           /* Features. */
    uint8_t count;              /* Sector count. */
    uint8_t lba_low;            /* LBA bits 0-7. */
    uint8_t lba_mid;            /* LBA bits 8-15. */
    uint8_t lba_high;           /* LBA bits 16-23. */
    uint8_t device;             /* Device/head: DEV, LBA, LBA bits 24-27. */
    uint8_t control;            /* Device control: nIEN, SRST. */
    bool line;                  /* Level it drives on its IRQ line now. */

    /* The PIO transfer in progress, if XFER is not NONE. */
    enum vdev_ide_xfer xfer;
    unsigned xfer_unit;         /* The device transferring. */
    uint32_t xfer_lba;          /* The disk sector in BUFFER (READ, WRITE). */
    unsigned xfer_left;         /* Sectors left, the one in BUFFER included. */
    unsigned pos;               /* Bytes of BUFFER transferred so far. */
    uint8_t buffer[VDEV_IDE_SECTOR];
  };

struct vdev_ide
  {
    struct vdev_ide_channel channel[VDEV_IDE_CHANNELS];
  };

/* The disks (hv/vdev/ide-disk.c), for the controller (hv/vdev/ide.c). */
const char *vdev_ide_disk_open (struct vdev_ide_drive *, unsigned disk,
                                const char *file, char *why, size_t size);
void vdev_ide_disk_read (struct vdev_ide_drive *, uint32_t lba, void *buf);
void vdev_ide_disk_write (struct vdev_ide_drive *, uint32_t lba,
                          const void *buf);
void vdev_ide_disk_identify (const struct vdev_ide_drive *, unsigned disk,
                             uint8_t *buf);

#endif /* hv/vdev/ide.h */
