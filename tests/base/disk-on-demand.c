/* Disks on demand: the kernel probes its disks the first time
   something looks a block device up, never before.  A kernel with a
   file system looks its device up while booting, so its disks are
   probed by the time a test runs; any other kernel has asked for no
   disk yet, so none may have been touched.  The test then asks for
   the kernel partition, which must probe the disks and find it. */

#include "tests/base/check.h"
#include "tests/ktest.h"
#include "devices/block.h"

/* Whether this kernel's boot itself needs a disk. */
#ifdef FILESYS
#define BOOT_NEEDS_DISK true
#else
#define BOOT_NEEDS_DISK false
#endif

/* Checks when the disks were probed, then probes them by a lookup. */
static void
disk_on_demand_test (void)
{
  struct block *kernel;

  CHECK (block_probed () == BOOT_NEEDS_DISK,
         BOOT_NEEDS_DISK
         ? "the file system was mounted, yet no disk was probed"
         : "the disks were probed before anything asked for one");
  msg ("disks probed only once something needed one");

  kernel = block_get_role (BLOCK_KERNEL);
  CHECK (block_probed (), "looking up the kernel partition probed nothing");
  CHECK (kernel != NULL, "no block device has the kernel role");
  check_int ("type of the kernel device", block_type (kernel), BLOCK_KERNEL);
  msg ("the first lookup found the kernel partition");

  CHECK (block_get_role (BLOCK_KERNEL) == kernel,
         "a second lookup found a different kernel device");
  msg ("a second lookup finds the same device");
}

KTEST ("disk-on-demand", disk_on_demand_test);
