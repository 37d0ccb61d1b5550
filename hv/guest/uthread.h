/* The user-level thread library (uthread.c): M user threads
   multiplexed onto the N kernel threads of a user program (the M:N
   model).  Each kernel thread enters ring 3 as a "virtual processor"
   (VP) that runs the user-level scheduler loop; user threads wait in
   one ready queue shared by every VP, under a user-level spinlock.
   Switching between user threads happens entirely in ring 3: no
   system call, no VM exit.  A user thread that blocks in a system
   call blocks only its VP's kernel thread; the other VPs go on
   running the other user threads.

   Everything in uthread.c runs in ring 3 (guest.lds.S places it in
   the user sections).  Its statistics are plain user memory that the
   guest kernel reads after the program (uthread-report.c). */
#ifndef HV_GUEST_UTHREAD_H
#define HV_GUEST_UTHREAD_H

#include <stdbool.h>
#include <stdint.h>
#include "hv/guest/user.h"

#define UTHREAD_MAX 16          /* Most user threads in a program. */
#define UTHREAD_STACK 8192      /* Bytes of stack per user thread. */

/* What the library counts for one user thread. */
struct uthread_stat
  {
    bool used;                  /* Created in this program. */
    bool done;                  /* Has ended. */
    unsigned iterations;        /* uthread_progress calls. */
    unsigned runs;              /* Times a VP dispatched it. */
    unsigned vp_mask;           /* Bit V set: VP V ran it. */
  };

/* What the library counts for the whole program. */
struct uthread_totals
  {
    unsigned switches;          /* Dispatches of a thread other than the
                                   one the VP ran last: user-level
                                   context switches. */
    unsigned dispatches;        /* All dispatches. */
    unsigned idle_yields;       /* USYS_YIELDs of VPs with nothing to run. */
    unsigned lock_yields;       /* USYS_YIELDs of VPs spinning on the
                                   lock too long. */
  };

extern struct uthread_stat uthread_stats[UTHREAD_MAX];
extern struct uthread_totals uthread_totals;
extern char uthread_name[32];   /* Prefix of uthread_print lines. */

/* Run by each VP (a user_entry, for user_run): VP 0 resets the
   library and calls SETUP (a void (*) (void) that creates the first
   threads); then every VP runs user threads until none is left, and
   ends its kernel thread. */
void uthread_vp_main (unsigned vp, unsigned generation, void *setup);

int uthread_create (void (*function) (void *aux), void *aux);
void uthread_yield (void);
void uthread_exit (void) __attribute__ ((noreturn));
void uthread_join (int id);
int uthread_self (void);
void uthread_progress (void);
unsigned uthread_done_count (void);

void uthread_print (const char *format, ...);

/* ---- The guest kernel's side (uthread-report.c) ---- */
void uthread_report_name (const char *name);
void uthread_report (void);
void uthread_report_run (unsigned vps, void (*setup) (void),
                         struct user_result *);

#endif /* hv/guest/uthread.h */
