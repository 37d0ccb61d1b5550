/* The system calls of VM control, in kernels built with
   -DVMCTL_SYSCALLS (the full build):

     insmod (FILE)     32: loads the kernel module in file FILE of the
                       file system; true if it started.
     rmmod (NAME)      33: unloads module NAME; true if it did.  The hv
                       ("rmmod hv") is refused while VMs that user
                       programs started exist: kill them first.
     vmctl (OP, ARG)   34: one VM operation, OP of enum vmc_op, on the
                       argument block ARG (lib/vmctl-abi.h).

   Who may act on a VM: a process may pause, resume, kill, set,
   snapshot, clone and migrate a VM that it or one of its descendants
   started (by run, restore, clone or migrate).  The first process
   (the one the kernel ran, e.g. the shell) and the programs it runs
   directly (the shell's commands, such as vmctl) may act on every
   VM.  Any other process gets VMC_EPERM, "not your VM".  LIST and STATS only
   read and show every VM.  A VM runs on when the process that started
   it exits, still owned as recorded (userprog/vmown.c).

   Each vmctl op copies its block in, then holds vmown_lock while it
   checks ownership and calls the VM-control interface
   (threads/vmctl.h), then copies its results out: a bad user pointer
   kills the caller before it takes anything or after it gave all
   back.  This layer reaches the hv only through threads/vmctl.h. */

#include "userprog/vmsys.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <syscall-nr.h>
#include <vmctl-abi.h>
#include "filesys/modfile.h"
#include "threads/malloc.h"
#include "threads/module.h"
#include "threads/modutil.h"
#include "threads/palloc.h"
#include "threads/vmctl.h"
#include "userprog/syscall.h"
#include "userprog/uaccess.h"
#include "userprog/vmfile.h"
#include "userprog/vmown.h"

/* The ABI's statuses are the kernel's, passed through unchanged. */
/* True if status A of the ABI is status B of the kernel. */
#define VMSYS_SAME(A, B) ((int) (A) == (int) (B))
_Static_assert (VMSYS_SAME (VMC_ENOHV, VMCTL_ENOHV)
                && VMSYS_SAME (VMC_ENOMEM, VMCTL_ENOMEM)
                && VMSYS_SAME (VMC_EINVAL, VMCTL_EINVAL)
                && VMSYS_SAME (VMC_ENOVM, VMCTL_ENOVM)
                && VMSYS_SAME (VMC_EBUSY, VMCTL_EBUSY)
                && VMSYS_SAME (VMC_ENOENT, VMCTL_ENOENT)
                && VMSYS_SAME (VMC_ECORRUPT, VMCTL_ECORRUPT)
                && VMSYS_SAME (VMC_EPERM, VMCTL_EPERM)
                && VMSYS_SAME (VMC_EIO, VMCTL_EIO)
                && VMSYS_SAME (VMC_ENOTPAUSED, VMCTL_ENOTPAUSED)
                && VMSYS_SAME (VMC_EPAUSED, VMCTL_EPAUSED)
                && VMSYS_SAME (VMC_ESTATE, VMCTL_ESTATE)
                && VMSYS_SAME (VMC_CREATED, VMCTL_STATE_CREATED)
                && VMSYS_SAME (VMC_ENDED, VMCTL_STATE_ENDED)
                && VMSYS_SAME (VMC_PAGING_SHADOW, VMCTL_PAGING_SHADOW)
                && VMSYS_SAME (VMC_MIG_SENT, VMCTL_MIG_SENT),
                "lib/vmctl-abi.h and threads/vmctl.h disagree on values");
_Static_assert (VMC_WHY_MAX == VMCTL_WHY_MAX
                && VMC_NAME_MAX == VMCTL_NAME_MAX
                && VMC_VCPUS_MAX == VMCTL_VCPUS_MAX
                && VMC_MIG_ROUNDS_MAX == VMCTL_MIG_ROUNDS_MAX
                && VMC_RAM_MAX_MB == VMCTL_RAM_MAX_MB
                && VMC_WEIGHT_MAX == VMCTL_WEIGHT_MAX
                && VMC_TDF_MAX == VMCTL_TDF_MAX,
                "lib/vmctl-abi.h and threads/vmctl.h disagree on limits");

