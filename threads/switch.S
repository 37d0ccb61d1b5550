/* switch_threads(CUR, NEXT): the context switch.  The caller-saved
   registers are already saved by the C calling convention; this saves
   the callee-saved ones on CUR's stack, swaps stacks, and restores
   NEXT's.  Layout: struct switch_threads_frame in threads/switch.h. */

#include "threads/switch.h"

        .text
        .globl switch_threads
        .func switch_threads
switch_threads:
        pushl %ebx
        pushl %ebp
        pushl %esi
        pushl %edi

        movl thread_stack_ofs, %edx
        movl SWITCH_CUR(%esp), %eax
        movl %esp, (%eax, %edx)          # CUR->stack = %esp.
        movl SWITCH_NEXT(%esp), %ecx
        movl (%ecx, %edx), %esp          # %esp = NEXT->stack.

        popl %edi
        popl %esi
        popl %ebp
        popl %ebx
        ret                               # Returns CUR in %eax.
        .endfunc

/* A new thread's first switch_threads() "returns" here, with the
   previous thread in %eax: finish the switch, then return into
   kernel_thread() through the frame thread_create() built. */
        .globl switch_entry
        .func switch_entry
switch_entry:
        addl $8, %esp                     # Drop CUR and NEXT.
        pushl %eax
        call thread_schedule_tail
        addl $4, %esp
        ret
        .endfunc
