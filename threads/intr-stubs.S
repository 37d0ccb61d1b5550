/* Interrupt entry.  Each of the 256 vectors gets a small stub,
   generated below, that makes the stack look the same whatever the
   vector (struct intr_frame in threads/interrupt.h), then jumps to
   intr_entry, which saves the registers and calls intr_handler(). */

#include "threads/loader.h"

/* Offset of frame_pointer in struct intr_frame. */
#define FRAME_POINTER_OFS 0x38

        .text
/* Saves the interrupted state, switches to kernel data segments and
   calls intr_handler (FRAME). */
        .func intr_entry
intr_entry:
        pushl %ds
        pushl %es
        pushl %fs
        pushl %gs
        pushal
        cld                               # The C ABI expects DF clear.
        movl $SEL_KDSEG, %eax
        movw %ax, %ds
        movw %ax, %es
        leal FRAME_POINTER_OFS(%esp), %ebp  # Backtraces run through here.
        pushl %esp
        call intr_handler
        addl $4, %esp
        .endfunc

/* Restores the state in the frame at %esp and returns from the
   interrupt. */
        .globl intr_exit
        .func intr_exit
intr_exit:
        popal
        popl %gs
        popl %fs
        popl %es
        popl %ds
        addl $12, %esp                    # Vector, error code, frame pointer.
        iret
        .endfunc

/* The per-vector stubs.  The CPU pushes an error code for vectors 8,
   10-14, 17, 21, 29 and 30; for the others the stub pushes 0.  Both
   then hold the interrupted %ebp just below the return address, so
   that slot and the saved EIP form a frame a backtrace can walk. */
        .data
        .globl intr_stubs
intr_stubs:

        .set vec, 0
        .rept 256
        .data
        .long 1f
        .text
1:
        .if vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || vec == 21 || vec == 29 || vec == 30
        pushl (%esp)                      # Copy the error code down,
        movl %ebp, 4(%esp)                # and put %ebp where it was.
        .else
        pushl %ebp
        pushl $0                          # No error code.
        .endif
        pushl $vec
        jmp intr_entry
        .set vec, vec + 1
        .endr
