/* The two crossings between guest ring 0 and ring 3 that C cannot
   write: the system-call entry behind the DPL-3 gate, which hands
   the caller's registers to user_syscall () (user.c) and returns its
   result in EAX, and the IRET that first enters ring 3. */

#include "hv/guest/user.h"

        .text
        .globl user_syscall_entry
        .func user_syscall_entry
/* Reached through the interrupt gate at USER_SYSCALL_VECTOR, on the
   kernel thread's stack (the TSS's ESP0), interrupts off.  Pushes the
   general registers as struct user_frame's first fields and passes a
   pointer to them; the C side writes the result into the saved EAX. */
user_syscall_entry:
        pushal
        cld
        pushl %esp
        call user_syscall
        addl $4, %esp
        popal
        iret
        .endfunc

        .globl user_iret
        .func user_iret
/* void user_iret (uint32_t eip, uint32_t esp) NO_RETURN: enters ring 3
   at EIP with stack ESP and interrupts on.  DS, ES, FS and GS already
   hold the ring-3 data selector (user.c loads it for ring 0 too). */
user_iret:
        movl 4(%esp), %eax              # EIP
        movl 8(%esp), %ecx              # ESP
        pushl $USER_SEL_UDATA           # SS
        pushl %ecx                      # ESP
        pushl $0x202                    # EFLAGS: IF, and bit 1 (always 1).
        pushl $USER_SEL_UCODE           # CS
        pushl %eax                      # EIP
        iret
        .endfunc
