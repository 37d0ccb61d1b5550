/* vmctl: manages virtual machines from the shell, one subcommand per
   run, through the vmctl system call (lib/vmctl-abi.h).  Load the
   hypervisor first: "insmod hv.ko".  Exits 0 on success, 1 if the
   kernel refused, 2 on a bad command line (after the usage). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>
#include <vmctl-abi.h>

/* Exit statuses. */
#define VMCTL_REFUSED 1
#define VMCTL_USAGE 2

/* Most VMs "list" shows. */
#define VMCTL_LIST_MAX 32

/* Prints how to use vmctl and exits with VMCTL_USAGE. */
static void
usage (void)
{
  printf ("usage: vmctl list\n"
          "       vmctl run IMAGE [ram=MB] [vcpus=N] [weight=N] [cap=PERCENT]"
          " [paging=npt|shadow] [tdf=N]\n"
          "       vmctl pause|resume|kill|stats|clone ID\n"
          "       vmctl migrate ID [-v]      (-v: the kernel prints each round)\n"
          "       vmctl set ID [weight=N] [cap=PERCENT]\n"
          "       vmctl snapshot ID FILE\n"
          "       vmctl restore FILE [NAME]\n"
          "Who may act on a VM: the program that started it and that\n"
          "program's ancestors; the shell and the programs it runs (such as\n"
          "vmctl) on every VM.  Others are told \"not your VM\".\n");
  exit (VMCTL_USAGE);
}

/* Returns a short explanation of STATUS. */
static const char *
vmctl_strerror (int status)
{
  switch (status)
    {
    case VMC_ENOHV: return "no hypervisor loaded (insmod hv.ko first)";
    case VMC_ENOMEM: return "out of memory";
    case VMC_EINVAL: return "invalid argument or guest image";
    case VMC_ENOVM: return "no such VM";
    case VMC_EBUSY: return "too many VMs, or the VM is busy";
    case VMC_ENOENT: return "no such file";
    case VMC_ECORRUPT: return "snapshot damaged or cut short";
    case VMC_EPERM: return "not your VM";
    case VMC_EIO: return "could not write the snapshot";
    case VMC_ENOTPAUSED: return "the VM is not paused (pause it first)";
    case VMC_EPAUSED: return "the VM is paused already";
    case VMC_ESTATE: return "not possible for this VM now";
    case VMC_EOP: return "no such operation";
    case VMC_EFILE: return "cannot create the file (it exists, or no room)";
    default: return "unknown error";
    }
}

/* Reports that WHAT failed with STATUS (and WHY, if not empty), and
   exits with VMCTL_REFUSED. */
static void
refused (const char *what, int status, const char *why)
{
  printf ("vmctl: %s: %s%s%s\n", what, vmctl_strerror (status),
          why != NULL && why[0] != '\0' ? ": " : "", why != NULL ? why : "");
  exit (VMCTL_REFUSED);
}

/* Parses S, a decimal number from 0 to MAX, into *VALUE.  Returns
   false if it is anything else. */
static bool
parse_number (const char *s, unsigned max, unsigned *value)
{
  size_t len = strlen (s);
  if (len == 0 || len > 9 || strspn (s, "0123456789") != len)
    return false;
  *value = atoi (s);
  return *value <= max;
}

/* Parses S as a VM number, or exits with the usage. */
static int
parse_id (const char *s)
{
  unsigned id;
  if (!parse_number (s, 999999, &id))
    {
      printf ("vmctl: '%s' is not a VM number\n", s);
      usage ();
    }
  return id;
}

/* Parses OPT, "NAME=VALUE", if its NAME is NAME: stores VALUE (0 to
   MAX) in *VALUE and returns true.  Returns false if OPT has another
   name; exits with the usage if its value is bad. */
static bool
parse_option (const char *opt, const char *name, unsigned max,
              unsigned *value)
{
  size_t len = strlen (name);
  if (strncmp (opt, name, len) || opt[len] != '=')
    return false;
  if (!parse_number (opt + len + 1, max, value))
    {
      printf ("vmctl: %s takes a number from 0 to %u\n", name, max);
      usage ();
    }
  return true;
}

/* Prints an unknown option OPT and exits with the usage. */
static void
bad_option (const char *opt)
{
  printf ("vmctl: unknown option '%s'\n", opt);
  usage ();
}

static const char *const state_names[] =
  { "created", "running", "paused", "ended" };

/* Returns the name of STATE. */
static const char *
state_name (int state)
{
  return state >= 0 && state <= VMC_ENDED ? state_names[state] : "?";
}

