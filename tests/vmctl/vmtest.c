/* Helpers of the vmctl tests (see vmtest.h). */

#include "tests/vmctl/vmtest.h"
#include <stdio.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

/* Most VMs a test looks through. */
#define VT_LIST_MAX 16

/* How long vt_wait_exits waits for a guest, in polls, and the loop
   rounds between two polls: enough for hundreds of guest ticks, so a
   guest that stopped fails the test instead of hanging it. */
#define VT_POLLS 4000
#define VT_POLL_ROUNDS 20000

/* The wake-ups from a halt that show a ticker VM went on: it halts
   once per step, so this many steps. */
#define VT_PROGRESS_STEPS 3

/* Loads the hypervisor module, or fails. */
void
vt_insmod (void)
{
  if (!insmod (VT_HV))
    fail ("insmod %s failed", VT_HV);
}

/* Runs IMAGE in a new VM with default options and returns its
   number, or fails. */
int
vt_run (const char *image)
{
  struct vmc_run run;
  memset (&run, 0, sizeof run);
  run.image = image;
  return vt_run_with (&run);
}

/* Runs the VM RUN describes and returns its number, or fails. */
int
vt_run_with (struct vmc_run *run)
{
  int vm = vmctl (VMC_RUN, run);
  if (vm < 0)
    fail ("run %s: %s", run->image, vt_status_name (vm));
  return vm;
}

/* Stores what LIST says of VM in *INFO.  Returns false if it is not
   listed. */
bool
vt_find (int vm, struct vmc_info *info)
{
  struct vmc_info vms[VT_LIST_MAX];
  struct vmc_list list = { vms, VT_LIST_MAX };
  int cnt = vmctl (VMC_LIST, &list);

  if (cnt < 0)
    fail ("list: %s", vt_status_name (cnt));
  for (int i = 0; i < cnt && i < VT_LIST_MAX; i++)
    if (vms[i].id == vm)
      {
        *info = vms[i];
        return true;
      }
  return false;
}

/* Returns VM's exits so far, or fails if it is not listed. */
uint64_t
vt_exits (int vm)
{
  struct vmc_info info;
  if (!vt_find (vm, &info))
    fail ("VM %d is not listed", vm);
  return info.exits;
}

/* Spins for ROUNDS rounds of an empty loop: the VMs get the CPU
   meanwhile. */
void
vt_spin (unsigned rounds)
{
  for (volatile unsigned i = 0; i < rounds; i++)
    continue;
}

/* Waits until VM has made at least EXITS exits, or fails after a
   generous time. */
void
vt_wait_exits (int vm, uint64_t exits)
{
  for (int poll = 0; poll < VT_POLLS; poll++)
    {
      if (vt_exits (vm) >= exits)
        return;
      vt_spin (VT_POLL_ROUNDS);
    }
  fail ("VM %d made no progress: %llu exits, waited for %llu", vm,
        (unsigned long long) vt_exits (vm), (unsigned long long) exits);
}

/* Returns VM's wake-ups from a halt so far, or fails. */
static uint32_t
vt_wakeups (int vm)
{
  struct vmc_stats s;
  s.id = vm;
  int status = vmctl (VMC_STATS, &s);
  if (status != VMC_OK)
    fail ("stats %d: %s", vm, vt_status_name (status));
  return s.vm.wakeups;
}

/* Waits until ticker VM has gone on by a few steps (each a halt and
   a wake-up), or fails after a generous time. */
void
vt_progress (int vm)
{
  uint32_t goal = vt_wakeups (vm) + VT_PROGRESS_STEPS;
  for (int poll = 0; poll < VT_POLLS; poll++)
    {
      if (vt_wakeups (vm) >= goal)
        return;
      vt_spin (VT_POLL_ROUNDS);
    }
  fail ("VM %d made no progress: %u wake-ups, waited for %u", vm,
        (unsigned) vt_wakeups (vm), (unsigned) goal);
}

/* Fails unless STATUS, the result of WHAT, is WANTED; says what it
   got either way. */
