/* Multiboot kernels that are not Ringlet's.  multiboot-elf boots
   mbk-elf.kernel (tests/hv/mbk-elf.c), an ELF executable placed by its
   program headers, which prints what the loader gave it.
   multiboot-bad offers the hv broken kernels (tests/hv/mbk-bad.pl
   makes them at build time): each must be refused with its reason,
   and no page may be lost. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

static void
multiboot_elf (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  struct hvtest_options options = { .cmdline = "mbk-elf.cmd", .ram_mb = 6 };

  hvtest_run ("mbk-elf.kernel", &options, &report);
  if (report.end == VMCTL_END_EXIT)
    msg ("the kernel powered off with status %d", report.exit_code);
}
KTEST ("multiboot-elf", multiboot_elf);

/* The broken kernels, as tests/hv/mbk-bad.pl names them. */
static const char *const bad_kernels[] =
  {
    "mbk-noheader.bin", "mbk-badsum.bin", "mbk-video.bin",
    "mbk-outside.bin", "mbk-truncated.bin", "mbk-entry.bin",
    "mbk-elf-truncated.bin", "mbk-elf-outside.bin",
  };

static void
multiboot_bad (void)
{
  size_t free_before = palloc_free_count ();
  for (size_t i = 0; i < sizeof bad_kernels / sizeof *bad_kernels; i++)
    {
      struct vmctl_spec spec;
      void *image;
      if (vmctl_load (bad_kernels[i], &spec, &image) != VMCTL_OK)
        fail ("cannot read %s", bad_kernels[i]);
      int vm = vmctl_create (&spec);
      free (image);
      if (vm >= 0)
        fail ("%s: the hv accepted it", bad_kernels[i]);
      msg ("%s: refused: %s", bad_kernels[i], vmctl_strerror (vm));
    }
  hvtest_check_pages (free_before);
}
KTEST ("multiboot-bad", multiboot_bad);

/* A reset restarts the VM as often as it may: the threads kernel,
   told to reboot when done (-r), boots twice, and its second reset
   ends the VM. */
static void
multiboot_restart (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  struct hvtest_options options = { .cmdline = "multiboot-restart.cmd",
                                    .ram_mb = 4, .restarts = 1 };

  hvtest_run ("ringlet-threads.bin", &options, &report);
}
KTEST ("multiboot-restart", multiboot_restart);
