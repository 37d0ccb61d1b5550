/* The world switch: the hv's only assembly.  See hv/vmrun.h for the
   contract.

   void svm_world_switch (struct vmrun_regs *regs, uint32_t guest_vmcb,
                          uint32_t host_vmcb);

   Sequence: clgi; vmsave host; vmload guest; vmrun; vmsave guest;
   vmload host; stgi, with the x87/SSE state swapped on either side
   of vmrun.  GIF stays clear from clgi to stgi, so no
   interrupt can land while the CPU holds half host, half guest state.
   IF is set inside that window: with V_INTR_MASKING the host's IF at
   VMRUN decides whether physical interrupts reach the guest, and they
   must, as INTR exits, or a spinning guest would own the CPU.  It is
   cleared again before stgi: the interrupt that made the guest exit
   waits until the caller enables interrupts. */

#include "hv/vmrun.h"

        .text
        .globl svm_world_switch
        .type svm_world_switch, @function
svm_world_switch:
        # #VMEXIT restores only EAX, ESP and EIP: keep the host's
        # callee-saved registers on its stack.
        pushl %ebp
        pushl %ebx
        pushl %esi
        pushl %edi
        movl 20(%esp), %ecx             # REGS
        movl 24(%esp), %edx             # GUEST_VMCB
        movl 28(%esp), %esi             # HOST_VMCB
        pushl %ecx                      # 4(%esp) after the next push
        pushl %esi                      # 0(%esp)

        clgi
        sti
        movl %esi, %eax
        vmsave                          # host FS, GS, TR, LDTR, SYSENTER
        movl %edx, %eax
        vmload                          # the guest's
        # x87/SSE state is not part of VMRUN: keep the host's and load
        # the guest's (hv/fpu.c), still under CLGI.
        movl VMRUN_REGS_FPU_HOST(%ecx), %ebx
        fxsave (%ebx)
        movl VMRUN_REGS_FPU_GUEST(%ecx), %ebx
        fxrstor (%ebx)

        movl VMRUN_REGS_EBX(%ecx), %ebx
        movl VMRUN_REGS_EDX(%ecx), %edx
        movl VMRUN_REGS_ESI(%ecx), %esi
        movl VMRUN_REGS_EDI(%ecx), %edi
        movl VMRUN_REGS_EBP(%ecx), %ebp
        movl VMRUN_REGS_ECX(%ecx), %ecx
        vmrun                           # EAX = GUEST_VMCB

        # #VMEXIT: host ESP and EIP are back, EAX = GUEST_VMCB again,
        # GIF is clear, every other register still holds the guest's.
        pushl %ecx                      # guest ECX, freeing ECX
        movl 8(%esp), %ecx              # REGS
        movl %ebx, VMRUN_REGS_EBX(%ecx)
        movl %edx, VMRUN_REGS_EDX(%ecx)
        movl %esi, VMRUN_REGS_ESI(%ecx)
        movl %edi, VMRUN_REGS_EDI(%ecx)
        movl %ebp, VMRUN_REGS_EBP(%ecx)
        popl VMRUN_REGS_ECX(%ecx)
        vmsave                          # guest FS, GS, TR, ... into its VMCB
        movl VMRUN_REGS_FPU_GUEST(%ecx), %edx
        fxsave (%edx)                   # the guest's x87/SSE state
        movl VMRUN_REGS_FPU_HOST(%ecx), %edx
        fxrstor (%edx)                  # and the host's back
        popl %eax                       # HOST_VMCB
        vmload
        # Return with IF clear, so the caller can read the TSC before
        # the host interrupt that made the guest exit is taken.
        cli
        stgi

        addl $4, %esp                   # REGS
        popl %edi
        popl %esi
        popl %ebx
        popl %ebp
        ret
        .size svm_world_switch, . - svm_world_switch
