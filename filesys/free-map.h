/* The free map: which sectors of the file-system partition are in
   use, kept in memory as a bitmap and on disk as the file whose inode
   is in FREE_MAP_SECTOR.  Every change is written to disk at once.

   Every function here except free_map_init must be called with the
   file-system lock held (filesys_lock_acquire).  Any of them may
   sleep. */
#ifndef FILESYS_FREE_MAP_H
#define FILESYS_FREE_MAP_H

#include "devices/block.h"
#include <stddef.h>
#include <stdbool.h>

/* Mounting: the in-memory map, then the file that keeps it. */
bool free_map_init (void);
bool free_map_create (void);
bool free_map_open (void);
bool free_map_read (void);
void free_map_close (void);

/* Sectors. */
bool free_map_allocate (size_t cnt, block_sector_t *sectorp);
void free_map_release (block_sector_t sector, size_t cnt);
size_t free_map_free_count (void);

#endif /* filesys/free-map.h */
