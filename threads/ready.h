/* The ready queue (threads/ready.c), private to the scheduler: how
   thread.c and mlfqs.c reach the threads that are ready to run.  The
   priority functions threads call are in thread.h. */
#ifndef THREADS_READY_H
#define THREADS_READY_H

#include "threads/thread.h"

void ready_init (void);
void ready_push (struct thread *);
struct thread *ready_pop (void);
/* LAB threads: priority */
int ready_count (void);
void ready_requeue (struct thread *, int priority);
/* END LAB */

#endif /* threads/ready.h */
