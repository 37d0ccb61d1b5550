/* The kernel side of the tests of guest memory the host reclaims
   (hv/reclaim.c): a guest with more RAM than the host has free runs
   to the end, every page and swap slot comes back, and without swap
   such a guest fails alone.  The guests are tests/hv/reclaim-swap.c,
   guest-bigmem.c (both sweep bigmem.inc) and reclaim-balloon.c. */

#include "tests/hv/hvtest.h"
#include <string.h>
#include "tests/ktest.h"
#include "threads/palloc.h"

/* Guest RAM of the big guests, MiB, and the pages their sweep
   touches (tests/hv/bigmem.inc). */
#define BIG_RAM_MB 16
#define SWEEP_PAGES 2048

/* Their CPU budget in ticks: eviction and swap I/O are handled in
   their exits, which count. */
#define BIG_BUDGET 3000

/* Fails unless the big guest's sweep is larger than all the host's
   free memory. */
static void
check_pressure (void)
{
  size_t free_pages = palloc_free_count ();
  if (free_pages >= SWEEP_PAGES)
    fail ("the host has %zu pages free, the sweep of %d would fit",
          free_pages, SWEEP_PAGES);
  msg ("the guest sweeps more memory than the host has free");
}

/* reclaim-swap: the big guest with swap (Make.tests gives the host a
   swap disk); the guest checks what it reads back. */
static void
reclaim_swap (void)
{
  struct hvtest_options options = { .ram_mb = BIG_RAM_MB,
                                    .budget = BIG_BUDGET };
  static struct vmctl_report report;  /* Too big for the stack. */

  check_pressure ();
  hvtest_run ("reclaim-swap.bin", &options, &report);
}
KTEST ("reclaim-swap", reclaim_swap);

/* reclaim-leak: the big guest, twice: each time every page comes
   back (hvtest_run checks), and the hv says every swap slot is free
   once the VM is destroyed (its line, checked by reclaim-leak.ck). */
static void
reclaim_leak (void)
{
  struct hvtest_options options = { .ram_mb = BIG_RAM_MB,
                                    .budget = BIG_BUDGET };

  check_pressure ();
  for (int round = 1; round <= 2; round++)
    {
      static struct vmctl_report report;  /* Too big for the stack. */
      hvtest_run ("guest-bigmem.bin", &options, &report);
      if (report.end != VMCTL_END_EXIT || report.exit_code != 0)
        fail ("round %d: the guest failed", round);
      msg ("round %d: every page returned", round);
    }
}
KTEST ("reclaim-leak", reclaim_leak);

/* reclaim-noswap: the big guest on a host without swap fails with
   the reason, gives back every page, and the next VM runs. */
static void
reclaim_noswap (void)
{
  struct hvtest_options options = { .ram_mb = BIG_RAM_MB,
                                    .budget = BIG_BUDGET };
  static struct vmctl_report report;  /* Too big for the stack. */
  const char *reason = ": no swap partition to evict its pages to";

  check_pressure ();
  size_t free_before = palloc_free_count ();
  int vm = hvtest_create ("guest-bigmem.bin", &options);
  if (vmctl_start (vm) != VMCTL_OK || vmctl_wait (vm, &report) != VMCTL_OK)
    fail ("cannot run the big guest");
  hvtest_check_pages (free_before);
  if (report.end != VMCTL_END_KILLED
      || strncmp (report.why, "out of host memory for guest RAM at ", 36) != 0
      || strstr (report.why, reason) == NULL)
    fail ("the big guest did not fail for want of memory: %s", report.why);
  msg ("the big guest was killed: out of host memory for guest RAM%s",
       reason);
  hvtest_run ("guest-hello.bin", NULL, &report);
  msg ("the next VM ran");
}
KTEST ("reclaim-noswap", reclaim_noswap);

/* reclaim-balloon: a guest test (tests/hv/reclaim-balloon.c). */
static void
reclaim_balloon (void)
{
  hvtest_guest ("reclaim-balloon");
}
KTEST ("reclaim-balloon", reclaim_balloon);
