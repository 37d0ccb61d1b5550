/* The context switch (threads/switch.S) and the stack frames a new
   thread starts from.  switch.S pushes and pops exactly the fields of
   struct switch_threads_frame, in this order. */
#ifndef THREADS_SWITCH_H
#define THREADS_SWITCH_H

#ifndef __ASSEMBLER__
#include <stdint.h>

struct thread;

/* What switch_threads() leaves on a stack it switches away from. */
struct switch_threads_frame
  {
    uint32_t edi;               /* +0x00 Callee-saved registers... */
    uint32_t esi;               /* +0x04 */
    uint32_t ebp;               /* +0x08 */
    uint32_t ebx;               /* +0x0c */
    void (*eip) (void);         /* +0x10 ...and the return address. */
    struct thread *cur;         /* +0x14 First argument. */
    struct thread *next;        /* +0x18 Second argument. */
  };

/* Saves the current thread's registers on its stack, records the
   stack pointer in CUR->stack, loads NEXT's stack and registers, and
   returns into NEXT, handing it CUR as the return value. */
struct thread *switch_threads (struct thread *cur, struct thread *next);

/* Where a new thread's first switch_threads() returns to. */
void switch_entry (void);

/* Byte offset of `stack' in struct thread, for switch.S. */
extern const uint32_t thread_stack_ofs;
#endif

/* Offsets of the arguments in struct switch_threads_frame. */
#define SWITCH_CUR  0x14
#define SWITCH_NEXT 0x18

#endif /* threads/switch.h */
