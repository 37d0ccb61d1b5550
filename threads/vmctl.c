/* VM control: the registration point through which the hypervisor
   module offers its VM operations to the kernel, the kernel-side
   calls that forward to them, and the "vmrun" kernel action built on
   those calls.  The kernel never names an hv symbol; while no hv is
   registered every call returns VMCTL_ENOHV. */

#include "threads/vmctl.h"
#include <debug.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "devices/scratch.h"
#include "devices/shutdown.h"
#include "threads/malloc.h"

/* Largest guest image "vmrun" reads from the scratch archive. */
#define VMCTL_IMAGE_MAX (1u << 20)

/* Most VMs one "vmrun" action starts together. */
#define VMCTL_RUN_MAX 4

/* The registered operations, or a null pointer. */
static const struct vmctl_ops *vmctl_ops;

/* Makes OPS the VM operations every vmctl_* call uses.  Called by
   the hv's init; only one hv may be registered at a time. */
void
vmctl_register (const struct vmctl_ops *ops)
{
  ASSERT (ops != NULL);
  ASSERT (vmctl_ops == NULL);
  vmctl_ops = ops;
}

/* Withdraws OPS, which must be the registered operations.  Called by
   the hv's exit before it frees anything the operations use. */
void
vmctl_unregister (const struct vmctl_ops *ops)
{
  ASSERT (vmctl_ops == ops);
  vmctl_ops = NULL;
}

/* Creates a VM as SPEC describes, not yet running.  Returns its
   number (>= 0) or a negative status. */
int
vmctl_create (const struct vmctl_spec *spec)
{
  return vmctl_ops != NULL ? vmctl_ops->create (spec) : VMCTL_ENOHV;
}

/* Starts VM running on its own kernel thread. */
int
vmctl_start (int vm)
{
  return vmctl_ops != NULL ? vmctl_ops->start (vm) : VMCTL_ENOHV;
}

/* Waits until VM has ended, stores its statistics in REPORT and
   destroys it.  May sleep. */
int
vmctl_wait (int vm, struct vmctl_report *report)
{
  return vmctl_ops != NULL ? vmctl_ops->wait (vm, report) : VMCTL_ENOHV;
}

/* Asks VM to stop; vmctl_wait still reaps it. */
int
vmctl_kill (int vm)
{
  return vmctl_ops != NULL ? vmctl_ops->kill (vm) : VMCTL_ENOHV;
}

/* Reads guest image FILE from the scratch archive and fills in SPEC
   for it with default settings (its name is FILE up to the first
   '.').  Stores the image buffer, which the caller frees after
   creating the VM, in *BUFFER.  Returns VMCTL_OK or, having printed
   why, VMCTL_ENOENT.  May sleep. */
int
vmctl_load (const char *file, struct vmctl_spec *spec, void **buffer)
{
  size_t size;
  const char *error = scratch_read_file (file, VMCTL_IMAGE_MAX, buffer, &size);
  if (error != NULL)
    {
      printf ("vmctl: cannot read guest image '%s': %s\n", file, error);
      return VMCTL_ENOENT;
    }
  memset (spec, 0, sizeof *spec);
  spec->name = file;
  spec->image = *buffer;
  spec->image_size = size;
  return VMCTL_OK;
}

/* Returns a short explanation of STATUS. */
const char *
vmctl_strerror (int status)
{
  switch (status)
    {
    case VMCTL_OK: return "success";
    case VMCTL_ENOHV: return "no hypervisor loaded (insmod hv first)";
    case VMCTL_ENOMEM: return "out of memory";
    case VMCTL_EINVAL: return "invalid argument or guest image";
    case VMCTL_ENOVM: return "no such VM";
    case VMCTL_EBUSY: return "too many VMs, or VM busy";
    case VMCTL_ENOENT: return "no such guest image";
    default: return status >= 0 ? "success" : "unknown error";
    }
}

/* Returns how many exits of REASON (e.g. "cpuid") REPORT counts. */
uint64_t
vmctl_report_count (const struct vmctl_report *report, const char *reason)
{
  for (size_t i = 0; i < report->stat_cnt; i++)
    if (!strcmp (report->stats[i].reason, reason))
      return report->stats[i].count;
  return 0;
}

