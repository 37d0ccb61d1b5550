/* The VMs user programs started: a record per VM, naming the process
   that started it (its lineage, userprog/lineage.h), which gives the
   ownership rule of the vmctl system call, and a kernel thread per
   started VM that reaps it.

   The rule: a process may act on a VM that it or one of its
   descendants started.  The first process (the one the kernel ran,
   e.g. the shell) and the programs it runs directly (the shell's
   commands, such as vmctl) may act on every VM: they are the user at
   the console.

   Reaping.  Every VM must be waited for (vmctl_wait) once it has
   started, or its pages never come back; the process that started it
   may be long gone by then.  So starting a VM here starts a reaper
   thread, which waits for it, follows it when it ends by migrating
   (the VM that continues it must be waited for in turn), and then
   drops its record.  A VM made but never started (restored, cloned)
   has no reaper: waiting for it would destroy it at once.

   Locking.  vmown_lock serializes the vmctl system calls: each holds
   it from its ownership check to its end, so a VM cannot change hands
   or vanish under a call.  The reapers take it only to update or drop
   their record, never while they wait for a VM, so a call that waits
   for a reaper (vmown_wait_gone) lets it go meanwhile. */

#include "userprog/vmown.h"
#include <list.h>
#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/vmctl.h"
#include "userprog/lineage.h"
#include "userprog/process.h"

/* A VM a user program started. */
struct vmown
  {
    int vm;                     /* Its number now (migration changes it). */
    struct lineage *owner;      /* Who started it (a reference). */
    bool started;               /* A reaper waits for it. */
    struct list_elem elem;      /* In vmown_records. */
    struct vmctl_report report; /* The reaper's, filled as it ends. */
  };

/* Every record; guarded by vmown_mutex. */
static struct list vmown_records;
static struct lock vmown_mutex;

/* The depth in the process tree (userprog/lineage.h) down to which a
   process may act on every VM: the first process and its children. */
#define VMOWN_CONSOLE_DEPTH 1

/* Signalled whenever a reaper drops a record. */
static struct condition vmown_gone;

/* Sets up the records: once, at boot, before any process runs. */
void
vmown_init (void)
{
  list_init (&vmown_records);
  lock_init (&vmown_mutex);
  cond_init (&vmown_gone);
}

/* Takes and releases the lock every vmctl system call holds. */
void
vmown_lock (void)
{
  lock_acquire (&vmown_mutex);
}

void
vmown_unlock (void)
{
  lock_release (&vmown_mutex);
}

/* Returns the record of VM, or null.  The caller holds the lock. */
static struct vmown *
vmown_find (int vm)
{
  for (struct list_elem *e = list_begin (&vmown_records);
       e != list_end (&vmown_records); e = list_next (e))
    {
      struct vmown *r = list_entry (e, struct vmown, elem);
      if (r->vm == vm)
        return r;
    }
  return NULL;
}

/* Stores in *VMS a new array from malloc holding what vmctl_list says
   of every VM (at most VMOWN_LIST_MAX), for the caller to free, and
   returns how many it holds, or a negative status. */
int
vmown_list (struct vmctl_info **vms)
{
  *vms = malloc (VMOWN_LIST_MAX * sizeof **vms);
  if (*vms == NULL)
    return VMCTL_ENOMEM;
  int cnt = vmctl_list (*vms, VMOWN_LIST_MAX);
  if (cnt < 0)
    {
      free (*vms);
      *vms = NULL;
    }
  return cnt < VMOWN_LIST_MAX ? cnt : VMOWN_LIST_MAX;
}

/* Returns VMCTL_OK if VM exists, in any state, VMCTL_ENOVM if not, or
   why the VMs could not be listed (VMCTL_ENOHV: no hv). */
static int
vmown_exists (int vm)
{
  struct vmctl_info *vms;
  int cnt = vmown_list (&vms);
  int status = cnt < 0 ? cnt : VMCTL_ENOVM;
  for (int i = 0; i < cnt; i++)
    if (vms[i].id == vm)
      status = VMCTL_OK;
  free (vms);
  return status;
}

