/* The 4.4BSD-style scheduler that "-mlfqs" selects (threads/mlfqs.c):
   the hooks thread.c calls while thread_mlfqs is true.  What threads
   call, thread_set_nice () and the rest, is in thread.h. */
#ifndef THREADS_MLFQS_H
#define THREADS_MLFQS_H

struct thread;

void mlfqs_init_thread (struct thread *, const struct thread *creator);
void mlfqs_tick (struct thread *cur);

#endif /* threads/mlfqs.h */
