/* The system-call fuzzer shared by sc-fuzz (tests/userprog), its
   virtual-memory twin sc-fuzz-vm (tests/vm), their child child-fuzz,
   and "make fuzz": seeded random system calls with hostile arguments.

   A process makes a batch of calls that must not kill it, each with
   its result checked, and a child ends with one call that must kill
   it.  A runner process counts the children that did not end with
   exit(-1); the test around it compares the free-page count before
   and after the runner (fuzz-main.c). */
#ifndef TESTS_USERPROG_FUZZ_H
#define TESTS_USERPROG_FUZZ_H

#include <debug.h>
#include <stdbool.h>

/* Name of the child program, on the file system of every fuzz run. */
#define FUZZ_CHILD "child-fuzz"

/* The file in which a child records its seed just before its fatal
   call, so that its runner can tell that it was killed by that call
   and not by an earlier one. */
#define FUZZ_MARK "fz-mark"

void fuzz_start (unsigned seed, bool vm);
int fuzz_calls (int count);
void fuzz_fatal_call (void) NO_RETURN;
void fuzz_close_all (void);
void fuzz_mark (unsigned seed);
bool fuzz_marked (unsigned seed);

/* fuzz-main.c. */
int fuzz_run (unsigned seed, int rounds, bool vm);
int fuzz_main (int argc, char *argv[], bool vm);

#endif /* tests/userprog/fuzz.h */
