/* The context switch of hv/guest/uswitch.h: saves the callee-saved
   registers on the current stack, records its stack pointer, and
   continues on another stack.  It sits in the user sections so that
   user-level threads switch in ring 3, without a system call. */

        .section .user.text, "ax"
        .globl uswitch
        .func uswitch
/* void uswitch (uint32_t *save_esp, uint32_t next_esp) */
uswitch:
        movl 4(%esp), %eax              # SAVE_ESP
        movl 8(%esp), %ecx              # NEXT_ESP
        pushl %ebp
        pushl %ebx
        pushl %esi
        pushl %edi
        movl %esp, (%eax)
        movl %ecx, %esp
        popl %edi
        popl %esi
        popl %ebx
        popl %ebp
        ret
        .endfunc