/* Options a "vmrun" guest name may carry, each after a '+'. */
#define VMCTL_OPT_TRACE "trace"         /* Print a line per exit. */
#define VMCTL_OPT_BUDGET "budget="      /* CPU budget in timer ticks. */

/* Parses S, a positive decimal number of ticks of at most nine
   digits, into *TICKS.  Returns false if S is anything else. */
static bool
vmctl_parse_ticks (const char *s, int64_t *ticks)
{
  size_t len = strlen (s);
  if (len == 0 || len > 9 || strspn (s, "0123456789") != len)
    return false;
  *ticks = atoi (s);
  return *ticks > 0;
}

/* Parses the "+OPTION" suffixes of GUEST, a "vmrun" argument, into
   SPEC, and cuts them off GUEST, leaving the file name.  Returns
   false, having printed why, on an option it does not know. */
static bool
vmctl_parse_options (char *guest, struct vmctl_spec *spec)
{
  char *save_ptr;
  strtok_r (guest, "+", &save_ptr);
  for (char *opt = strtok_r (NULL, "+", &save_ptr); opt != NULL;
       opt = strtok_r (NULL, "+", &save_ptr))
    {
      size_t budget_len = strlen (VMCTL_OPT_BUDGET);
      if (!strcmp (opt, VMCTL_OPT_TRACE))
        spec->trace = true;
      else if (!strncmp (opt, VMCTL_OPT_BUDGET, budget_len)
               && vmctl_parse_ticks (opt + budget_len, &spec->budget))
        continue;
      else
        {
          printf ("vmctl: unknown option '+%s' for '%s' (options: +%s, "
                  "+%sTICKS)\n", opt, guest, VMCTL_OPT_TRACE,
                  VMCTL_OPT_BUDGET);
          return false;
        }
    }
  return true;
}

/* Loads the guest image GUEST names (a file, then options: see
   vmctl_run_action) and creates a VM for it.  Returns the VM's number,
   or a negative status after printing why. */
static int
vmctl_create_from_file (char *guest)
{
  struct vmctl_spec options;
  struct vmctl_spec spec;
  void *image;

  memset (&options, 0, sizeof options);
  if (!vmctl_parse_options (guest, &options))
    return VMCTL_EINVAL;
  int status = vmctl_load (guest, &spec, &image);
  if (status != VMCTL_OK)
    return status;
  spec.trace = options.trace;
  spec.budget = options.budget;
  status = vmctl_create (&spec);
  free (image);
  if (status < 0)
    printf ("vmctl: cannot create a VM for '%s': %s\n", guest,
            vmctl_strerror (status));
  return status;
}

/* The "vmrun GUEST[,GUEST...]" kernel action: runs each named guest
   image from the scratch archive in its own VM, all at once, and
   waits for all of them.  The hv prints how each ended and its exit
   statistics.  A GUEST is a file name with options, each after a
   '+': NAME+trace has every exit printed, NAME+budget=TICKS kills the
   VM once it has used TICKS timer ticks of CPU time (by default a VM
   may run for ever).  A failure sets a failing power-off status. */
void
vmctl_run_action (char **argv)
{
  char *save_ptr;
  int vms[VMCTL_RUN_MAX];
  int vm_cnt = 0;
  bool ok = true;

  for (char *file = strtok_r (argv[1], ",", &save_ptr); file != NULL;
       file = strtok_r (NULL, ",", &save_ptr))
    {
      if (vm_cnt == VMCTL_RUN_MAX)
        {
          printf ("vmctl: at most %d guests at once; ignoring '%s'\n",
                  VMCTL_RUN_MAX, file);
          ok = false;
          continue;
        }
      int vm = vmctl_create_from_file (file);
      if (vm >= 0)
        vms[vm_cnt++] = vm;
      else
        ok = false;
    }
  for (int i = 0; i < vm_cnt; i++)
    vmctl_start (vms[i]);
  for (int i = 0; i < vm_cnt; i++)
    {
      struct vmctl_report report;
      if (vmctl_wait (vms[i], &report) != VMCTL_OK
          || report.end != VMCTL_END_EXIT
          || report.exit_code != 0)
        ok = false;
    }
  if (!ok)
    shutdown_set_status (1);
}
