/* The kernel side of the tier-1 (user-level threads) tests: each
   "run uthread-NAME" runs guest program tier1-NAME.bin in a VM with
   the VCPUs it needs, prints the VM's exit counts where the test
   needs them, and checks that destroying the VM returned every page
   (hvtest_run). */

#include <inttypes.h>
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

/* Runs guest FILE on VCPUS VCPUs; with SHOW_EXITS, prints the VM's
   total exits. */
static void
tier1_run (const char *file, unsigned vcpus, bool show_exits)
{
  struct hvtest_options options = { .vcpus = vcpus };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run (file, &options, &report);
  if (show_exits)
    msg ("vm exits: %"PRIu64, report.exits);
}

/* Registers test NAME, which runs FILE on VCPUS VCPUs. */
#define TIER1_TEST(ID, NAME, FILE, VCPUS, SHOW_EXITS)                   \
  static void ID (void) { tier1_run (FILE, VCPUS, SHOW_EXITS); }        \
  KTEST (NAME, ID)

TIER1_TEST (uthread_fair, "uthread-fair", "tier1-fair.bin", 2, false);
TIER1_TEST (uthread_block, "uthread-block", "tier1-block.bin", 2, false);
TIER1_TEST (uthread_noexit, "uthread-noexit", "tier1-noexit.bin", 2, true);
TIER1_TEST (uthread_kill, "uthread-kill", "tier1-kill.bin", 2, false);