void
vt_expect (int status, int wanted, const char *what)
{
  CHECK (status == wanted, "%s: %s", what, vt_status_name (status));
}

/* Kills VM, or fails. */
void
vt_kill (int vm)
{
  int status = vmctl (VMC_KILL, &vm);
  if (status != VMC_OK)
    fail ("kill %d: %s", vm, vt_status_name (status));
}

/* Returns the name of STATUS, or of a VM number, as test lines show
   them. */
const char *
vt_status_name (int status)
{
  static const char *const names[] =
    { "OK", "ENOHV", "ENOMEM", "EINVAL", "ENOVM", "EBUSY", "ENOENT",
      "ECORRUPT", "EPERM", "EIO", "ENOTPAUSED", "EPAUSED", "ESTATE", "EOP",
      "EFILE" };
  if (status > 0)
    return "a VM number";
  if (-status < (int) (sizeof names / sizeof *names))
    return names[-status];
  return "an unknown status";
}

/* Waits until VM is no longer listed (it ended and was reaped), or
   fails after a generous time. */
void
vt_wait_gone (int vm)
{
  struct vmc_info info;
  for (int poll = 0; poll < VT_POLLS; poll++)
    {
      if (!vt_find (vm, &info))
        return;
      vt_spin (VT_POLL_ROUNDS);
    }
  fail ("VM %d did not end", vm);
}

/* Returns the free page count once it is back to BEFORE, or, after a
   generous time, whatever it is then: a reaper thread that has just
   reaped a VM may still be on its way out, its stack page not yet
   free, when the call that waited for it returns. */
size_t
vt_free_pages (size_t before)
{
  size_t now = freepages ();
  for (int poll = 0; poll < VT_POLLS && now != before; poll++)
    {
      vt_spin (VT_POLL_ROUNDS);
      now = freepages ();
    }
  return now;
}

static const char *const vt_stop_names[] =
  { "converged", "stalled", "round limit", "sent limit" };

/* Prints the figures of migration M, which vary from run to run, on a
   line of their own (not a test line). */
static void
vt_report_migration (const struct vmc_migrate *m)
{
  printf ("migration: %u round(s), pages per round:", (unsigned) m->rounds);
  for (unsigned i = 0; i < m->rounds && i < VMC_MIG_ROUNDS_MAX; i++)
    printf (" %u", (unsigned) m->round_pages[i]);
  printf ("; %u in stop-and-copy; %llu of %u sent; downtime %llu us of "
          "%llu us; stopped: %s\n", (unsigned) m->final_pages,
          (unsigned long long) m->pages_sent, (unsigned) m->guest_pages,
          (unsigned long long) m->downtime_us,
          (unsigned long long) m->total_us,
          m->stop >= 0 && m->stop <= VMC_MIG_SENT ? vt_stop_names[m->stop]
                                                 : "?");
}

/* Checks that the figures of migration M add up: one to the most
   rounds, the pages of every round and of stop-and-copy summing to
   the pages sent, a downtime within the total time. */
void
vt_check_migration (const struct vmc_migrate *m)
{
  uint64_t sum = m->final_pages;
  for (unsigned i = 0; i < m->rounds && i < VMC_MIG_ROUNDS_MAX; i++)
    sum += m->round_pages[i];
  CHECK (m->rounds >= 1 && m->rounds <= VMC_MIG_ROUNDS_MAX
         && sum == m->pages_sent && m->downtime_us <= m->total_us
         && m->stop >= VMC_MIG_CONVERGED && m->stop <= VMC_MIG_SENT,
         "the figures add up");
}

/* Migrates running VM, printing "migrating" and "migrated" around it
   and its figures after, which it stores in *M.  Returns the VM that
   runs on in its place, or fails. */
int
vt_migrate (int vm, struct vmc_migrate *m)
{
  memset (m, 0, sizeof *m);
  m->id = vm;
  msg ("migrating");
  int moved = vmctl (VMC_MIGRATE, m);
  if (moved < 0)
    fail ("migrate: %s: %s", vt_status_name (moved), m->why);
  msg ("migrated");
  vt_report_migration (m);
  return moved;
}
