/* Live migration (hv/migrate.c, docs/hv.md section 14), through
   threads/vmctl.h:
   - migrate-live: a guest that writes at a moderate rate and prints a
     counter (guest-mig-counter) is migrated mid-run; pre-copy
     converges in two rounds or more, and the test checks the figures;
     the guest's counter and memory tell whether anything was lost;
   - migrate-hot: a guest that dirties its memory faster than the link
     sends it (guest-mig-hot) migrates all the same, by the stop rule;
   - migrate-refuse: what cannot be migrated is refused with its reason
     (shadow paging, a VM not running, no VM), and nothing leaks;
   - migrate-leak: a VM migrated twice, one migration after the other,
     and every page comes back once both VMs are gone;
   - migrate-fail: migrations that fail midway (the destination out of
     memory, the source killed) leave the source as it was;
   - migrate-demo (make demo-migrate; not a test): both guests migrate
     with the hv printing each round.
   The migrated VMs use nested paging whatever the kernel's default
   (make check PAGING=shadow): live migration needs it. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "tests/hv/hvtest.h"
#include "devices/timer.h"
#include "tests/ktest.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"

#define COUNTER "guest-mig-counter.bin"
#define HOT "guest-mig-hot.bin"
#define PAIR "guest-mig-pair.bin"
#define SPIN "guest-spin.bin"
#define SWAP_GUEST "guest-mig-swap.bin"
#define HOG "guest-mig-hog.bin"

/* How long a guest runs before the test migrates it: a counter guest
   until it has woken from a halt START_WAKEUPS times (its fill done, it
   has printed two counts of its 50), the hot guest RUN_TICKS ticks. */
#define START_WAKEUPS 10
#define RUN_TICKS 20

/* CPU budget of the guests: guest-mig-hot never halts. */
#define MIG_BUDGET 2000

/* A guest's VM: nested paging, whatever the default. */
static const struct hvtest_options mig_options =
  {
    .budget = MIG_BUDGET,
    .paging = VMCTL_PAGING_NPT,
  };

/* Prints MIG's figures on one line (the checkers do not compare it: it
   differs from run to run and from simulator to simulator). */
static void
print_figures (const struct vmctl_migration *mig)
{
  char rounds[VMCTL_MIG_ROUNDS_MAX * 7];
  size_t len = 0;
  rounds[0] = '\0';
  for (unsigned i = 0; i < mig->rounds && i < VMCTL_MIG_ROUNDS_MAX; i++)
    len += snprintf (rounds + len, sizeof rounds - len, " %"PRIu32,
                     mig->round_pages[i]);
  msg ("figures: %s after %u rounds (pages:%s), %"PRIu32" final pages, "
       "%"PRIu64" pages sent of %"PRIu32", downtime %"PRIu64" us, "
       "total %"PRIu64" us", vmctl_mig_stop_name (mig->stop), mig->rounds,
       rounds, mig->final_pages, mig->pages_sent, mig->guest_pages,
       mig->downtime_us, mig->total_us);
}

/* Checks what MIG reports of a migration that succeeded, whatever the
   guest: the rounds' pages add up, round 1 sent pages, the times are
   there and in order.  Prints the figures. */
static void
check_figures (const struct vmctl_migration *mig)
{
  print_figures (mig);
  uint64_t sum = mig->final_pages;
  for (unsigned i = 0; i < mig->rounds && i < VMCTL_MIG_ROUNDS_MAX; i++)
    sum += mig->round_pages[i];
  if (mig->rounds < 1 || mig->rounds > VMCTL_MIG_ROUNDS_MAX)
    fail ("%u rounds", mig->rounds);
  if (mig->round_pages[0] == 0)
    fail ("round 1 sent no page");
  if (sum != mig->pages_sent)
    fail ("the rounds' and final pages make %"PRIu64", but %"PRIu64
          " were sent", sum, mig->pages_sent);
  if (mig->guest_pages != 4 << (20 - 12))
    fail ("%"PRIu32" guest pages, not 4 MiB's", mig->guest_pages);
  if (mig->downtime_us == 0 || mig->downtime_us >= mig->total_us)
    fail ("downtime %"PRIu64" us of %"PRIu64" us", mig->downtime_us,
          mig->total_us);
  msg ("pages per round add up to the pages sent; downtime measured, "
       "shorter than the whole");
}

