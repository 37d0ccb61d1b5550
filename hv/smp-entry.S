/* Assembly for the hv's other CPUs: the start-up trampoline they run
   from real mode, and the entry stubs of their interrupt table.

   The trampoline is never run where it is linked: hv/smp-boot.c
   copies it to the start-up page (SMP_TRAMP_PA) and writes its
   parameters at SMP_TRAMP_PARAMS in the same page, so every address
   below is that page's, computed at assembly time.  A start-up IPI
   starts the CPU in real mode at CS = SMP_TRAMP_VECTOR << 8, IP = 0. */

#include "hv/smp.h"

#define TP(OFS) (SMP_TRAMP_PA + SMP_TRAMP_PARAMS + (OFS))
#define TRAMP(SYM) (SMP_TRAMP_PA + (SYM) - smp_trampoline)

#define CR0_PE 0x1
#define SEL_CODE 0x08           /* The parameter GDT's code and data. */
#define SEL_DATA 0x10

        .text
        .code16
        .globl smp_trampoline
smp_trampoline:
        cli
        cld
        xorw %ax, %ax
        movw %ax, %ds
        lgdtl TP (SMP_TP_GDT_DESC)
        movl %cr0, %eax
        orl $CR0_PE, %eax
        movl %eax, %cr0
        ljmpl $SEL_CODE, $TRAMP (tramp_protected)

        .code32
tramp_protected:
        movw $SEL_DATA, %ax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %ss
        movw %ax, %fs
        movw %ax, %gs
        # PAE on before paging; the parameter PDPT maps the kernel's
        # page directory at 0 (this code) and at 3 GiB (the kernel).
        movl TP (SMP_TP_CR4), %eax
        movl %eax, %cr4
        movl $TP (SMP_TP_PDPT), %eax
        movl %eax, %cr3
        movl TP (SMP_TP_CR0), %eax
        movl %eax, %cr0
        movl TP (SMP_TP_STACK), %esp
        pushl TP (SMP_TP_CPU)
        movl TP (SMP_TP_ENTRY), %eax
        call *%eax                      # smp_ap_main: never returns.
1:      cli
        hlt
        jmp 1b
        .globl smp_trampoline_end
smp_trampoline_end:

/* Interrupt entry on the other CPUs.  Each stub pushes an error code
   (0 if the CPU pushed none) and its vector, so that every entry
   reaches smp_ap_interrupt with the same frame (struct smp_frame in
   hv/smp-ap.c). */
        .pushsection .data
        .balign 4
        .globl smp_ap_stubs
smp_ap_stubs:
        .popsection

        .macro ap_stub vec, has_error
        .text
1:      .if \has_error == 0
        pushl $0
        .endif
        pushl $\vec
        jmp smp_ap_common
        .pushsection .data
        .long 1b
        .popsection
        .endm

        # Exceptions 8, 10-14, 17, 21, 29 and 30 push an error code.
        ap_stub 0, 0
        ap_stub 1, 0
        ap_stub 2, 0
        ap_stub 3, 0
        ap_stub 4, 0
        ap_stub 5, 0
        ap_stub 6, 0
        ap_stub 7, 0
        ap_stub 8, 1
        ap_stub 9, 0
        ap_stub 10, 1
        ap_stub 11, 1
        ap_stub 12, 1
        ap_stub 13, 1
        ap_stub 14, 1
        ap_stub 15, 0
        ap_stub 16, 0
        ap_stub 17, 1
        ap_stub 18, 0
        ap_stub 19, 0
        ap_stub 20, 0
        ap_stub 21, 1
        ap_stub 22, 0
        ap_stub 23, 0
        ap_stub 24, 0
        ap_stub 25, 0
        ap_stub 26, 0
        ap_stub 27, 0
        ap_stub 28, 0
        ap_stub 29, 1
        ap_stub 30, 1
        ap_stub 31, 0
        ap_stub SMP_VEC_IPI, 0
        ap_stub SMP_VEC_TIMER, 0
        ap_stub SMP_VEC_SPURIOUS, 0

        .text
smp_ap_common:
        pushal
        pushl %esp                      # The frame.
        call smp_ap_interrupt
        addl $4, %esp
        popal
        addl $8, %esp                   # Vector and error code.
        iretl
