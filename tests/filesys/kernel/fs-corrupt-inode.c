/* A corrupted inode: a file's inode sector is overwritten on disk,
   field by field, with values a damaged disk could hold.  Opening the
   file must then fail with a message that says what is wrong (never
   a panic, never a read outside the partition), removing it must
   fail, and "ls" must show it as unreadable; once the sector is
   restored the file must open and read as before.  This test knows
   the on-disk inode layout of filesys/inode.c. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/fsutil.h"
#include "filesys/inode.h"
#include "threads/palloc.h"

/* Byte offsets of the fields of an on-disk inode. */
#define INODE_MAGIC_OFS 0
#define INODE_START_OFS 4
#define INODE_LENGTH_OFS 8

/* The victim file's size and pattern seed. */
#define VICTIM_SIZE 1000
#define VICTIM_SEED 0x77

/* One kind of damage: a 32-bit VALUE stored at byte OFS. */
struct damage
  {
    const char *what;
    int ofs;
    uint32_t value;
  };

/* Returns the inode sector of the file called NAME. */
static block_sector_t
inode_sector_of (const char *name)
{
  struct file *file = fstest_open (name);
  block_sector_t sector = inode_get_inumber (file_get_inode (file));

  file_close (file);
  return sector;
}

/* Checks that the damaged victim cannot be opened or removed. */
static void
check_refused (const struct damage *d)
{
  msg ("damage: %s", d->what);
  CHECK (filesys_open ("victim") == NULL, "opened a corrupt file");
  CHECK (!filesys_remove ("victim"), "removed a corrupt file");
  msg ("open and remove fail");
}

/* Runs the test: see the top of this file. */
static void
fs_corrupt_inode_test (void)
{
  static char *ls_argv[] = { "ls", NULL };
  static uint8_t orig[BLOCK_SECTOR_SIZE];
  size_t free_pages = palloc_free_count ();
  struct file *file = fstest_create ("victim", VICTIM_SIZE);
  block_sector_t sector;
  size_t i;

  fstest_write (file, VICTIM_SIZE, 100, VICTIM_SEED);
  file_close (file);
  sector = inode_sector_of ("victim");
  block_read (fs_device, sector, orig);

  const struct damage damages[] =
    {
      { "magic number zeroed", INODE_MAGIC_OFS, 0 },
      { "length negative", INODE_LENGTH_OFS, 0xfffffff0 },
      { "length 2 GB", INODE_LENGTH_OFS, 0x7fffffff },
      { "data at sector 0", INODE_START_OFS, 0 },
      { "data past the end", INODE_START_OFS, block_size (fs_device) - 1 },
      { "data over the inode", INODE_START_OFS, sector },
    };
  for (i = 0; i < sizeof damages / sizeof *damages; i++)
    {
      fstest_patch_sector (sector, orig, damages[i].ofs, damages[i].value);
      check_refused (&damages[i]);
      if (i == 0)
        fsutil_ls (ls_argv);
    }

  block_write (fs_device, sector, orig);
  file = fstest_open ("victim");
  fstest_verify (file, VICTIM_SIZE, 512, VICTIM_SEED);
  file_close (file);
  msg ("restored, the file opens and reads as written");
  CHECK (filesys_remove ("victim"), "removing victim");
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every page came back");
}

KTEST ("fs-corrupt-inode", fs_corrupt_inode_test);
