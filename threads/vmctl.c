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
#define VMCTL_IMAGE_MAX (8u << 20)

/* The option whose value is a file in the scratch archive holding the
   command line of a multiboot kernel ("+cmdline=FILE": a file, as the
   "vmrun" argument cannot hold spaces). */
#define VMCTL_OPT_CMDLINE "cmdline="

/* Longest command line such a file may hold. */
#define VMCTL_CMDLINE_MAX 1024

/* Most VMs one "vmrun" action starts together. */
#define VMCTL_RUN_MAX 4

/* The registered operations, or a null pointer. */
static const struct vmctl_ops *vmctl_ops;

/* The paging of VMs that ask for none (the kernel option -hv-paging). */
enum vmctl_paging vmctl_default_paging = VMCTL_PAGING_NPT;

/* The option "paging=npt" or "paging=shadow" of a "vmrun" guest. */
#define VMCTL_OPT_PAGING "paging="

/* Parses NAME, "npt" or "shadow", into *PAGING.  Returns false if it
   is neither. */
bool
vmctl_parse_paging (const char *name, enum vmctl_paging *paging)
{
  if (!strcmp (name, "npt"))
    *paging = VMCTL_PAGING_NPT;
  else if (!strcmp (name, "shadow"))
    *paging = VMCTL_PAGING_SHADOW;
  else
    return false;
  return true;
}

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

/* Sets VM's weight and cap; -1 leaves either as it is. */
int
vmctl_set_sched (int vm, int weight, int cap)
{
  return vmctl_ops != NULL ? vmctl_ops->set_sched (vm, weight, cap)
                           : VMCTL_ENOHV;
}

/* Stores VM's scheduling parameters and statistics so far in SCHED. */
int
vmctl_sched (int vm, struct vmctl_sched *sched)
{
  return vmctl_ops != NULL ? vmctl_ops->sched (vm, sched) : VMCTL_ENOHV;
}

/* Lets VM's VCPU number VCPU run only on physical CPU CPU, or on any
   CPU if CPU is -1. */
int
vmctl_pin (int vm, unsigned vcpu, int cpu)
{
  return vmctl_ops != NULL ? vmctl_ops->pin (vm, vcpu, cpu) : VMCTL_ENOHV;
}

/* Stores the statistics of up to MAX of the hv's physical CPUs in
   PCPUS (which may be null if MAX is 0) and returns how many CPUs
   the hv runs VCPUs on, or an error. */
int
vmctl_pcpus (struct vmctl_pcpu *pcpus, unsigned max)
{
  return vmctl_ops != NULL ? vmctl_ops->pcpus (pcpus, max) : VMCTL_ENOHV;
}

/* Stores in OUT which physical CPUs VM's VCPU number VCPU ran on. */
int
vmctl_vcpu_cpus (int vm, unsigned vcpu, struct vmctl_vcpu_cpus *out)
{
  return vmctl_ops != NULL ? vmctl_ops->vcpu_cpus (vm, vcpu, out)
                           : VMCTL_ENOHV;
}

/* The operations of a VM's life past running: see vmctl_ops in
   threads/vmctl.h for each one's meaning. */
int
vmctl_list (struct vmctl_info *info, unsigned max)
{
  return vmctl_ops != NULL ? vmctl_ops->list (info, max) : VMCTL_ENOHV;
}

int
vmctl_pause (int vm)
{
  return vmctl_ops != NULL ? vmctl_ops->pause (vm) : VMCTL_ENOHV;
}

int
vmctl_resume (int vm)
{
  return vmctl_ops != NULL ? vmctl_ops->resume (vm) : VMCTL_ENOHV;
}

int
vmctl_save_size (int vm, uint64_t *size)
{
  return vmctl_ops != NULL ? vmctl_ops->save_size (vm, size) : VMCTL_ENOHV;
}

int
vmctl_save (int vm, const struct vmctl_stream *stream)
{
  return vmctl_ops != NULL ? vmctl_ops->save (vm, stream) : VMCTL_ENOHV;
}

int
vmctl_restore (const struct vmctl_stream *stream, const char *name,
               char *why, size_t why_size)
{
  if (why_size > 0)
    why[0] = '\0';
  return vmctl_ops != NULL ? vmctl_ops->restore (stream, name, why, why_size)
                           : VMCTL_ENOHV;
}

int
vmctl_clone (int vm, const char *name)
{
  return vmctl_ops != NULL ? vmctl_ops->clone (vm, name) : VMCTL_ENOHV;
}

int
vmctl_migrate (int vm, struct vmctl_migration *mig, char *why,
               size_t why_size)
{
  if (why_size > 0)
    why[0] = '\0';
  if (vmctl_ops == NULL)
    return VMCTL_ENOHV;
  if (vmctl_ops->migrate == NULL)
    {
      /* An hv built before live migration: it registers no MIGRATE. */
      snprintf (why, why_size, "this hv has no live migration");
      return VMCTL_ESTATE;
    }
  return vmctl_ops->migrate (vm, mig, why, why_size);
}