/* vmctl list. */
static void
cmd_list (void)
{
  struct vmc_info vms[VMCTL_LIST_MAX];
  struct vmc_list list = { vms, VMCTL_LIST_MAX };
  int cnt = vmctl (VMC_LIST, &list);
  if (cnt < 0)
    refused ("list", cnt, NULL);
  printf ("%3s %-16s %-8s %5s %6s %4s %9s %9s %7s %-6s %3s %5s\n",
          "ID", "NAME", "STATE", "VCPUS", "WEIGHT", "CAP", "CPU(ms)",
          "EXITS", "RAM(K)", "PAGING", "TDF", "OWNER");
  for (int i = 0; i < cnt && i < VMCTL_LIST_MAX; i++)
    {
      const struct vmc_info *v = &vms[i];
      printf ("%3d %-16s %-8s %5u %6u %4u %9llu %9llu %7u %-6s %3u %5d\n",
              (int) v->id, v->name, state_name (v->state),
              (unsigned) v->vcpus, (unsigned) v->weight, (unsigned) v->cap,
              (unsigned long long) (v->run_us / 1000),
              (unsigned long long) v->exits, (unsigned) v->ram_kb,
              v->shadow ? "shadow" : "npt", (unsigned) v->tdf,
              (int) v->owner);
    }
  if (cnt > VMCTL_LIST_MAX)
    printf ("(and %d more)\n", cnt - VMCTL_LIST_MAX);
}

/* vmctl run IMAGE [OPTION...]. */
static void
cmd_run (int argc, char *argv[])
{
  struct vmc_run run;

  if (argc < 1)
    usage ();
  memset (&run, 0, sizeof run);
  run.image = argv[0];
  for (int i = 1; i < argc; i++)
    {
      const char *opt = argv[i];
      if (parse_option (opt, "ram", VMC_RAM_MAX_MB, &run.ram_mb)
          || parse_option (opt, "vcpus", VMC_VCPUS_MAX, &run.vcpus)
          || parse_option (opt, "weight", VMC_WEIGHT_MAX, &run.weight)
          || parse_option (opt, "cap", 100 * VMC_VCPUS_MAX, &run.cap)
          || parse_option (opt, "tdf", VMC_TDF_MAX, &run.tdf))
        continue;
      if (!strcmp (opt, "paging=npt"))
        run.paging = VMC_PAGING_NPT;
      else if (!strcmp (opt, "paging=shadow"))
        run.paging = VMC_PAGING_SHADOW;
      else
        bad_option (opt);
    }
  int vm = vmctl (VMC_RUN, &run);
  if (vm < 0)
    refused (run.image, vm, NULL);
  printf ("vmctl: %s runs as VM %d\n", run.image, vm);
}

/* vmctl pause|resume|kill ID: OP on the VM, saying DONE after it. */
static void
cmd_simple (int op, const char *id_arg, const char *done)
{
  int32_t id = parse_id (id_arg);
  int status = vmctl (op, &id);
  if (status < 0)
    refused (id_arg, status, NULL);
  printf ("vmctl: VM %d %s\n", (int) id, done);
}

/* Prints scheduling figures S, labelled WHAT. */
static void
print_sched (const char *what, const struct vmc_sched *s)
{
  printf ("  %-6s run %llu us, waited %llu us, %u wake-ups, worst "
          "latency %u us\n", what, (unsigned long long) s->run_us,
          (unsigned long long) s->wait_us, (unsigned) s->wakeups,
          (unsigned) s->worst_latency_us);
}

/* vmctl stats ID. */
static void
cmd_stats (const char *id_arg)
{
  struct vmc_stats s;
  s.id = parse_id (id_arg);
  int status = vmctl (VMC_STATS, &s);
  if (status < 0)
    refused (id_arg, status, NULL);
  printf ("VM %d '%s': %s, %u VCPU(s), weight %u, cap %u%%, %llu exits, "
          "RAM %u KiB (%u KiB resident), %s paging, tdf %u\n",
          (int) s.id, s.info.name, state_name (s.info.state),
          (unsigned) s.info.vcpus, (unsigned) s.info.weight,
          (unsigned) s.info.cap, (unsigned long long) s.info.exits,
          (unsigned) s.info.ram_kb, (unsigned) s.info.resident_kb,
          s.info.shadow ? "shadow" : "nested", (unsigned) s.info.tdf);
  print_sched ("VM", &s.vm);
  for (unsigned i = 0; i < s.info.vcpus && i < VMC_VCPUS_MAX; i++)
    {
      char label[16];
      snprintf (label, sizeof label, "VCPU%u", i);
      print_sched (label, &s.vcpu[i]);
    }
}

/* vmctl set ID [weight=N] [cap=PERCENT]. */
static void
cmd_set (int argc, char *argv[])
{
  struct vmc_set set = { 0, -1, -1 };
  unsigned value;

  if (argc < 2)
    usage ();
  set.id = parse_id (argv[0]);
  for (int i = 1; i < argc; i++)
    {
      if (parse_option (argv[i], "weight", VMC_WEIGHT_MAX, &value))
        set.weight = value;
      else if (parse_option (argv[i], "cap", 100 * VMC_VCPUS_MAX, &value))
        set.cap = value;
      else
        bad_option (argv[i]);
    }
  int status = vmctl (VMC_SET, &set);
  if (status < 0)
    refused (argv[0], status, NULL);
  printf ("vmctl: VM %d set\n", (int) set.id);
}

