/* Interrupt entry and exit.  The IDT sends each vector to its own
   small stub, generated below, which pushes whatever makes every
   vector's stack alike; the common code then saves the registers,
   which completes a struct intr_frame (threads/interrupt.h), and
   passes it to intr_handler().  Frame offsets: threads/intr-stubs.h. */

#include "threads/intr-stubs.h"
#include "threads/loader.h"

        .text

/* Common entry: save what the interrupted code was using, enter the
   kernel's data segments, and call intr_handler (FRAME), which
   returns the frame to resume. */
        .type intr_entry, @function
intr_entry:
        pushal
        pushl %gs
        pushl %fs
        pushl %es
        pushl %ds
        cld                               # The C ABI assumes DF = 0.
        movl $SEL_KDSEG, %eax
        movw %ax, %ds
        movw %ax, %es
        leal INTR_FRAME_FP_OFS(%esp), %ebp
        pushl %esp
        call intr_handler
        movl %eax, %esp                   # Drops the argument, too.
        # Falls through.
        .size intr_entry, . - intr_entry

/* Resumes from the struct intr_frame at %esp. */
        .globl intr_exit
        .type intr_exit, @function
intr_exit:
        popl %ds
        popl %es
        popl %fs
        popl %gs
        popal
        addl $INTR_FRAME_STUB_BYTES, %esp
        iret
        .size intr_exit, . - intr_exit

/* intr_stubs[]: the address of each vector's stub, in vector order.
   On entry to a stub the stack holds what the CPU pushed, and for
   vectors 8, 10-14, 17, 21, 29 and 30 that includes an error code.
   Other stubs push 0 in its place.  Either way the stub leaves the
   interrupted %ebp in the slot just under the saved EIP, so that the
   two form a stack frame a backtrace can follow. */
        .pushsection .rodata
        .balign 4
        .globl intr_stubs
intr_stubs:
        .popsection

        .set vec, 0
        .rept INTR_STUB_CNT
        .pushsection .rodata
        .long 1f
        .popsection
1:
        .if vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || vec == 21 || vec == 29 || vec == 30
        pushl (%esp)                      # The error code, one slot lower;
        movl %ebp, 4(%esp)                # %ebp where it was.
        .else
        pushl %ebp
        pushl $0                          # Stands in for an error code.
        .endif
        pushl $vec
        jmp intr_entry
        .set vec, vec + 1
        .endr
