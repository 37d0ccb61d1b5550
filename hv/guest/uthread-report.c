/* The guest kernel's view of the user-level thread library: giving
   it the name its output lines start with, and printing the
   statistics it kept (user memory, read from ring 0 once the program
   has ended) in the fixed format the tests' .ck scripts parse. */

#include <string.h>
#include "hv/guest/guest.h"
#include "hv/guest/uthread.h"

/* Makes NAME the prefix of uthread_print's lines. */
void
uthread_report_name (const char *name)
{
  strlcpy (uthread_name, name, sizeof uthread_name);
}

/* Writes the numbers of the VPs in MASK, "0,1" style, into BUF of
   SIZE bytes. */
static void
uthread_report_vps (unsigned mask, char *buf, size_t size)
{
  size_t len = 0;
  buf[0] = '\0';
  for (unsigned v = 0; v < USER_VP_MAX; v++)
    if (mask & (1u << v))
      len += snprintf (buf + len, size - len, len > 0 ? ",%u" : "%u", v);
}

/* Prints one line per user thread of the last program, then the
   totals:
     uthread I: iterations N, runs R, vps V[,V...], done|not done
     user-level switches S, dispatches D, idle yields I, lock yields L */
void
uthread_report (void)
{
  char vps[3 * USER_VP_MAX];

  for (int i = 0; i < UTHREAD_MAX; i++)
    {
      const struct uthread_stat *s = &uthread_stats[i];
      if (!s->used)
        continue;
      uthread_report_vps (s->vp_mask, vps, sizeof vps);
      msg ("uthread %d: iterations %u, runs %u, vps %s, %s", i,
           s->iterations, s->runs, vps, s->done ? "done" : "not done");
    }
  msg ("user-level switches %u, dispatches %u, idle yields %u, "
       "lock yields %u", uthread_totals.switches, uthread_totals.dispatches,
       uthread_totals.idle_yields, uthread_totals.lock_yields);
}

/* Runs a user program of VPS virtual processors whose VP 0 calls
   SETUP to create the first user threads, then prints how it ended
   ("program ended" or "program killed") and its report.  Stores how
   it ended in RESULT.  user_init must have run. */
void
uthread_report_run (unsigned vps, void (*setup) (void),
                    struct user_result *result)
{
  user_run (uthread_vp_main, vps, setup, result);
  msg ("program %s", result->killed ? "killed" : "ended");
  uthread_report ();
}
