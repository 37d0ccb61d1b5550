/* The world switch (hv/vmrun.S): its C interface and the layout of
   the guest registers it loads and saves.  VMRUN and #VMEXIT move
   only RAX, RSP, RIP and the segment and control state through the
   VMCB; the general registers below travel through struct
   vmrun_regs, whose offsets vmrun.S uses and this header checks. */
#ifndef HV_VMRUN_H
#define HV_VMRUN_H

/* Byte offsets of struct vmrun_regs's fields, for vmrun.S. */
#define VMRUN_REGS_EBX 0x00
#define VMRUN_REGS_ECX 0x04
#define VMRUN_REGS_EDX 0x08
#define VMRUN_REGS_ESI 0x0c
#define VMRUN_REGS_EDI 0x10
#define VMRUN_REGS_EBP 0x14
#define VMRUN_REGS_FPU_GUEST 0x18
#define VMRUN_REGS_FPU_HOST  0x1c

/* Bytes of one FXSAVE image (16-byte aligned). */
#define FPU_IMAGE_SIZE 512

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

/* A guest's general registers outside the VMCB, and where the world
   switch keeps the guest's and the host's x87/SSE state (hv/fpu.c). */
struct vmrun_regs
  {
    uint32_t ebx;               /* +0x00 */
    uint32_t ecx;               /* +0x04 */
    uint32_t edx;               /* +0x08 */
    uint32_t esi;               /* +0x0c */
    uint32_t edi;               /* +0x10 */
    uint32_t ebp;               /* +0x14 */
    void *fpu_guest;            /* +0x18 The guest's FXSAVE image. */
    void *fpu_host;             /* +0x1c The host's, while the guest runs. */
  };

_Static_assert (offsetof (struct vmrun_regs, ebx) == VMRUN_REGS_EBX, "ebx");
_Static_assert (offsetof (struct vmrun_regs, ecx) == VMRUN_REGS_ECX, "ecx");
_Static_assert (offsetof (struct vmrun_regs, edx) == VMRUN_REGS_EDX, "edx");
_Static_assert (offsetof (struct vmrun_regs, esi) == VMRUN_REGS_ESI, "esi");
_Static_assert (offsetof (struct vmrun_regs, edi) == VMRUN_REGS_EDI, "edi");
_Static_assert (offsetof (struct vmrun_regs, ebp) == VMRUN_REGS_EBP, "ebp");
_Static_assert (offsetof (struct vmrun_regs, fpu_guest) == VMRUN_REGS_FPU_GUEST,
                "fpu_guest");
_Static_assert (offsetof (struct vmrun_regs, fpu_host) == VMRUN_REGS_FPU_HOST,
                "fpu_host");

/* Runs the guest whose VMCB is at physical address GUEST_VMCB with
   general registers REGS until its next #VMEXIT, saving the host's
   FS, GS, TR, LDTR and SYSENTER state in the page at physical address
   HOST_VMCB meanwhile.  Host interrupts that arrive while the guest
   runs cause an INTR exit and stay pending: this returns with
   interrupts off, and they are taken when the caller turns them on
   (after reading the TSC, say). */
void svm_world_switch (struct vmrun_regs *regs, uint32_t guest_vmcb,
                       uint32_t host_vmcb);
#endif

#endif /* hv/vmrun.h */