/* The module whose unloading must wait until no user VM is left. */
#define VMSYS_HV_MODULE "hv"

/* ---- Moving arguments ---- */

/* Copies the SIZE bytes at user address UARG into DST, or kills the
   process if they are not all readable. */
static void
vmsys_copy_in (void *dst, const void *uarg, size_t size)
{
  if (!uaccess_read (dst, uarg, size))
    syscall_kill_bad_buffer (uarg, size);
}

/* Copies SIZE bytes from SRC to user address UDST, or kills the
   process if they cannot all be written.  The caller holds nothing. */
static void
vmsys_copy_out (void *udst, const void *src, size_t size)
{
  if (!uaccess_write (udst, src, size))
    syscall_kill_bad_buffer (udst, size);
}

/* Copies the string at user address USTR into DST, SIZE bytes.
   Returns false if it does not fit (or memory is short).  Kills the
   process if USTR is bad, so the caller holds nothing yet. */
static bool
vmsys_copy_string (char *dst, const char *ustr, size_t size)
{
  char *page = syscall_copy_in_string (ustr);
  if (page == NULL)
    return false;
  bool fits = strlcpy (dst, page, size) < size;
  palloc_free_page (page);
  return fits;
}

/* Copies the VM number at user address UARG. */
static int
vmsys_copy_id (const void *uarg)
{
  int32_t vm;
  vmsys_copy_in (&vm, uarg, sizeof vm);
  return vm;
}

/* ---- insmod and rmmod ---- */

/* insmod (FILE): loads module FILE from the file system. */
static uint32_t
vmsys_insmod (const uint32_t args[])
{
  char file[VMC_FILE_MAX + 1];
  void *data;
  size_t size;

  if (!vmsys_copy_string (file, (const char *) args[0], sizeof file))
    return false;
  const char *error = modfile_read (file, MODUTIL_FILE_MAX, &data, &size);
  if (error == NULL && data == NULL)
    error = "no such file";
  if (error != NULL)
    return module_refuse (file, "%s", error);
  bool ok = module_load (file, data, size) != NULL;
  free (data);
  return ok;
}

/* rmmod (NAME): unloads module NAME.  The hv must not go while a
   reaper thread may be inside it, waiting for a VM. */
static uint32_t
vmsys_rmmod (const uint32_t args[])
{
  char name[MODULE_NAME_MAX + 1];
  bool ok = false;

  if (!vmsys_copy_string (name, (const char *) args[0], sizeof name))
    return false;
  vmown_lock ();
  int vms = vmown_count ();
  if (!strcmp (name, VMSYS_HV_MODULE) && vms > 0)
    printf ("rmmod: %s: %d VM(s) that user programs started still "
            "exist: kill them first\n", name, vms);
  else
    ok = module_unload (name);
  vmown_unlock ();
  return ok;
}

/* ---- vmctl: helpers ---- */

/* Fills OUT, as the ABI shows a VM, from IN.  The caller holds
   vmown_lock. */
static void
vmsys_info (struct vmc_info *out, const struct vmctl_info *in)
{
  memset (out, 0, sizeof *out);
  out->id = in->id;
  strlcpy (out->name, in->name, sizeof out->name);
  out->state = in->state;
  out->vcpus = in->vcpus;
  out->weight = in->weight;
  out->cap = in->cap;
  out->run_us = in->run_us;
  out->exits = in->exits;
  out->ram_kb = in->ram_kb;
  out->resident_kb = in->resident_kb;
  out->tdf = in->tdf;
  out->shadow = in->shadow;
  out->owner = vmown_owner_pid (in->id);
}

/* Ends VM, just made by a user program's call that then failed,
   whether or not it started, and drops its record.  The caller holds
   vmown_lock. */
static void
vmsys_undo (int vm)
{
  vmctl_kill (vm);
  vmctl_wait (vm, NULL);
  vmown_forget (vm);
}

/* Records VM, just made (not started) by the running process, as its
   own.  Returns VM, or a status after ending it.  The caller holds
   vmown_lock. */
