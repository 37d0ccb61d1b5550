/* The one instruction through which the kernel touches user memory.
   If it faults on a bad user address, the page-fault handler calls
   uaccess_fixup() (userprog/uaccess.c), which resumes at
   uaccess_copy_done instead of panicking: %ecx then holds the bytes
   not copied, which become the return value. */

        .text

/* size_t uaccess_copy (void *dst, const void *src, size_t size):
   copies SIZE bytes from SRC to DST; returns 0, or the number of
   bytes left when a fault stopped the copy. */
        .globl uaccess_copy
        .globl uaccess_copy_insn
        .globl uaccess_copy_done
        .func uaccess_copy
uaccess_copy:
        pushl %esi
        pushl %edi
        movl 12(%esp), %edi               # DST (above two saved
        movl 16(%esp), %esi               # SRC  registers and the
        movl 20(%esp), %ecx               # SIZE return address).
uaccess_copy_insn:
        rep movsb                         # A fault leaves %ecx = bytes left.
uaccess_copy_done:
        movl %ecx, %eax
        popl %edi
        popl %esi
        ret
        .endfunc
