/* The block-device layer: every disk and partition as a named array
   of 512-byte sectors, each with a type, an optional role the kernel
   gives it (the file system, swap, ...) and I/O statistics. */
#ifndef DEVICES_BLOCK_H
#define DEVICES_BLOCK_H

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>

/* Sector numbers count from 0 within one device.  Print them with
   the PRDSNu conversion, e.g. printf ("%"PRDSNu, sector). */
typedef uint32_t block_sector_t;
#define PRDSNu PRIu32

/* Every device reads and writes whole sectors of this many bytes. */
#define BLOCK_SECTOR_SIZE 512

/* Most devices (disks and partitions) the layer keeps. */
#define BLOCK_DEVICE_MAX 64

/* Kinds of device.  The kinds before BLOCK_ROLE_CNT double as the
   roles the kernel hands out, one device per role at most; the
   later ones never play a role. */
enum block_type
  {
    BLOCK_KERNEL,               /* Holds the kernel image. */
    BLOCK_FILESYS,              /* Holds the file system. */
    BLOCK_SCRATCH,              /* Ustar archive moving files in and out. */
    BLOCK_SWAP,                 /* Backing store for evicted pages. */
    BLOCK_ROLE_CNT,

    BLOCK_RAW = BLOCK_ROLE_CNT, /* A disk as a whole. */
    BLOCK_FOREIGN,              /* Partition Ringlet does not use. */
    BLOCK_CNT
  };

struct block_operations;

/* Drivers announce devices here. */
struct block *block_register (const char *name, enum block_type,
                              const char *extra_info, block_sector_t size,
                              const struct block_operations *, void *aux);

/* The driver's half of a device: moving one sector between the
   hardware and a BLOCK_SECTOR_SIZE-byte buffer.  AUX is whatever the
   driver passed to block_register. */
struct block_operations
  {
    void (*read) (void *aux, block_sector_t, void *buffer);
    void (*write) (void *aux, block_sector_t, const void *buffer);
  };

/* Sector I/O. */
void block_write (struct block *, block_sector_t, const void *);
void block_read (struct block *, block_sector_t, void *);

/* What a device is. */
const char *block_name (struct block *);
block_sector_t block_size (struct block *);
enum block_type block_type (struct block *);
const char *block_type_name (enum block_type);

/* Finding the devices: the boot sequence names the function that
   probes them, which the first lookup runs (see block.c). */
void block_set_prober (void (*prober) (void));
void block_probe (void);
bool block_probed (void);

/* Looking devices up: all of them in order, by name, by role. */
struct block *block_first (void);
struct block *block_next (struct block *);
struct block *block_get_by_name (const char *name);
void block_set_role (enum block_type, struct block *);
struct block *block_get_role (enum block_type);

void block_print_stats (void);

#endif /* devices/block.h */