static int
vmsys_adopt (int vm)
{
  if (vm < 0)
    return vm;
  int status = vmown_add (vm);
  if (status != VMCTL_OK)
    {
      vmsys_undo (vm);
      return status;
    }
  return vm;
}

/* Starts recorded VM with START (vmctl_start or vmctl_resume) and its
   reaper.  Returns VMCTL_OK, or a status after ending VM if the
   reaper could not start.  The caller holds vmown_lock. */
static int
vmsys_start (int vm, int (*start) (int vm))
{
  int status = start (vm);
  if (status == VMCTL_OK)
    {
      status = vmown_started (vm);
      if (status != VMCTL_OK)
        vmsys_undo (vm);
    }
  return status;
}

/* Takes vmown_lock and checks that the running process may act on
   VM.  Returns VMCTL_OK with the lock held, or the refusal with it
   released. */
static int
vmsys_claim (int vm)
{
  vmown_lock ();
  int status = vmown_check (vm);
  if (status != VMCTL_OK)
    vmown_unlock ();
  return status;
}

/* Runs OP on VM if the running process may act on it, with vmown_lock
   held.  Returns what OP returned, or the refusal. */
static int
vmsys_checked (int vm, int (*op) (int vm))
{
  int status = vmsys_claim (vm);
  if (status == VMCTL_OK)
    {
      status = op (vm);
      vmown_unlock ();
    }
  return status;
}

/* ---- vmctl: the operations ---- */

/* LIST (struct vmc_list). */
static int
vmsys_list (void *uarg)
{
  struct vmc_list l;
  struct vmctl_info *vms;
  struct vmc_info *out = NULL;
  size_t n = 0;

  vmsys_copy_in (&l, uarg, sizeof l);
  vmown_lock ();
  int cnt = vmown_list (&vms);
  if (cnt > 0 && l.max > 0)
    {
      n = (uint32_t) cnt < l.max ? (size_t) cnt : l.max;
      out = malloc (n * sizeof *out);
      if (out == NULL)
        cnt = VMCTL_ENOMEM;
      for (size_t i = 0; out != NULL && i < n; i++)
        vmsys_info (&out[i], &vms[i]);
    }
  vmown_unlock ();
  free (vms);
  bool ok = out == NULL || uaccess_write (l.vms, out, n * sizeof *out);
  free (out);
  if (!ok)
    syscall_kill_bad_buffer (l.vms, n * sizeof *out);
  return cnt;
}

/* Returns true if the options of R are all in range. */
static bool
vmsys_run_options_ok (const struct vmc_run *r)
{
  unsigned vcpus = r->vcpus != 0 ? r->vcpus : 1;
  return r->ram_mb <= VMC_RAM_MAX_MB && r->vcpus <= VMC_VCPUS_MAX
         && r->weight <= VMC_WEIGHT_MAX && r->cap <= 100 * vcpus
         && r->tdf <= VMC_TDF_MAX && r->paging >= VMC_PAGING_DEFAULT
         && r->paging <= VMC_PAGING_SHADOW;
}

/* RUN (struct vmc_run). */
static int
vmsys_run (void *uarg)
{
  struct vmc_run r;
  char file[VMC_FILE_MAX + 1];
  struct vmctl_spec spec;
  void *image;
  size_t size;

  vmsys_copy_in (&r, uarg, sizeof r);
  if (!vmsys_copy_string (file, r.image, sizeof file)
      || !vmsys_run_options_ok (&r))
    return VMCTL_EINVAL;
  int status = vmfile_read_image (file, &image, &size);
  if (status != VMCTL_OK)
    return status;
  memset (&spec, 0, sizeof spec);
  spec.name = file;
  spec.image = image;
  spec.image_size = size;
  spec.ram_size = r.ram_mb << 20;
  spec.vcpus = r.vcpus;
  spec.weight = r.weight;
  spec.cap = r.cap;
  spec.paging = r.paging;
  spec.tdf = r.tdf;

  vmown_lock ();
  int vm = vmsys_adopt (vmctl_create (&spec));
  if (vm >= 0)
    {
      status = vmsys_start (vm, vmctl_start);
      if (status != VMCTL_OK)
        vm = status;
    }
  vmown_unlock ();
  free (image);
  return vm;
}

