/* Helper of bad-ptr: makes one VM-control call with a bad pointer,
   of the kind its first argument names (its second names a VM that
   exists), which must end it with exit code -1.  If the call returns,
   it says so and exits with 0, failing the test. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/vmctl/vmtest.h"

/* Addresses no user program may hand the kernel. */
#define KERNEL_ADDR ((void *) 0xc0000000)
#define LOW_ADDR ((void *) 0x20)

/* The end of this program's data; the page after it is not mapped. */
extern char _end[];

/* Returns the start of the first unmapped page after the data. */
static uint8_t *
data_end (void)
{
  return (uint8_t *) (((uintptr_t) _end + 4095) & ~(uintptr_t) 4095);
}

/* Makes the call KIND names, VM being a VM that exists, and returns
   what it returned. */
static int
bad_call (const char *kind, int vm)
{
  static struct vmc_info vms[4];
  struct vmc_list list = { vms, 4 };
  struct vmc_run run = { VT_SPIN, 0, 0, 0, 0, 0, 0 };

  if (!strcmp (kind, "arg-null"))
    return vmctl (VMC_LIST, NULL);
  if (!strcmp (kind, "arg-kernel"))
    return vmctl (VMC_PAUSE, KERNEL_ADDR);
  if (!strcmp (kind, "list-out"))
    {
      list.vms = KERNEL_ADDR;
      return vmctl (VMC_LIST, &list);
    }
  if (!strcmp (kind, "run-image"))
    {
      run.image = LOW_ADDR;
      return vmctl (VMC_RUN, &run);
    }
  if (!strcmp (kind, "stats-out"))
    {
      /* The VM number is readable, the statistics run off the end
         of the data into an unmapped page. */
      int32_t *id = (int32_t *) (data_end () - sizeof *id);
      *id = vm;
      return vmctl (VMC_STATS, id);
    }
  if (!strcmp (kind, "insmod-name"))
    return insmod (KERNEL_ADDR);
  if (!strcmp (kind, "rmmod-name"))
    return rmmod (LOW_ADDR);
  fail ("unknown kind of bad call '%s'", kind);
}

int
main (int argc, char *argv[])
{
  test_name = "child-bad-ptr";
  if (argc != 3)
    fail ("usage: child-bad-ptr KIND VM");
  int result = bad_call (argv[1], atoi (argv[2]));
  msg ("%s: the call returned %d instead of ending the process", argv[1],
       result);
  return 0;
}
