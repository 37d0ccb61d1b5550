/* vmctl_kill from another thread stops a running VM: one spinning
   with interrupts on, one spinning with them masked and one halted
   until an interrupt months away, none with a CPU budget that would
   end it.  Each ends with the host's reason,
   every page comes back, and killing a VM that is gone is an error. */

#include "tests/hv/hvtest.h"
#include "devices/timer.h"
#include "tests/ktest.h"
#include "threads/palloc.h"

/* A budget no test run reaches: only the kill can end the VM. */
#define UNBOUNDED (1 << 30)

/* Ticks the VM spins before the test kills it. */
#define KILL_AFTER 5

/* Runs guest image FILE, kills it from this thread after KILL_AFTER
   ticks, and reports how it ended. */
static void
kill_running (const char *file)
{
  struct hvtest_options options = { .budget = UNBOUNDED };
  static struct vmctl_report report;  /* Too big for the stack. */
  size_t free_before = palloc_free_count ();

  int vm = hvtest_create (file, &options);
  if (vmctl_start (vm) != VMCTL_OK)
    fail ("cannot start %s", file);
  timer_sleep (KILL_AFTER);
  int status = vmctl_kill (vm);
  if (status != VMCTL_OK)
    fail ("vmctl_kill: %s", vmctl_strerror (status));
  hvtest_finish (vm, file, &report);
  hvtest_check_pages (free_before);
  status = vmctl_kill (vm);
  msg ("%s killed; killing it again: %s", file, vmctl_strerror (status));
}

static void
vm_kill_test (void)
{
  kill_running ("guest-spin.bin");
  kill_running ("guest-spin-masked.bin");
  kill_running ("guest-halt.bin");
}
KTEST ("vm-kill", vm_kill_test);
