/* The kernel side of every guest test: "run NAME" runs guest image
   NAME.bin in a VM (hvtest_guest); the guest program, tests/hv/NAME.c,
   does the testing and prints the results.  One line per test. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

/* Registers the guest test NAME under the C identifier ID. */
#define GUEST_TEST(ID, NAME)                                            \
  static void ID (void) { hvtest_guest (NAME); }                        \
  KTEST (NAME, ID)

GUEST_TEST (exit_cpuid, "exit-cpuid");
GUEST_TEST (exit_hlt, "exit-hlt");
GUEST_TEST (exit_hlt_masked, "exit-hlt-masked");
GUEST_TEST (exit_ioio_serial, "exit-ioio-serial");
GUEST_TEST (exit_ioio_unknown, "exit-ioio-unknown");
GUEST_TEST (exit_debug_port, "exit-debug-port");
GUEST_TEST (exit_msr, "exit-msr");
GUEST_TEST (exit_vmmcall, "exit-vmmcall");
GUEST_TEST (exit_svm_insn, "exit-svm-insn");
GUEST_TEST (exit_shutdown, "exit-shutdown");
GUEST_TEST (npf_demand, "npf-demand");
GUEST_TEST (npf_mmio, "npf-mmio");
GUEST_TEST (npf_mmio_bad, "npf-mmio-bad");
GUEST_TEST (npf_outside, "npf-outside");
GUEST_TEST (vintr_timer, "vintr-timer");
GUEST_TEST (vintr_masked, "vintr-masked");
GUEST_TEST (vintr_once, "vintr-once");
GUEST_TEST (paging_legacy, "paging-legacy");
GUEST_TEST (paging_pae, "paging-pae");
GUEST_TEST (fpu_ferr, "fpu-ferr");
GUEST_TEST (cr0_write, "cr0-write");
GUEST_TEST (cr4_write, "cr4-write");
GUEST_TEST (npf_mmio_walk, "npf-mmio-walk");
GUEST_TEST (npf_mmio_idt, "npf-mmio-idt");
GUEST_TEST (debug_regs, "debug-regs");
GUEST_TEST (vdev_rtc, "vdev-rtc");
GUEST_TEST (vdev_kbc, "vdev-kbc");
GUEST_TEST (vdev_power_acpi, "vdev-power-acpi");
GUEST_TEST (vdev_power_acpi_old, "vdev-power-acpi-old");
GUEST_TEST (vdev_power_bochs, "vdev-power-bochs");
GUEST_TEST (vdev_power_debugexit, "vdev-power-debugexit");
GUEST_TEST (vdev_rtc_irq, "vdev-rtc-irq");
GUEST_TEST (vdev_pit, "vdev-pit");

/* Runs guest image FILE with DISK as its disk0. */
static void
run_with_disk (const char *file, const char *disk)
{
  struct hvtest_options options = { .disk = { disk } };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run (file, &options, &report);
}

/* Registers the guest test NAME under the C identifier ID, with disk
   image DISK (tests/hv/Make.tests makes it) as its disk0. */
#define GUEST_TEST_DISK(ID, NAME, DISK)                                 \
  static void ID (void) { run_with_disk (NAME ".bin", DISK); }          \
  KTEST (NAME, ID)

/* The IDE controller's guest test; the PIC's, which takes IRQ 14 from
   the same disk. */
GUEST_TEST_DISK (vdev_ide, "vdev-ide", "vdev-ide.dsk");
GUEST_TEST_DISK (vdev_pic, "vdev-pic", "vdev-ide.dsk");

/* Runs guest image FILE under shadow paging, whatever the kernel's
   default. */
static void
run_shadowed (const char *file)
{
  struct hvtest_options options = { .paging = VMCTL_PAGING_SHADOW };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run (file, &options, &report);
}

/* Registers the test NAME under the C identifier ID: guest GUEST's own
   test, run under shadow paging (hv/shadow.c) even when the rest of
   the suite runs under nested paging. */
#define GUEST_TEST_SHADOW(ID, NAME, GUEST)                              \
  static void ID (void) { run_shadowed (GUEST ".bin"); }                \
  KTEST (NAME, ID)

GUEST_TEST (paging_mmu_legacy, "paging-mmu-legacy");
GUEST_TEST (paging_mmu_pae, "paging-mmu-pae");
GUEST_TEST_SHADOW (shadow_mmu_legacy, "shadow-mmu-legacy", "paging-mmu-legacy");
GUEST_TEST_SHADOW (shadow_mmu_pae, "shadow-mmu-pae", "paging-mmu-pae");
GUEST_TEST_SHADOW (shadow_paging_legacy, "shadow-paging-legacy", "paging-legacy");
GUEST_TEST_SHADOW (shadow_paging_pae, "shadow-paging-pae", "paging-pae");
GUEST_TEST_SHADOW (shadow_npf_demand, "shadow-npf-demand", "npf-demand");