/* Returns STATE's name, as "vmctl list" shows it. */
const char *
vmctl_state_name (enum vmctl_state state)
{
  switch (state)
    {
    case VMCTL_STATE_CREATED: return "created";
    case VMCTL_STATE_RUNNING: return "running";
    case VMCTL_STATE_PAUSED: return "paused";
    case VMCTL_STATE_ENDED: return "ended";
    default: return "?";
    }
}

/* Returns the name of STOP, why pre-copy stopped, as migration reports
   print it (the hv's and the tests'). */
const char *
vmctl_mig_stop_name (enum vmctl_mig_stop stop)
{
  switch (stop)
    {
    case VMCTL_MIG_CONVERGED: return "converged";
    case VMCTL_MIG_STALLED: return "stalled";
    case VMCTL_MIG_ROUNDS: return "round limit";
    case VMCTL_MIG_SENT: return "sent limit";
    default: return "?";
    }
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

/* Reads FILE from the scratch archive as a multiboot kernel's command
   line: a new string from malloc in *CMDLINE, without the final new
   line if there is one.  Returns VMCTL_OK or, having printed why,
   VMCTL_ENOENT or VMCTL_EINVAL.  May sleep. */
int
vmctl_load_cmdline (const char *file, char **cmdline)
{
  void *data;
  size_t size;
  const char *error = scratch_read_file (file, VMCTL_CMDLINE_MAX, &data,
                                         &size);
  if (error != NULL)
    {
      printf ("vmctl: cannot read command line '%s': %s\n", file, error);
      return VMCTL_ENOENT;
    }
  char *s = malloc (size + 1);
  if (s == NULL)
    {
      free (data);
      return VMCTL_ENOMEM;
    }
  memcpy (s, data, size);
  free (data);
  while (size > 0 && (s[size - 1] == '\n' || s[size - 1] == '\r'))
    size--;
  s[size] = '\0';
  if (strlen (s) != size)
    {
      printf ("vmctl: command line '%s' holds a null byte\n", file);
      free (s);
      return VMCTL_EINVAL;
    }
  *cmdline = s;
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
    case VMCTL_ECORRUPT: return "snapshot damaged or cut short";
    case VMCTL_EPERM: return "not your VM";
    case VMCTL_EIO: return "could not write the snapshot";
    case VMCTL_ENOTPAUSED: return "the VM is not paused (pause it first)";
    case VMCTL_EPAUSED: return "the VM is paused already";
    case VMCTL_ESTATE: return "not possible for this VM now";
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

/* Parses S, a decimal number of at most nine digits, into *VALUE.
   Returns false if S is anything else or outside MIN...MAX. */
static bool
vmctl_parse_number (const char *s, int64_t min, int64_t max, int64_t *value)
{
  size_t len = strlen (s);
  if (len == 0 || len > 9 || strspn (s, "0123456789") != len)
    return false;
  *value = atoi (s);
  return *value >= min && *value <= max;
}

/* The "+NAME=VALUE" options a "vmrun" guest name may carry, with the
   range of each and where it goes in a struct vmctl_spec. */
enum vmctl_opt_field { OPT_BUDGET, OPT_VCPUS, OPT_WEIGHT, OPT_CAP, OPT_RAM,
                       OPT_RESTARTS, OPT_TDF };
static const struct vmctl_opt
  {
    const char *name;           /* Up to and including '='. */
    int64_t min, max;           /* Allowed values. */
    enum vmctl_opt_field field; /* Where the value goes. */
    const char *meaning;        /* For the list of options. */
  }
vmctl_opts[] =
  {
    { "budget=", 1, 999999999, OPT_BUDGET, "CPU ticks before it is killed" },
    { "vcpus=", 1, VMCTL_VCPUS_MAX, OPT_VCPUS, "VCPUs" },
    { "weight=", VMCTL_WEIGHT_MIN, VMCTL_WEIGHT_MAX, OPT_WEIGHT,
      "CPU share weight" },
    { "cap=", 0, 100 * VMCTL_VCPUS_MAX, OPT_CAP,
      "most CPU in percent of one CPU, 0 = none" },
    { "ram=", 1, VMCTL_RAM_MAX_MB, OPT_RAM, "guest RAM in MiB" },
    { "restarts=", 0, 100, OPT_RESTARTS,
      "times a reset restarts it rather than ends it" },
    { "tdf=", 1, VMCTL_TDF_MAX, OPT_TDF,
      "time dilation: its clocks run N times slower" },
  };
#define VMCTL_OPT_CNT (sizeof vmctl_opts / sizeof *vmctl_opts)

/* The one option without a value: print a line per exit. */
#define VMCTL_OPT_TRACE "trace"

/* The options that give a VM its IDE disks: "diskN=FILE", N from 0 to
   VMCTL_DISK_MAX - 1, FILE a file of the scratch archive. */
#define VMCTL_OPT_DISK "disk"

/* Sets the option of SPEC that OPT, "NAME=VALUE", names.  Returns false
   if OPT is not a known option with a value in its range. */
static bool
vmctl_set_option (const char *opt, struct vmctl_spec *spec)
{
  for (size_t i = 0; i < VMCTL_OPT_CNT; i++)
    {
      const struct vmctl_opt *o = &vmctl_opts[i];
      size_t len = strlen (o->name);
      int64_t value;
      if (strncmp (opt, o->name, len)
          || !vmctl_parse_number (opt + len, o->min, o->max, &value))
        continue;
      switch (o->field)
        {
        case OPT_BUDGET: spec->budget = value; break;
        case OPT_VCPUS: spec->vcpus = value; break;
        case OPT_WEIGHT: spec->weight = value; break;
        case OPT_CAP: spec->cap = value; break;
        case OPT_RAM: spec->ram_size = value << 20; break;
        case OPT_RESTARTS: spec->restarts = value; break;
        case OPT_TDF: spec->tdf = value; break;
        }
      return true;
    }
  return false;
}

/* Sets the disk of SPEC that OPT, "diskN=FILE", names to FILE, which
   stays in OPT's string.  Returns false if OPT is no such option or
   names no file. */
static bool
vmctl_set_disk (const char *opt, struct vmctl_spec *spec)
{
  size_t len = strlen (VMCTL_OPT_DISK);
  char digit = opt[len];

  if (strncmp (opt, VMCTL_OPT_DISK, len) || digit < '0'
      || digit >= '0' + VMCTL_DISK_MAX || opt[len + 1] != '='
      || opt[len + 2] == '\0')
    return false;
  spec->disk[digit - '0'] = opt + len + 2;
  return true;
}

/* Prints the options "vmrun" knows, after a bad one. */
static void
vmctl_print_options (void)
{
  printf ("vmctl: options: +%s", VMCTL_OPT_TRACE);
  for (size_t i = 0; i < VMCTL_OPT_CNT; i++)
    printf (", +%s%lld..%lld (%s)", vmctl_opts[i].name,
            (long long) vmctl_opts[i].min, (long long) vmctl_opts[i].max,
            vmctl_opts[i].meaning);
  printf (", +%s0..%d=FILE (an IDE disk in FILE of the scratch archive)",
          VMCTL_OPT_DISK, VMCTL_DISK_MAX - 1);
  printf (", +%snpt or +%sshadow (nested or shadow paging)",
          VMCTL_OPT_PAGING, VMCTL_OPT_PAGING);
  printf ("\n");
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
      if (!strcmp (opt, VMCTL_OPT_TRACE))
        spec->trace = true;
      else if (!strncmp (opt, VMCTL_OPT_CMDLINE, strlen (VMCTL_OPT_CMDLINE))
               && opt[strlen (VMCTL_OPT_CMDLINE)] != '\0')
        spec->cmdline = opt + strlen (VMCTL_OPT_CMDLINE);
      else if (!strncmp (opt, VMCTL_OPT_PAGING, strlen (VMCTL_OPT_PAGING))
               && vmctl_parse_paging (opt + strlen (VMCTL_OPT_PAGING),
                                      &spec->paging))
        continue;
      else if (!vmctl_set_disk (opt, spec) && !vmctl_set_option (opt, spec))
        {
          printf ("vmctl: unknown option or value out of range: '+%s' "
                  "for '%s'\n", opt, guest);
          vmctl_print_options ();
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
  spec.vcpus = options.vcpus;
  spec.weight = options.weight;
  spec.cap = options.cap;
  memcpy (spec.disk, options.disk, sizeof spec.disk);
  spec.ram_size = options.ram_size;
  spec.restarts = options.restarts;
  spec.paging = options.paging;
  spec.tdf = options.tdf;
  char *cmdline = NULL;
  if (options.cmdline != NULL)
    {
      status = vmctl_load_cmdline (options.cmdline, &cmdline);
      if (status != VMCTL_OK)
        {
          free (image);
          return status;
        }
      spec.cmdline = cmdline;
    }
  status = vmctl_create (&spec);
  free (image);
  free (cmdline);
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
   may run for ever), NAME+vcpus=N gives it N VCPUs, NAME+weight=W and
   NAME+cap=PERCENT set its share of the CPU (hv/vsched.c), and
   NAME+disk0=FILE and NAME+disk1=FILE give it IDE disks, the primary
   master and slave (hda and hdb to a Ringlet guest), that live in FILE
   of the scratch archive: the guest reads and writes the file itself,
   in place (hv/vdev/ide.c).  For a multiboot kernel (an unmodified
   operating system, hv/multiboot.c), NAME+cmdline=FILE gives its
   command line, the contents of FILE in the scratch archive;
   NAME+ram=MB sets any VM's RAM; NAME+restarts=N lets a reset request
   restart the VM N times before one ends it; NAME+paging=shadow runs
   it under shadow page tables instead of nested paging (hv/shadow.c),
   and NAME+paging=npt under nested paging whatever the kernel's
   -hv-paging option says.  NAME+tdf=N dilates its time: its
   clocks (timers, TSC, RTC) run N times slower than the host's
   (docs/hv.md, section 12).  A failure sets a failing power-off
   status. */
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
