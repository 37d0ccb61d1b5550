/* Mounting a corrupted disk: the free map's inode, the free map
   itself and the root directory's inode are damaged in turn on disk
   and the file system is mounted again.  Each time the mount must
   fail with a message saying what is wrong, leaving the file system
   unavailable (creates and opens fail); once the damage is undone, a
   mount must find the files as they were.  This test knows the
   on-disk inode layout (filesys/inode.c) and that the free map's data
   starts in the sector after the root directory's inode. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* Byte offsets of fields of an on-disk inode. */
#define INODE_MAGIC_OFS 0
#define INODE_LENGTH_OFS 8

/* The first sector of the free map's data on a fresh disk. */
#define FREE_MAP_DATA_SECTOR 2

/* A kept file's size and seed. */
#define KEPT_SIZE 2000
#define KEPT_SEED 0x3c

/* Mounts the disk again and checks that the mount failed. */
static void
check_mount_fails (const char *what)
{
  msg ("damage: %s", what);
  filesys_done ();
  filesys_init (false);
  CHECK (filesys_open ("kept") == NULL, "opened a file on a corrupt disk");
  CHECK (!filesys_create ("new", 0), "created a file on a corrupt disk");
  msg ("the mount fails: no file opens or is created");
}

/* Runs the test: see the top of this file. */
static void
fs_corrupt_mount_test (void)
{
  static uint8_t map_inode[BLOCK_SECTOR_SIZE], root_inode[BLOCK_SECTOR_SIZE];
  static uint8_t map_data[BLOCK_SECTOR_SIZE];
  struct file *file = fstest_create ("kept", KEPT_SIZE);
  size_t free_pages;

  fstest_write (file, KEPT_SIZE, 300, KEPT_SEED);
  file_close (file);
  free_pages = palloc_free_count ();
  block_read (fs_device, FREE_MAP_SECTOR, map_inode);
  block_read (fs_device, ROOT_DIR_SECTOR, root_inode);
  block_read (fs_device, FREE_MAP_DATA_SECTOR, map_data);

  fstest_patch_sector (FREE_MAP_SECTOR, map_inode, INODE_MAGIC_OFS,
                       0x12345678);
  check_mount_fails ("free map's inode has a bad magic number");
  fstest_patch_sector (FREE_MAP_SECTOR, map_inode, INODE_LENGTH_OFS, 100);
  check_mount_fails ("free map is 100 bytes, for another partition size");
  block_write (fs_device, FREE_MAP_SECTOR, map_inode);

  fstest_patch_sector (FREE_MAP_DATA_SECTOR, map_data, 0, 0);
  check_mount_fails ("free map marks the inode sectors free");
  block_write (fs_device, FREE_MAP_DATA_SECTOR, map_data);

  fstest_patch_sector (ROOT_DIR_SECTOR, root_inode, INODE_MAGIC_OFS, 0);
  check_mount_fails ("root directory's inode has a bad magic number");
  fstest_patch_sector (ROOT_DIR_SECTOR, root_inode, INODE_LENGTH_OFS, 33);
  check_mount_fails ("root directory is 33 bytes long");
  block_write (fs_device, ROOT_DIR_SECTOR, root_inode);

  filesys_done ();
  filesys_init (false);
  file = fstest_open ("kept");
  fstest_verify (file, KEPT_SIZE, 700, KEPT_SEED);
  file_close (file);
  msg ("damage undone, the disk mounts with its file intact");
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every page came back");
}

KTEST ("fs-corrupt-mount", fs_corrupt_mount_test);
