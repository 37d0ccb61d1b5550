/* What thread.c tells the rest of the scheduler, threads/ready.c and
   threads/mlfqs.c, and nothing outside threads/. */
#ifndef THREADS_SCHED_H
#define THREADS_SCHED_H

#include <stdbool.h>

struct thread;

bool thread_is_idle (const struct thread *);

#endif /* threads/sched.h */
