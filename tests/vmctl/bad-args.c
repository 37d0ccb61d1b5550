/* Bad arguments that a VM-control call refuses with a status, the
   caller living on: an unknown operation, VM numbers that name no VM,
   a missing image, a file that is no guest image, options out of
   range, names too long, a snapshot that is no file. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Tries to run the VM RUN describes, which must be refused as an
   invalid argument; WHAT says what is wrong with it. */
static void
try_run (const char *what, struct vmc_run run)
{
  vt_expect (vmctl (VMC_RUN, &run), VMC_EINVAL, what);
}

void
test_main (void)
{
  int id = 99;
  int negative = -1;

  vt_insmod ();
  vt_expect (vmctl (VMC_OP_CNT, &id), VMC_EOP, "unknown operation");
  vt_expect (vmctl (-1, &id), VMC_EOP, "operation -1");
  vt_expect (vmctl (VMC_PAUSE, &id), VMC_ENOVM, "pause VM 99");
  vt_expect (vmctl (VMC_RESUME, &negative), VMC_ENOVM, "resume VM -1");
  vt_expect (vmctl (VMC_KILL, &id), VMC_ENOVM, "kill VM 99");
  struct vmc_clone clone = { 99, NULL };
  vt_expect (vmctl (VMC_CLONE, &clone), VMC_ENOVM, "clone VM 99");
  struct vmc_snapshot snap = { 99, "snap" };
  vt_expect (vmctl (VMC_SNAPSHOT, &snap), VMC_ENOVM, "snapshot VM 99");

  struct vmc_run run = { "no-such.bin", 0, 0, 0, 0, 0, 0 };
  vt_expect (vmctl (VMC_RUN, &run), VMC_ENOENT, "run a missing image");
  run.image = "hv.ko";
  vt_expect (vmctl (VMC_RUN, &run), VMC_EINVAL, "run hv.ko");
  try_run ("ram=65", (struct vmc_run) { VT_TICKER, 65, 0, 0, 0, 0, 0 });
  try_run ("vcpus=9", (struct vmc_run) { VT_TICKER, 0, 9, 0, 0, 0, 0 });
  try_run ("weight=65536", (struct vmc_run) { VT_TICKER, 0, 0, 65536, 0, 0, 0 });
  try_run ("cap=101 with 1 VCPU",
           (struct vmc_run) { VT_TICKER, 0, 1, 0, 101, 0, 0 });
  try_run ("paging 3", (struct vmc_run) { VT_TICKER, 0, 0, 0, 0, 3, 0 });
  try_run ("tdf=101", (struct vmc_run) { VT_TICKER, 0, 0, 0, 0, 0, 101 });
  char long_name[200];
  memset (long_name, 'x', sizeof long_name - 1);
  long_name[sizeof long_name - 1] = '\0';
  try_run ("a 199-byte file name",
           (struct vmc_run) { long_name, 0, 0, 0, 0, 0, 0 });

  struct vmc_restore restore;
  memset (&restore, 0, sizeof restore);
  restore.file = "no-such-snap";
  vt_expect (vmctl (VMC_RESTORE, &restore), VMC_ENOENT,
             "restore a missing file");
  restore.file = VT_TICKER;
  restore.name = long_name;
  vt_expect (vmctl (VMC_RESTORE, &restore), VMC_EINVAL,
             "restore with a 199-byte name");

  struct vmc_list list = { NULL, 0 };
  vt_expect (vmctl (VMC_LIST, &list), 0, "no VM made by any of that");
}