/* Migrates VM, running guest FILE, with VERBOSE and stores what the
   migration did in MIG; waits for the old VM, which must have ended
   as migrated to the new one, and returns the new one's number. */
static int
migrate (int vm, const char *file, bool verbose, struct vmctl_migration *mig)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  char why[VMCTL_WHY_MAX + 1];

  msg ("migrating %s while it runs", file);
  mig->verbose = verbose;
  int to = vmctl_migrate (vm, mig, why, sizeof why);
  if (to < 0)
    fail ("migrating %s: %s: %s", file, vmctl_strerror (to), why);
  msg ("migrated to a new VM");
  int status = vmctl_wait (vm, &report);
  if (status != VMCTL_OK)
    fail ("waiting for the old VM: %s", vmctl_strerror (status));
  if (report.end != VMCTL_END_MIGRATED || report.migrated_to != to)
    fail ("the old VM ended as %d (to %d), not as migrated to VM %d",
          report.end, report.migrated_to, to);
  msg ("the old VM ended as migrated to the new one");
  return to;
}

/* Waits until VM, running guest FILE, has woken from a halt WAKEUPS
   times: the counter guests halt only once their fill is done, and
   then once a tick.  The fill's time is not known: where it evicts
   pages it waits for the swap disk. */
static void
wait_wakeups (int vm, const char *file, uint32_t wakeups)
{
  struct vmctl_sched sched;
  for (int ticks = 0; ; ticks++)
    {
      hvtest_sched (vm, file, &sched);
      if (sched.vm.wakeups >= wakeups)
        return;
      if (ticks > 5000)
        fail ("%s did not get past its fill", file);
      timer_sleep (1);
    }
}

/* Runs guest FILE in a new VM made with OPTIONS and returns its number
   once the guest is under way: once it has woken from a halt WAKEUPS
   times (a counter guest halts once a tick when its fill is done), or,
   for a guest that never halts (WAKEUPS 0), after RUN_TICKS. */
static int
start_guest (const char *file, const struct hvtest_options *options,
             uint32_t wakeups)
{
  int vm = hvtest_create (file, options);
  if (vmctl_start (vm) != VMCTL_OK)
    fail ("cannot start %s", file);
  if (wakeups > 0)
    wait_wakeups (vm, file, wakeups);
  else
    timer_sleep (RUN_TICKS);
  return vm;
}

/* Runs guest FILE in a VM made with OPTIONS, migrates it with VERBOSE
   once it is under way (start_guest, WAKEUPS), waits for the new VM to
   end, and stores what the migration did in MIG; fails unless the
   guest exited with 0 and every page came back. */
static void
run_and_migrate (const char *file, const struct hvtest_options *options,
                 uint32_t wakeups, bool verbose, struct vmctl_migration *mig)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  size_t free_before = palloc_free_count ();

  int vm = start_guest (file, options, wakeups);
  int to = migrate (vm, file, verbose, mig);
  hvtest_finish (to, file, &report);
  if (report.end != VMCTL_END_EXIT || report.exit_code != 0)
    fail ("the new VM did not end well");
  hvtest_check_pages (free_before);
  msg ("every page came back");
}

/* migrate-live: the counter guest, migrated once. */
static void
migrate_live (void)
{
  struct vmctl_migration mig;
  run_and_migrate (COUNTER, &mig_options, START_WAKEUPS, false, &mig);
  check_figures (&mig);
  msg ("stop rule: %s", vmctl_mig_stop_name (mig.stop));
  msg ("two rounds or more: %s", mig.rounds >= 2 ? "yes" : "no");
}
KTEST ("migrate-live", migrate_live);

/* migrate-hot: the guest that dirties faster than the link sends. */
static void
migrate_hot (void)
{
  struct vmctl_migration mig;
  run_and_migrate (HOT, &mig_options, 0, false, &mig);
  check_figures (&mig);
  msg ("pre-copy stopped without converging: %s",
       mig.stop != VMCTL_MIG_CONVERGED ? "yes" : "no");
}
KTEST ("migrate-hot", migrate_hot);

