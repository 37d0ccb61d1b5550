/* The layout contract between threads/switch.S, the context switch,
   and the C code that builds and resumes thread stacks.  Constants
   here are the only numbers switch.S uses; the static assertions
   below (and one in threads/thread.c) fail the build if a struct
   stops matching them. */
#ifndef THREADS_SWITCH_H
#define THREADS_SWITCH_H

/* Byte offset in struct thread of the saved stack pointer
   (struct thread's `stack', its first field). */
#define SWITCH_THREAD_SP 0

/* Bytes of struct switch_frame: four saved registers and a return
   address.  switch_threads()'s arguments lie just above it. */
#define SWITCH_FRAME_SIZE 20
#define SWITCH_ARG_CUR  (SWITCH_FRAME_SIZE + 0)   /* First argument. */
#define SWITCH_ARG_NEXT (SWITCH_FRAME_SIZE + 4)   /* Second argument. */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct thread;

/* What a suspended thread's stack holds at its saved stack pointer:
   the callee-saved registers switch_threads() pushed, lowest address
   first, then where switch_threads() returns to.  For a thread that
   has never run, threads/thread.c fills one in by hand: EIP is
   switch_launch, EBX the thread's function and ESI its argument. */
struct switch_frame
  {
    uint32_t edi;               /* +0x00 */
    uint32_t esi;               /* +0x04 New thread: its argument. */
    uint32_t ebx;               /* +0x08 New thread: its function. */
    uint32_t ebp;               /* +0x0c 0 ends a backtrace. */
    void (*eip) (void);         /* +0x10 Where switch_threads() returns. */
  };

_Static_assert (offsetof (struct switch_frame, edi) == 0x00, "switch.S pops edi first");
_Static_assert (offsetof (struct switch_frame, esi) == 0x04, "then esi");
_Static_assert (offsetof (struct switch_frame, ebx) == 0x08, "then ebx");
_Static_assert (offsetof (struct switch_frame, ebp) == 0x0c, "then ebp");
_Static_assert (offsetof (struct switch_frame, eip) == 0x10, "then returns");
_Static_assert (sizeof (struct switch_frame) == SWITCH_FRAME_SIZE,
                "switch.S finds its arguments above the frame");

/* Suspends the running thread CUR, leaving a struct switch_frame on
   its stack and its stack pointer in CUR, and resumes NEXT from the
   frame on NEXT's stack.  Returns (in CUR) when some later call
   switches back to CUR.  Interrupts must be off. */
void switch_threads (struct thread *cur, struct thread *next);

/* The first code a new thread runs: calls thread_launch() (in
   threads/thread.c) with the body and argument that the thread's
   first switch_frame holds in EBX and ESI.  Never returns. */
void switch_launch (void);

/* Defined in threads/thread.c: where switch_launch goes, with the new
   thread's BODY and AUX.  Never returns. */
void thread_launch (void (*body) (void *aux), void *aux);
#endif

#endif /* threads/switch.h */
