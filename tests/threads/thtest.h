/* Helpers shared by the threads-lab tests: creating test threads,
   checking which scheduler runs, sleeping with a check that the
   sleeper really slept, spinning on the timer, and the consistency
   check every MLFQS test makes. */
#ifndef TESTS_THREADS_THTEST_H
#define TESTS_THREADS_THTEST_H

#include <stdint.h>
#include "tests/base/check.h"
#include "devices/timer.h"
#include "threads/thread.h"

/* Scheduler checks: fail the test if the kernel runs the other one. */
void thtest_require_priority (void);
void thtest_require_mlfqs (void);

/* Threads. */
void thtest_spawn (const char *name, int priority, thread_func *, void *aux);
void thtest_join_init (int count);
void thtest_join_done (void);
void thtest_join (void);

/* Time. */
int64_t thtest_sleep_until (const char *who, int64_t tick);
void thtest_spin_until (int64_t tick);
int64_t thtest_next_second (void);

/* MLFQS.  The tests time their phases in half seconds off the
   scheduler's once-a-second updates, so that which threads were
   ready at an update never depends on a tick more or less. */
#define THTEST_HALF_SECOND (TIMER_FREQ / 2)
int64_t thtest_mlfqs_start (void);
void thtest_print_load (const char *when);
void thtest_mlfqs_check (const char *who);

#endif /* tests/threads/thtest.h */