/* Returns VMCTL_OK if the running process may act on VM (the rule at
   the top of this file), VMCTL_EPERM if not, or, for a process that
   may act only on its own VMs, VMCTL_ENOVM if VM does not exist or
   VMCTL_ENOHV if no hv is loaded.  The caller holds the lock. */
int
vmown_check (int vm)
{
  struct lineage *me = process_current ()->lineage;
  if (lineage_depth (me) <= VMOWN_CONSOLE_DEPTH)
    return VMCTL_OK;
  struct vmown *r = vmown_find (vm);
  if (r != NULL)
    return lineage_descends (r->owner, me) ? VMCTL_OK : VMCTL_EPERM;
  int status = vmown_exists (vm);
  return status == VMCTL_OK ? VMCTL_EPERM : status;
}

/* Records VM, just made and not started, as the running process's.
   Returns VMCTL_OK or VMCTL_ENOMEM.  The caller holds the lock. */
int
vmown_add (int vm)
{
  struct vmown *r = malloc (sizeof *r);
  if (r == NULL)
    return VMCTL_ENOMEM;
  r->vm = vm;
  r->owner = process_current ()->lineage;
  lineage_hold (r->owner);
  r->started = false;
  list_push_back (&vmown_records, &r->elem);
  return VMCTL_OK;
}

/* Drops record R.  The caller holds the lock. */
static void
vmown_drop (struct vmown *r)
{
  list_remove (&r->elem);
  lineage_release (r->owner);
  free (r);
}

/* The reaper of the VM of record R_: waits for it, and for each VM
   that continues it after a migration, then drops R_. */
static void
vmown_reap (void *r_)
{
  struct vmown *r = r_;
  int vm = r->vm;

  while (vmctl_wait (vm, &r->report) == VMCTL_OK
         && r->report.end == VMCTL_END_MIGRATED)
    {
      vm = r->report.migrated_to;
      lock_acquire (&vmown_mutex);
      r->vm = vm;
      lock_release (&vmown_mutex);
    }
  lock_acquire (&vmown_mutex);
  vmown_drop (r);
  cond_broadcast (&vmown_gone, &vmown_mutex);
  lock_release (&vmown_mutex);
}

/* Notes that recorded VM has just started, and starts its reaper.
   Returns VMCTL_OK, or VMCTL_ENOMEM if no thread could be made (the
   caller must then end the VM itself).  The caller holds the lock. */
int
vmown_started (int vm)
{
  struct vmown *r = vmown_find (vm);
  ASSERT (r != NULL && !r->started);
  if (thread_create ("vm-reaper", PRI_DEFAULT, vmown_reap, r) == TID_ERROR)
    return VMCTL_ENOMEM;
  r->started = true;
  return VMCTL_OK;
}

/* Returns true if VM has no record (no user program made it) or has
   started.  The caller holds the lock. */
bool
vmown_is_started (int vm)
{
  struct vmown *r = vmown_find (vm);
  return r == NULL || r->started;
}

/* Drops the record of VM, which has none or never started.  The
   caller holds the lock. */
void
vmown_forget (int vm)
{
  struct vmown *r = vmown_find (vm);
  if (r != NULL)
    {
      ASSERT (!r->started);
      vmown_drop (r);
    }
}

/* Waits until the reaper of VM, a started VM that was asked to end,
   has dropped its record.  The caller holds the lock, which it lets
   go while it waits. */
void
vmown_wait_gone (int vm)
{
  while (vmown_find (vm) != NULL)
    cond_wait (&vmown_gone, &vmown_mutex);
}

/* Moves the record of VM to NEW_VM, which continues it after a
   migration.  The caller holds the lock. */
void
vmown_renumber (int vm, int new_vm)
{
  struct vmown *r = vmown_find (vm);
  if (r != NULL)
    r->vm = new_vm;
}

/* Returns how many VMs user programs started are left.  The caller
   holds the lock. */
int
vmown_count (void)
{
  return list_size (&vmown_records);
}

/* Returns the process id of the process that started VM, or -1 if no
   user program did.  The caller holds the lock. */
tid_t
vmown_owner_pid (int vm)
{
  struct vmown *r = vmown_find (vm);
  return r != NULL ? lineage_pid (r->owner) : -1;
}