/* vmctl snapshot ID FILE. */
static void
cmd_snapshot (const char *id_arg, const char *file)
{
  struct vmc_snapshot snap = { parse_id (id_arg), file };
  int status = vmctl (VMC_SNAPSHOT, &snap);
  if (status < 0)
    refused (status == VMC_EFILE ? file : id_arg, status, NULL);
  printf ("vmctl: VM %d saved in %s\n", (int) snap.id, file);
}

/* vmctl restore FILE [NAME]. */
static void
cmd_restore (const char *file, const char *name)
{
  struct vmc_restore restore;
  memset (&restore, 0, sizeof restore);
  restore.file = file;
  restore.name = name;
  int vm = vmctl (VMC_RESTORE, &restore);
  if (vm < 0)
    refused (file, vm, restore.why);
  printf ("vmctl: %s restored as VM %d (paused: resume it)\n", file, vm);
}

/* vmctl clone ID. */
static void
cmd_clone (const char *id_arg)
{
  struct vmc_clone clone = { parse_id (id_arg), NULL };
  int vm = vmctl (VMC_CLONE, &clone);
  if (vm < 0)
    refused (id_arg, vm, NULL);
  printf ("vmctl: VM %d cloned as VM %d (resume it)\n", (int) clone.id, vm);
}

/* Why pre-copy stopped, in the words of the kernel's messages
   (vmctl_mig_stop_name). */
static const char *const stop_names[] =
  { "converged", "stalled", "round limit", "sent limit" };

/* vmctl migrate ID [-v]. */
static void
cmd_migrate (const char *id_arg, bool verbose)
{
  struct vmc_migrate mig;
  memset (&mig, 0, sizeof mig);
  mig.id = parse_id (id_arg);
  mig.verbose = verbose;
  int vm = vmctl (VMC_MIGRATE, &mig);
  if (vm < 0)
    refused (id_arg, vm, mig.why);
  printf ("vmctl: VM %d migrated to VM %d\n", (int) mig.id, vm);
  printf ("  rounds: %u; pages per round:", (unsigned) mig.rounds);
  for (unsigned i = 0; i < mig.rounds && i < VMC_MIG_ROUNDS_MAX; i++)
    printf (" %u", (unsigned) mig.round_pages[i]);
  printf ("\n  stop-and-copy: %u pages; pages sent: %llu of %u\n",
          (unsigned) mig.final_pages, (unsigned long long) mig.pages_sent,
          (unsigned) mig.guest_pages);
  printf ("  downtime: %llu us; total time: %llu us; stopped because: %s\n",
          (unsigned long long) mig.downtime_us,
          (unsigned long long) mig.total_us,
          mig.stop >= 0 && mig.stop <= VMC_MIG_SENT ? stop_names[mig.stop]
                                                   : "?");
}

int
main (int argc, char *argv[])
{
  if (argc < 2)
    usage ();
  const char *cmd = argv[1];
  int n = argc - 2;
  char **args = argv + 2;

  if (!strcmp (cmd, "list") && n == 0)
    cmd_list ();
  else if (!strcmp (cmd, "run"))
    cmd_run (n, args);
  else if (!strcmp (cmd, "pause") && n == 1)
    cmd_simple (VMC_PAUSE, args[0], "paused");
  else if (!strcmp (cmd, "resume") && n == 1)
    cmd_simple (VMC_RESUME, args[0], "running");
  else if (!strcmp (cmd, "kill") && n == 1)
    cmd_simple (VMC_KILL, args[0], "killed");
  else if (!strcmp (cmd, "stats") && n == 1)
    cmd_stats (args[0]);
  else if (!strcmp (cmd, "set"))
    cmd_set (n, args);
  else if (!strcmp (cmd, "snapshot") && n == 2)
    cmd_snapshot (args[0], args[1]);
  else if (!strcmp (cmd, "restore") && (n == 1 || n == 2))
    cmd_restore (args[0], n == 2 ? args[1] : NULL);
  else if (!strcmp (cmd, "clone") && n == 1)
    cmd_clone (args[0]);
  else if (!strcmp (cmd, "migrate") && n == 1)
    cmd_migrate (args[0], false);
  else if (!strcmp (cmd, "migrate") && n == 2 && !strcmp (args[1], "-v"))
    cmd_migrate (args[0], true);
  else
    {
      printf ("vmctl: unknown command or wrong arguments: '%s'\n", cmd);
      usage ();
    }
  return EXIT_SUCCESS;
}