/* RESUME's work: runs paused VM again, or starts it (and its reaper)
   if it never ran. */
static int
vmsys_resume_vm (int vm)
{
  return vmown_is_started (vm) ? vmctl_resume (vm)
                               : vmsys_start (vm, vmctl_resume);
}

/* KILL's work: a VM that never started is destroyed at once; a
   started one is asked to stop, and the call returns once its reaper
   has reaped it, so its pages are back when KILL returns. */
static int
vmsys_kill_vm (int vm)
{
  if (!vmown_is_started (vm))
    {
      int status = vmctl_wait (vm, NULL);
      vmown_forget (vm);
      return status;
    }
  int status = vmctl_kill (vm);
  if (status == VMCTL_OK)
    vmown_wait_gone (vm);
  return status;
}

/* PAUSE, RESUME, KILL (the VM's number). */
static int
vmsys_pause (void *uarg)
{
  return vmsys_checked (vmsys_copy_id (uarg), vmctl_pause);
}

static int
vmsys_resume (void *uarg)
{
  return vmsys_checked (vmsys_copy_id (uarg), vmsys_resume_vm);
}

static int
vmsys_kill (void *uarg)
{
  return vmsys_checked (vmsys_copy_id (uarg), vmsys_kill_vm);
}

/* Copies scheduling figures IN into OUT. */
static void
vmsys_sched (struct vmc_sched *out, const struct vmctl_sched_stat *in)
{
  out->run_us = in->run_us;
  out->wait_us = in->wait_us;
  out->wakeups = in->wakeups;
  out->worst_latency_us = in->worst_latency_us;
}

/* STATS (struct vmc_stats). */
static int
vmsys_stats (void *uarg)
{
  struct vmc_stats s;
  struct vmctl_sched sched;
  struct vmctl_info *vms = NULL;

  vmsys_copy_in (&s.id, uarg, sizeof s.id);
  vmown_lock ();
  int status = vmctl_sched (s.id, &sched);
  int cnt = status == VMCTL_OK ? vmown_list (&vms) : 0;
  if (cnt < 0)
    status = cnt;
  memset (&s.info, 0, sizeof s.info);
  for (int i = 0; i < cnt; i++)
    if (vms[i].id == s.id)
      vmsys_info (&s.info, &vms[i]);
  vmown_unlock ();
  free (vms);
  if (status != VMCTL_OK)
    return status;

  vmsys_sched (&s.vm, &sched.vm);
  memset (s.vcpu, 0, sizeof s.vcpu);
  for (unsigned i = 0; i < sched.vcpu_cnt && i < VMC_VCPUS_MAX; i++)
    vmsys_sched (&s.vcpu[i], &sched.vcpu[i]);
  vmsys_copy_out (uarg, &s, sizeof s);
  return VMCTL_OK;
}

/* SET (struct vmc_set). */
static int
vmsys_set (void *uarg)
{
  struct vmc_set s;

  vmsys_copy_in (&s, uarg, sizeof s);
  if ((s.weight != -1 && (s.weight < 1 || s.weight > VMC_WEIGHT_MAX))
      || (s.cap != -1 && (s.cap < 0 || s.cap > 100 * VMC_VCPUS_MAX)))
    return VMCTL_EINVAL;
  int status = vmsys_claim (s.id);
  if (status != VMCTL_OK)
    return status;
  status = vmctl_set_sched (s.id, s.weight, s.cap);
  vmown_unlock ();
  return status;
}

/* SNAPSHOT (struct vmc_snapshot). */
static int
vmsys_snapshot (void *uarg)
{
  struct vmc_snapshot s;
  char file[VMC_FILE_MAX + 1];

  vmsys_copy_in (&s, uarg, sizeof s);
  if (!vmsys_copy_string (file, s.file, sizeof file))
    return VMCTL_EINVAL;
  int status = vmsys_claim (s.id);
  if (status != VMCTL_OK)
    return status;
  status = vmfile_save (s.id, file);
  vmown_unlock ();
  return status;
}

