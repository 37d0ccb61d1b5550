/* STATS of a running VM: its configuration as LIST shows it, exits
   and CPU time that grow as it runs, its VCPUs' scheduling figures;
   STATS of a VM that does not exist is refused. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Stores VM's statistics in *S, or fails. */
static void
stats (int vm, struct vmc_stats *s)
{
  memset (s, 0, sizeof *s);
  s->id = vm;
  int status = vmctl (VMC_STATS, s);
  if (status != VMC_OK)
    fail ("stats %d: %s", vm, vt_status_name (status));
}

void
test_main (void)
{
  struct vmc_stats first, later;

  vt_insmod ();
  struct vmc_run run = { VT_TICKER, 0, 2, 0, 0, VMC_PAGING_DEFAULT, 0 };
  int vm = vt_run_with (&run);
  vt_progress (vm);
  stats (vm, &first);
  vt_progress (vm);
  stats (vm, &later);
  CHECK (later.info.id == vm && !strcmp (later.info.name, "ticker"),
         "stats name VM %d as ticker", vm);
  CHECK (later.info.vcpus == 2 && later.info.weight == 256,
         "2 VCPUs, weight 256");
  CHECK (first.info.exits > 0 && later.info.exits > first.info.exits,
         "exits grow as it runs");
  CHECK (later.vm.run_us > first.vm.run_us, "CPU time grows as it runs");
  CHECK (later.vcpu[0].run_us > 0 && later.vcpu[0].wakeups > 0,
         "VCPU 0 ran and woke from halts");
  CHECK (later.vcpu[1].run_us == 0, "VCPU 1, never brought up, did not run");
  struct vmc_stats none = { .id = 99 };
  vt_expect (vmctl (VMC_STATS, &none), VMC_ENOVM, "stats of VM 99");
  vt_kill (vm);
}
