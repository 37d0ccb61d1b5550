/* uthread-noexit: switching between user threads costs no system
   call and no VM exit.  Four user threads on two kernel threads yield
   to each other 5,000 times each, doing nothing else.  The guest
   kernel prints the program's system calls next to the library's
   switch count, and the kernel test adds the VM's exits: both stay
   far below the switches. */

#include "hv/guest/guest.h"
#include "hv/guest/uthread.h"

const char test_name[] = "uthread-noexit";

#define NOEXIT_THREADS 4
#define NOEXIT_VPS 2
#define NOEXIT_YIELDS 2500

/* A user thread: nothing but yields. */
static void USER_CODE
noexit_thread (void *aux UNUSED)
{
  for (int i = 0; i < NOEXIT_YIELDS; i++)
    {
      uthread_progress ();
      uthread_yield ();
    }
}

/* Run by VP 0 first: creates the threads. */
static void USER_CODE
noexit_setup (void)
{
  for (int i = 0; i < NOEXIT_THREADS; i++)
    uthread_create (noexit_thread, NULL);
}

int
main (void)
{
  struct user_result result;

  user_init ();
  uthread_report_name (test_name);
  msg ("%d user threads on %d kernel threads yield %d times each",
       NOEXIT_THREADS, NOEXIT_VPS, NOEXIT_YIELDS);
  uthread_report_run (NOEXIT_VPS, noexit_setup, &result);
  msg ("system calls %u", result.syscalls);
  return 0;
}
