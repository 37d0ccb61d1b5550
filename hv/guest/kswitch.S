/* The guest kernel's only assembly: the switch from one kernel thread's
   stack to another's, and the first instructions a secondary VCPU runs.
   The offset it relies on, struct kthread's ESP at +0, is checked by a
   static assertion in kthread.c. */

#define KTHREAD_ESP 0           /* offsetof (struct kthread, esp). */

        .text

/* void kswitch (struct kthread *CUR, struct kthread *NEXT);

   Saves the registers a C callee must preserve on CUR's stack, stores
   the stack pointer in CUR, loads NEXT's and returns on NEXT's stack,
   where NEXT once called kswitch itself (or where kthread_create laid
   out a frame that looks so).  Interrupts must be off. */
        .globl kswitch
        .type kswitch, @function
kswitch:
        movl 4(%esp), %eax
        movl 8(%esp), %edx
        pushl %ebp
        pushl %ebx
        pushl %esi
        pushl %edi
        movl %esp, KTHREAD_ESP(%eax)
        movl KTHREAD_ESP(%edx), %esp
        popl %edi
        popl %esi
        popl %ebx
        popl %ebp
        ret
        .size kswitch, . - kswitch

/* Entry of a secondary VCPU (HC_VCPU_UP): the hv gives the VCPU's
   number in EAX and the stack smp.c chose in ESP.  Passes the number
   to smp_secondary_main, which never returns. */
        .globl smp_entry
        .type smp_entry, @function
smp_entry:
        pushl %eax
        call smp_secondary_main
1:      cli
        hlt
        jmp 1b
        .size smp_entry, . - smp_entry

        .section .note.GNU-stack, "", @progbits
