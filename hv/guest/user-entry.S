/* The two crossings between guest ring 0 and ring 3 that C cannot
   write: the system-call entry behind the DPL-3 gate, which hands
   the caller's registers to user_syscall () (user.c) and returns its
   result in EAX, and the IRET that first enters ring 3. */

#include "hv/guest/user.h"

        .text
        .globl user_syscall_entry
        .func user_syscall_entry
/* Reached through the interrupt gate at USER_SYSCALL_VECTOR, on the
   kernel thread's stack (its VCPU's TSS ESP0), interrupts off.  Pushes
   the general registers as struct user_frame's first fields and passes
   a pointer to them; the C side writes the result into the saved EAX.
   DS and ES are ring 3's to set, even to null: they are saved, the
   flat ring-3 data selector (usable by ring 0 too) is loaded for the
   kernel, and ring 3's come back on the way out. */
user_syscall_entry:
        pushal
        pushl %ds
        pushl %es
        movl $USER_SEL_UDATA, %eax
        movw %ax, %ds
        movw %ax, %es
        cld
        leal 8(%esp), %eax              # The PUSHAL frame.
        pushl %eax
        call user_syscall
        addl $4, %esp
        popl %es
        popl %ds
        popal
        iret
        .endfunc

        .globl user_iret
        .func user_iret
/* void user_iret (uint32_t eip, uint32_t esp) NO_RETURN: enters ring 3
   at EIP with stack ESP and interrupts on.  The data segment registers
   get the flat ring-3 selector first: IRET to ring 3 would clear a
   ring-0 one, and ring 0 can use this one as well. */
user_iret:
        movl 4(%esp), %eax              # EIP
        movl 8(%esp), %ecx              # ESP
        movl $USER_SEL_UDATA, %edx
        movw %dx, %ds
        movw %dx, %es
        movw %dx, %fs
        movw %dx, %gs
        pushl $USER_SEL_UDATA           # SS
        pushl %ecx                      # ESP
        pushl $0x202                    # EFLAGS: IF, and bit 1 (always 1).
        pushl $USER_SEL_UCODE           # CS
        pushl %eax                      # EIP
        iret
        .endfunc
