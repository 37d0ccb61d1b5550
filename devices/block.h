/* The block-device layer: every disk and partition as a named array
   of 512-byte sectors, each with a type, an optional role the kernel
   gives it (the file system, swap, ...) and I/O statistics. */
#ifndef DEVICES_BLOCK_H
#define DEVICES_BLOCK_H

#include <inttypes.h>
#include <stddef.h>

/* Size of a sector, in bytes. */
#define BLOCK_SECTOR_SIZE 512

/* Index of a sector within a block device; printf with PRDSNu. */
typedef uint32_t block_sector_t;
#define PRDSNu PRIu32

/* What a block device is.  The first BLOCK_ROLE_CNT types are also
   the roles the kernel assigns: at most one device per role. */
enum block_type
  {
    BLOCK_KERNEL,               /* The kernel image. */
    BLOCK_FILESYS,              /* The file system. */
    BLOCK_SCRATCH,              /* Scratch: files in and out (ustar). */
    BLOCK_SWAP,                 /* Swap space. */
    BLOCK_ROLE_CNT,

    BLOCK_RAW = BLOCK_ROLE_CNT, /* A whole disk. */
    BLOCK_FOREIGN,              /* A partition of another system. */
    BLOCK_CNT
  };

const char *block_type_name (enum block_type);

/* Roles. */
struct block *block_get_role (enum block_type);
void block_set_role (enum block_type, struct block *);

/* Finding devices. */
struct block *block_get_by_name (const char *name);
struct block *block_first (void);
struct block *block_next (struct block *);

/* Properties and I/O. */
block_sector_t block_size (struct block *);
const char *block_name (struct block *);
enum block_type block_type (struct block *);
void block_read (struct block *, block_sector_t, void *);
void block_write (struct block *, block_sector_t, const void *);

void block_print_stats (void);

/* What a driver supplies: reading and writing one sector.  AUX is the
   value given to block_register. */
struct block_operations
  {
    void (*read) (void *aux, block_sector_t, void *buffer);
    void (*write) (void *aux, block_sector_t, const void *buffer);
  };

struct block *block_register (const char *name, enum block_type,
                              const char *extra_info, block_sector_t size,
                              const struct block_operations *, void *aux);

#endif /* devices/block.h */
