/* The context switch, and the first instructions of a new thread.
   Stack layout and offsets: threads/switch.h. */

#include "threads/switch.h"

        .text

/* switch_threads (CUR, NEXT) */
        .globl switch_threads
        .type switch_threads, @function
switch_threads:
        pushl %ebp                        # Build CUR's struct switch_frame;
        pushl %ebx                        # the C calling convention has
        pushl %esi                        # saved the other registers.
        pushl %edi
        movl SWITCH_ARG_CUR(%esp), %eax
        movl SWITCH_ARG_NEXT(%esp), %ecx
        movl %esp, SWITCH_THREAD_SP(%eax)
        movl SWITCH_THREAD_SP(%ecx), %esp # Now on NEXT's stack.
        popl %edi
        popl %esi
        popl %ebx
        popl %ebp
        ret
        .size switch_threads, . - switch_threads

/* Reached by the first switch_threads() into a new thread, with its
   body in %ebx and that body's argument in %esi. */
        .globl switch_launch
        .type switch_launch, @function
switch_launch:
        pushl %esi
        pushl %ebx
        call thread_launch                # thread_launch (BODY, AUX)
        .size switch_launch, . - switch_launch
