/* The hv on a machine of several CPUs.  The lab's kernel arguments
   load the hv before these tests run; as it loads, it starts the other
   CPUs and has each one answer IPIs, count its own timer's interrupts
   and run a guest, and prints what they did (hv/smp-test.c).  The
   checkers (tests/hv/smp.pm) judge those lines:
   - smp-up2, smp-up4: every CPU of 2 or 4 comes up and works;
   - smp-one: on one CPU the hv starts none and prints nothing new;
   - smp-reload: rmmod parks them and returns every page; insmod,
     rmmod, insmod, rmmod works. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "threads/cpu.h"
#include "threads/module.h"
#include "threads/modutil.h"
#include "threads/palloc.h"

/* The test body of smp-up2, smp-up4 and smp-one: the hv loaded, and
   the checker reads what it printed. */
static void
smp_loaded (void)
{
  msg ("the hv is %s", module_is_loaded ("hv") ? "loaded" : "not loaded");
}

static void smp_up2_test (void) { smp_loaded (); }
static void smp_up4_test (void) { smp_loaded (); }
static void smp_one_test (void) { smp_loaded (); }
KTEST ("smp-up2", smp_up2_test);
KTEST ("smp-up4", smp_up4_test);
KTEST ("smp-one", smp_one_test);

/* Unloads the hv and returns the number of free pages after. */
static size_t
smp_unload (void)
{
  if (!module_unload ("hv"))
    fail ("rmmod hv failed");
  msg ("rmmod hv: EFER.SVME %s", rdmsr (MSR_EFER) & EFER_SVME ? "set" : "clear");
  return palloc_free_count ();
}

static void
smp_reload_test (void)
{
  size_t free_before = smp_unload ();
  for (int round = 1; round <= 2; round++)
    {
      if (!modutil_load ("hv.ko"))
        fail ("insmod hv.ko failed in round %d", round);
      msg ("round %d: insmod hv.ko done", round);
      size_t free_after = smp_unload ();
      if (free_after != free_before)
        fail ("round %d: %zu pages free before insmod, %zu after rmmod",
              round, free_before, free_after);
      msg ("round %d: every page back", round);
    }
}
KTEST ("smp-reload", smp_reload_test);