/* RESTORE (struct vmc_restore). */
static int
vmsys_restore (void *uarg)
{
  struct vmc_restore r;
  char file[VMC_FILE_MAX + 1];
  char name[VMC_NAME_MAX + 1];

  vmsys_copy_in (&r, uarg, sizeof r);
  if (!vmsys_copy_string (file, r.file, sizeof file)
      || (r.name != NULL && !vmsys_copy_string (name, r.name, sizeof name)))
    return VMCTL_EINVAL;
  vmown_lock ();
  int vm = vmsys_adopt (vmfile_restore (file, r.name != NULL ? name : NULL,
                                        r.why, sizeof r.why));
  vmown_unlock ();
  vmsys_copy_out (uarg, &r, sizeof r);
  return vm;
}

/* CLONE (struct vmc_clone). */
static int
vmsys_clone (void *uarg)
{
  struct vmc_clone c;
  char name[VMC_NAME_MAX + 1];

  vmsys_copy_in (&c, uarg, sizeof c);
  if (c.name != NULL && !vmsys_copy_string (name, c.name, sizeof name))
    return VMCTL_EINVAL;
  int status = vmsys_claim (c.id);
  if (status != VMCTL_OK)
    return status;
  int vm = vmsys_adopt (vmctl_clone (c.id, c.name != NULL ? name : NULL));
  vmown_unlock ();
  return vm;
}

/* Copies what migration MIG did into the ABI's M. */
static void
vmsys_migration (struct vmc_migrate *m, const struct vmctl_migration *mig)
{
  m->rounds = mig->rounds;
  for (unsigned i = 0; i < VMC_MIG_ROUNDS_MAX; i++)
    m->round_pages[i] = i < mig->rounds ? mig->round_pages[i] : 0;
  m->final_pages = mig->final_pages;
  m->pages_sent = mig->pages_sent;
  m->guest_pages = mig->guest_pages;
  m->stop = mig->stop;
  m->total_us = mig->total_us;
  m->downtime_us = mig->downtime_us;
}

/* MIGRATE (struct vmc_migrate).  The VM that continues the migrated
   one takes over its record: same owner, same reaper. */
static int
vmsys_migrate (void *uarg)
{
  struct vmc_migrate m;
  struct vmctl_migration mig;

  vmsys_copy_in (&m, uarg, sizeof m);
  memset (&mig, 0, sizeof mig);
  mig.verbose = m.verbose != 0;
  m.why[0] = '\0';
  int vm = vmsys_claim (m.id);
  if (vm == VMCTL_OK)
    {
      vm = vmctl_migrate (m.id, &mig, m.why, sizeof m.why);
      if (vm >= 0)
        vmown_renumber (m.id, vm);
      vmown_unlock ();
    }
  vmsys_migration (&m, &mig);
  vmsys_copy_out (uarg, &m, sizeof m);
  return vm;
}

/* Every vmctl operation, by enum vmc_op. */
static int (*const vmsys_ops[VMC_OP_CNT]) (void *uarg) =
  {
    [VMC_LIST] = vmsys_list,
    [VMC_RUN] = vmsys_run,
    [VMC_PAUSE] = vmsys_pause,
    [VMC_RESUME] = vmsys_resume,
    [VMC_KILL] = vmsys_kill,
    [VMC_STATS] = vmsys_stats,
    [VMC_SET] = vmsys_set,
    [VMC_SNAPSHOT] = vmsys_snapshot,
    [VMC_RESTORE] = vmsys_restore,
    [VMC_CLONE] = vmsys_clone,
    [VMC_MIGRATE] = vmsys_migrate,
  };

/* vmctl (OP, ARG): runs operation OP on ARG.  An unknown OP returns
   VMC_EOP; it does not kill. */
static uint32_t
vmsys_vmctl (const uint32_t args[])
{
  uint32_t op = args[0];
  if (op >= VMC_OP_CNT)
    return (uint32_t) VMC_EOP;
  return (uint32_t) vmsys_ops[op] ((void *) args[1]);
}

/* Sets up the VM records and adds the three system calls.  Boot time,
   before the first process starts. */
void
vmsys_init (void)
{
  vmown_init ();
  syscall_register (SYS_INSMOD, vmsys_insmod, 1);
  syscall_register (SYS_RMMOD, vmsys_rmmod, 1);
  syscall_register (SYS_VMCTL, vmsys_vmctl, 2);
}