/* migrate-smp: a VM of two VCPUs that both write (guest-mig-pair), on a
   host whose guests get two physical CPUs (Make.tests gives it three):
   the VCPUs run in the guest on other CPUs while the migration
   collects, and must be made to flush their TLBs (hv/npt.c). */
static void
migrate_smp (void)
{
  struct hvtest_options two = mig_options;
  struct vmctl_migration mig;

  two.vcpus = 2;
  run_and_migrate (PAIR, &two, START_WAKEUPS, false, &mig);
  check_figures (&mig);
}
KTEST ("migrate-smp", migrate_smp);

/* migrate-leak: the counter guest migrated, and its new VM migrated
   again; then every page must be back. */
static void
migrate_leak (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  struct vmctl_migration mig;
  size_t free_before = palloc_free_count ();

  int vm = start_guest (COUNTER, &mig_options, START_WAKEUPS);
  vm = migrate (vm, COUNTER, false, &mig);
  print_figures (&mig);
  timer_sleep (RUN_TICKS);
  vm = migrate (vm, COUNTER, false, &mig);
  print_figures (&mig);
  hvtest_finish (vm, COUNTER, &report);
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("migrate-leak", migrate_leak);

/* Tries to migrate VM, described as WHAT, and prints why it was not
   migrated (refused, or failed midway); fails the test if it was. */
static void
not_migrated (int vm, const char *what)
{
  struct vmctl_migration mig = { .verbose = false };
  char why[VMCTL_WHY_MAX + 1];
  int status = vmctl_migrate (vm, &mig, why, sizeof why);
  if (status >= 0)
    fail ("%s: migrated all the same, to VM %d", what, status);
  msg ("%s: not migrated (%s): %s", what, vmctl_strerror (status), why);
}

/* migrate-refuse: a VM under shadow paging, one never started, a
   paused one and a VM that does not exist are refused; the first
   three run on (or start) as before, and every page comes back. */
static void
migrate_refuse (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  struct hvtest_options shadow = { .paging = VMCTL_PAGING_SHADOW,
                                   .budget = MIG_BUDGET };
  size_t free_before = palloc_free_count ();

  int vm = hvtest_create (SPIN, &shadow);
  vmctl_start (vm);
  timer_sleep (2);
  not_migrated (vm, "under shadow paging");
  vmctl_kill (vm);
  hvtest_finish (vm, SPIN, &report);

  vm = hvtest_create (SPIN, &mig_options);
  not_migrated (vm, "never started");
  vmctl_start (vm);
  timer_sleep (2);
  if (vmctl_pause (vm) != VMCTL_OK)
    fail ("cannot pause the VM");
  not_migrated (vm, "paused");
  if (vmctl_resume (vm) != VMCTL_OK)
    fail ("cannot resume the VM");
  vmctl_kill (vm);
  hvtest_finish (vm, SPIN, &report);
  not_migrated (vm, "ended and gone");

  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("migrate-refuse", migrate_refuse);

/* migrate-swap's VMs: 8 MiB of RAM each, and the hog's pages (in step
   with tests/hv/guest-mig-hog.c). */
#define SWAP_RAM_MB 8
#define HOG_PAGES 700

/* Returns the host memory VM number ID holds now, in KiB. */
static uint32_t
resident_kb (int id)
{
  static struct vmctl_info info[HVTEST_TOGETHER_MAX];
  int cnt = vmctl_list (info, HVTEST_TOGETHER_MAX);
  for (int i = 0; i < cnt && i < HVTEST_TOGETHER_MAX; i++)
    if (info[i].id == id)
      return info[i].resident_kb;
  fail ("VM %d is not in the list", id);
}

/* migrate-swap: a source with pages in swap.  A hog VM takes most of
   the host's memory (Make.tests gives the host 8 MiB and a swap
   disk); the counter guest then fills a region larger than what is
   left, so the hv evicts some of its pages to swap.  The hog is
   killed, which leaves room for the destination, and the counter guest
   migrates: the pages it has in swap are read from there.  Its
   counter and memory come through whole, and every page comes back. */
static void
migrate_swap (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  struct hvtest_options big = mig_options;
  struct vmctl_migration mig;
  size_t free_before = palloc_free_count ();

  big.ram_mb = SWAP_RAM_MB;
  int hog = hvtest_create (HOG, &big);
  vmctl_start (hog);
  for (int ticks = 0; resident_kb (hog) < HOG_PAGES * 4; ticks++)
    {
      if (ticks > 1000)
        fail ("the hog did not take its pages");
      timer_sleep (1);
    }
  msg ("the hog holds its pages");
  int vm = start_guest (SWAP_GUEST, &big, START_WAKEUPS);
  vmctl_kill (hog);
  hvtest_finish (hog, HOG, &report);
  int to = migrate (vm, SWAP_GUEST, true, &mig);
  print_figures (&mig);
  hvtest_finish (to, SWAP_GUEST, &report);
  if (report.end != VMCTL_END_EXIT || report.exit_code != 0)
    fail ("the new VM did not end well");
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("migrate-swap", migrate_swap);

/* A thread that kills VM number *AUX after KILL_TICKS, while the test's
   thread migrates it. */
#define KILL_TICKS 3
static struct semaphore killer_done;

static void
killer (void *aux)
{
  timer_sleep (KILL_TICKS);
  vmctl_kill (*(int *) aux);
  sema_up (&killer_done);
}

/* migrate-fail: migrations that fail midway leave the source as it
   was.  On a host too small for two copies of the counter guest
   (Make.tests gives it 4 MiB), the destination runs out of memory:
   the source runs on to its end, whole.  Then a source killed during
   its migration ends killed.  Each time the destination is discarded
   and every page comes back. */
static void
migrate_fail (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  size_t free_before = palloc_free_count ();

  int vm = start_guest (COUNTER, &mig_options, START_WAKEUPS);
  not_migrated (vm, "on a host too small");
  hvtest_finish (vm, COUNTER, &report);
  if (report.end != VMCTL_END_EXIT || report.exit_code != 0)
    fail ("the source did not end well");
  hvtest_check_pages (free_before);
  msg ("the source ran to its end; every page came back");

  vm = start_guest (COUNTER, &mig_options, START_WAKEUPS);
  sema_init (&killer_done, 0);
  if (thread_create ("killer", PRI_DEFAULT, killer, &vm) == TID_ERROR)
    fail ("cannot start the thread that kills the VM");
  not_migrated (vm, "killed midway");
  sema_down (&killer_done);
  hvtest_finish (vm, COUNTER, &report);
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("migrate-fail", migrate_fail);

/* migrate-demo: both guests, migrated with the hv printing each
   round, then the figures side by side. */
static void
migrate_demo (void)
{
  struct vmctl_migration live, hot;
  run_and_migrate (COUNTER, &mig_options, START_WAKEUPS, true, &live);
  run_and_migrate (HOT, &mig_options, 0, true, &hot);
  printf ("\n%-19s %10s %10s\n", "", "moderate", "hot");
  printf ("%-19s %10u %10u\n", "pre-copy rounds", live.rounds, hot.rounds);
  printf ("%-19s %10s %10s\n", "stop rule",
          vmctl_mig_stop_name (live.stop), vmctl_mig_stop_name (hot.stop));
  for (unsigned i = 0; i < live.rounds || i < hot.rounds; i++)
    {
      char label[24], a[12] = "", b[12] = "";
      snprintf (label, sizeof label, "round %u pages", i + 1);
      if (i < live.rounds)
        snprintf (a, sizeof a, "%"PRIu32, live.round_pages[i]);
      if (i < hot.rounds)
        snprintf (b, sizeof b, "%"PRIu32, hot.round_pages[i]);
      printf ("%-19s %10s %10s\n", label, a, b);
    }
  printf ("%-19s %10"PRIu32" %10"PRIu32"\n", "final pages",
          live.final_pages, hot.final_pages);
  printf ("%-19s %10"PRIu64" %10"PRIu64"\n", "pages sent",
          live.pages_sent, hot.pages_sent);
  printf ("%-19s %10"PRIu64" %10"PRIu64"\n", "downtime (us)",
          live.downtime_us, hot.downtime_us);
  printf ("%-19s %10"PRIu64" %10"PRIu64"\n", "total time (us)",
          live.total_us, hot.total_us);
}
KTEST ("migrate-demo", migrate_demo);
