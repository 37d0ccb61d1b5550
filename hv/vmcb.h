/* The virtual machine control block (AMD APM vol. 2, appendix B):
   one 4 KiB page per VCPU, a control area (what to intercept, what
   to inject, why the guest exited) followed by the guest's saved
   state.  Every field carries its byte offset, and the build checks
   them, so a layout mistake fails to compile instead of silently
   running a different guest. */
#ifndef HV_VMCB_H
#define HV_VMCB_H

#include <stddef.h>
#include <stdint.h>

/* One segment register in the state-save area. */
struct vmcb_seg
  {
    uint16_t selector;          /* +0x0 */
    uint16_t attrib;            /* +0x2 Descriptor bits 47:40 | 55:52 << 8. */
    uint32_t limit;             /* +0x4 Expanded (byte-granular) limit. */
    uint64_t base;              /* +0x8 */
  };

/* Segment attributes, packed as VMCB_SEG_ATTRIB wants: type in bits
   3:0, S 4, DPL 6:5, P 7, AVL 8, L 9, D/B 10, G 11. */
#define VMCB_ATTR_CODE32 0xc9b  /* Flat 32-bit code, ring 0, accessed. */
#define VMCB_ATTR_DATA32 0xc93  /* Flat 32-bit data, ring 0, accessed. */
#define VMCB_ATTR_TSS32  0x08b  /* Busy 32-bit TSS. */
#define VMCB_ATTR_LDT    0x082  /* LDT. */

/* The control area, offsets 0x000-0x3ff. */
struct vmcb_control
  {
    uint32_t intercept_cr;      /* +0x000 Reads 15:0, writes 31:16. */
    uint32_t intercept_dr;      /* +0x004 Reads 15:0, writes 31:16. */
    uint32_t intercept_exc;     /* +0x008 One bit per exception vector. */
    uint32_t intercept_misc1;   /* +0x00c INTERCEPT_* (vector 3). */
    uint32_t intercept_misc2;   /* +0x010 INTERCEPT2_* (vector 4). */
    uint8_t reserved1[0x3c - 0x14];
    uint16_t pause_threshold;   /* +0x03c PAUSE_FILTER_THRESHOLD */
    uint16_t pause_count;       /* +0x03e PAUSE_FILTER_COUNT */
    uint64_t iopm_base_pa;      /* +0x040 IOPM_BASE_PA */
    uint64_t msrpm_base_pa;     /* +0x048 MSRPM_BASE_PA */
    uint64_t tsc_offset;        /* +0x050 TSC_OFFSET */
    uint32_t asid;              /* +0x058 Guest ASID */
    uint8_t tlb_control;        /* +0x05c TLB_CONTROL */
    uint8_t reserved2[3];
    uint32_t int_ctl;           /* +0x060 V_TPR, V_IRQ, V_INTR_PRIO, ... */
    uint32_t int_vector;        /* +0x064 V_INTR_VECTOR (bits 7:0) */
    uint64_t int_state;         /* +0x068 INTERRUPT_SHADOW (bit 0) */
    uint64_t exit_code;         /* +0x070 EXITCODE */
    uint64_t exit_info1;        /* +0x078 EXITINFO1 */
    uint64_t exit_info2;        /* +0x080 EXITINFO2 */
    uint64_t exit_int_info;     /* +0x088 EXITINTINFO */
    uint64_t np_enable;         /* +0x090 NP_ENABLE (bit 0) */
    uint8_t reserved3[0xa8 - 0x98];
    uint64_t event_inj;         /* +0x0a8 EVENTINJ */
    uint64_t n_cr3;             /* +0x0b0 N_CR3: nested page table */
    uint64_t lbr_ctl;           /* +0x0b8 LBR_VIRTUALIZATION_ENABLE */
    uint32_t clean;             /* +0x0c0 VMCB clean bits */
    uint32_t reserved4;
    uint64_t next_rip;          /* +0x0c8 nRIP */
    uint8_t insn_len;           /* +0x0d0 Number of bytes fetched */
    uint8_t insn_bytes[15];     /* +0x0d1 Guest instruction bytes */
    uint8_t reserved5[0x400 - 0xe0];
  };

/* The state-save area, offsets 0x400-0xfff. */
struct vmcb_save
  {
    struct vmcb_seg es;         /* +0x400 */
    struct vmcb_seg cs;         /* +0x410 */
    struct vmcb_seg ss;         /* +0x420 */
    struct vmcb_seg ds;         /* +0x430 */
    struct vmcb_seg fs;         /* +0x440 */
    struct vmcb_seg gs;         /* +0x450 */
    struct vmcb_seg gdtr;       /* +0x460 Only limit and base count. */
    struct vmcb_seg ldtr;       /* +0x470 */
    struct vmcb_seg idtr;       /* +0x480 Only limit and base count. */
    struct vmcb_seg tr;         /* +0x490 */
    uint8_t reserved1[0x4cb - 0x4a0];
    uint8_t cpl;                /* +0x4cb CPL */
    uint32_t reserved2;
    uint64_t efer;              /* +0x4d0 EFER */
    uint8_t reserved3[0x548 - 0x4d8];
    uint64_t cr4;               /* +0x548 CR4 */
    uint64_t cr3;               /* +0x550 CR3 */
    uint64_t cr0;               /* +0x558 CR0 */
    uint64_t dr7;               /* +0x560 DR7 */
    uint64_t dr6;               /* +0x568 DR6 */
    uint64_t rflags;            /* +0x570 RFLAGS */
    uint64_t rip;               /* +0x578 RIP */
    uint8_t reserved4[0x5d8 - 0x580];
    uint64_t rsp;               /* +0x5d8 RSP */
    uint8_t reserved5[0x5f8 - 0x5e0];
    uint64_t rax;               /* +0x5f8 RAX */
    uint64_t star;              /* +0x600 STAR */
    uint64_t lstar;             /* +0x608 LSTAR */
    uint64_t cstar;             /* +0x610 CSTAR */
    uint64_t sfmask;            /* +0x618 SFMASK */
    uint64_t kernel_gs_base;    /* +0x620 KernelGsBase */
    uint64_t sysenter_cs;       /* +0x628 SYSENTER_CS */
    uint64_t sysenter_esp;      /* +0x630 SYSENTER_ESP */
    uint64_t sysenter_eip;      /* +0x638 SYSENTER_EIP */
    uint64_t cr2;               /* +0x640 CR2 */
    uint8_t reserved6[0x668 - 0x648];
    uint64_t g_pat;             /* +0x668 G_PAT: guest PAT under NPT */
    uint64_t dbgctl;            /* +0x670 DBGCTL */
    uint8_t reserved7[0x1000 - 0x678];
  };

/* A whole VMCB. */
struct vmcb
  {
    struct vmcb_control control; /* +0x000 */
    struct vmcb_save save;      /* +0x400 */
  };

/* The build fails here if any field above moved. */
#define VMCB_AT(FIELD, OFS) \
  _Static_assert (offsetof (struct vmcb, FIELD) == (OFS), #FIELD " offset")
VMCB_AT (control.intercept_misc1, 0x00c);
VMCB_AT (control.intercept_misc2, 0x010);
VMCB_AT (control.pause_threshold, 0x03c);
VMCB_AT (control.iopm_base_pa, 0x040);
VMCB_AT (control.msrpm_base_pa, 0x048);
VMCB_AT (control.tsc_offset, 0x050);
VMCB_AT (control.asid, 0x058);
VMCB_AT (control.tlb_control, 0x05c);
VMCB_AT (control.int_ctl, 0x060);
VMCB_AT (control.int_vector, 0x064);
VMCB_AT (control.int_state, 0x068);
VMCB_AT (control.exit_code, 0x070);
VMCB_AT (control.exit_info1, 0x078);
VMCB_AT (control.exit_info2, 0x080);
VMCB_AT (control.exit_int_info, 0x088);
VMCB_AT (control.np_enable, 0x090);
VMCB_AT (control.event_inj, 0x0a8);
VMCB_AT (control.n_cr3, 0x0b0);
VMCB_AT (control.clean, 0x0c0);
VMCB_AT (control.next_rip, 0x0c8);
VMCB_AT (control.insn_len, 0x0d0);
VMCB_AT (save.es, 0x400);
VMCB_AT (save.cs, 0x410);
VMCB_AT (save.gdtr, 0x460);
VMCB_AT (save.idtr, 0x480);
VMCB_AT (save.tr, 0x490);
VMCB_AT (save.cpl, 0x4cb);
VMCB_AT (save.efer, 0x4d0);
VMCB_AT (save.cr4, 0x548);
VMCB_AT (save.cr0, 0x558);
VMCB_AT (save.rflags, 0x570);
VMCB_AT (save.rip, 0x578);
VMCB_AT (save.rsp, 0x5d8);
VMCB_AT (save.rax, 0x5f8);
VMCB_AT (save.sysenter_cs, 0x628);
VMCB_AT (save.cr2, 0x640);
VMCB_AT (save.g_pat, 0x668);
_Static_assert (sizeof (struct vmcb_seg) == 16, "VMCB segment size");
_Static_assert (sizeof (struct vmcb) == 4096, "VMCB is one page");
#undef VMCB_AT

/* intercept_cr: reads of CRN (bit N) and writes (bit 16 + N).  Nested
   paging needs only the CR0 and CR4 writes; shadow paging (hv/shadow.c)
   takes the reads and writes of CR0, CR3 and CR4. */
#define INTERCEPT_CR0_READ  (1u << 0)
#define INTERCEPT_CR3_READ  (1u << 3)
#define INTERCEPT_CR4_READ  (1u << 4)
#define INTERCEPT_CR0_WRITE (1u << 16)
#define INTERCEPT_CR3_WRITE (1u << 19)
#define INTERCEPT_CR4_WRITE (1u << 20)

/* intercept_dr: reads (bit N) and writes (bit 16 + N) of DR0-DR7. */
#define INTERCEPT_DR_ALL    0x00ff00ffu

/* intercept_misc1 (the manual's intercept vector 3). */
#define INTERCEPT_INTR      (1u << 0)
#define INTERCEPT_NMI       (1u << 1)
#define INTERCEPT_SMI       (1u << 2)
#define INTERCEPT_INIT      (1u << 3)
#define INTERCEPT_VINTR     (1u << 4)
#define INTERCEPT_RDTSC     (1u << 14)
#define INTERCEPT_RDPMC     (1u << 15)
#define INTERCEPT_CPUID     (1u << 18)
#define INTERCEPT_HLT       (1u << 24)
#define INTERCEPT_INVLPG    (1u << 25)
#define INTERCEPT_INVLPGA   (1u << 26)
#define INTERCEPT_IOIO_PROT (1u << 27)
#define INTERCEPT_MSR_PROT  (1u << 28)
#define INTERCEPT_SHUTDOWN  (1u << 31)

/* intercept_misc2 (the manual's intercept vector 4). */
#define INTERCEPT2_VMRUN    (1u << 0)
#define INTERCEPT2_VMMCALL  (1u << 1)
#define INTERCEPT2_VMLOAD   (1u << 2)
#define INTERCEPT2_VMSAVE   (1u << 3)
#define INTERCEPT2_STGI     (1u << 4)
#define INTERCEPT2_CLGI     (1u << 5)
#define INTERCEPT2_SKINIT   (1u << 6)
#define INTERCEPT2_RDTSCP   (1u << 7)

/* tlb_control. */
#define TLB_CONTROL_DO_NOTHING 0
#define TLB_CONTROL_FLUSH_ALL  1

/* int_ctl. */
#define V_TPR_MASK        0x0000000fu
#define V_IRQ             (1u << 8)
#define V_INTR_PRIO_SHIFT 16
#define V_IGN_TPR         (1u << 20)
#define V_INTR_MASKING    (1u << 24)

/* int_state. */
#define INT_STATE_SHADOW  1u    /* The guest is in an interrupt shadow
                                   (just after STI or MOV SS). */

/* np_enable. */
#define NP_ENABLE         1u

/* event_inj and exit_int_info: vector 7:0, type 10:8, EV 11, V 31;
   the error code in bits 63:32. */
#define EVENT_VECTOR_MASK 0xffu
#define EVENT_TYPE_INTR   (0u << 8)     /* External interrupt. */
#define EVENT_TYPE_NMI    (2u << 8)
#define EVENT_TYPE_EXCEPT (3u << 8)     /* Fault or trap. */
#define EVENT_TYPE_SOFT   (4u << 8)     /* Software interrupt (INTn). */
#define EVENT_TYPE_MASK   (7u << 8)
#define EVENT_ERROR_VALID (1u << 11)    /* EV: push the error code. */
#define EVENT_VALID       (1u << 31)    /* V */

/* Exception vectors the hv intercepts or injects. */
#define VEC_NMI 2               /* Non-maskable interrupt. */
#define VEC_UD 6                /* Invalid opcode. */
#define VEC_DF 8                /* Double fault. */
#define VEC_GP 13               /* General protection. */
#define VEC_PF 14               /* Page fault. */

/* Exit codes (EXITCODE). */
#define SVM_EXIT_CR0_READ   0x000   /* + N for CRN. */
#define SVM_EXIT_CR3_READ   0x003
#define SVM_EXIT_CR4_READ   0x004
#define SVM_EXIT_CR0_WRITE  0x010   /* + N for CRN. */
#define SVM_EXIT_CR3_WRITE  0x013
#define SVM_EXIT_CR4_WRITE  0x014
#define SVM_EXIT_DR0_READ   0x020   /* + N for DRN. */
#define SVM_EXIT_DR7_READ   0x027
#define SVM_EXIT_DR0_WRITE  0x030   /* + N for DRN. */
#define SVM_EXIT_DR7_WRITE  0x037
#define SVM_EXIT_EXCP_BASE  0x040
#define SVM_EXIT_DF         (SVM_EXIT_EXCP_BASE + VEC_DF)
#define SVM_EXIT_PF         (SVM_EXIT_EXCP_BASE + VEC_PF)
#define SVM_EXIT_INTR       0x060
#define SVM_EXIT_NMI        0x061
#define SVM_EXIT_SMI        0x062
#define SVM_EXIT_INIT       0x063
#define SVM_EXIT_VINTR      0x064
#define SVM_EXIT_RDTSC      0x06e
#define SVM_EXIT_RDPMC      0x06f
#define SVM_EXIT_CPUID      0x072
#define SVM_EXIT_HLT        0x078
#define SVM_EXIT_INVLPG     0x079
#define SVM_EXIT_INVLPGA    0x07a
#define SVM_EXIT_IOIO       0x07b
#define SVM_EXIT_MSR        0x07c
#define SVM_EXIT_SHUTDOWN   0x07f
#define SVM_EXIT_VMRUN      0x080
#define SVM_EXIT_VMMCALL    0x081
#define SVM_EXIT_VMLOAD     0x082
#define SVM_EXIT_VMSAVE     0x083
#define SVM_EXIT_STGI       0x084
#define SVM_EXIT_CLGI       0x085
#define SVM_EXIT_SKINIT     0x086
#define SVM_EXIT_RDTSCP     0x087
#define SVM_EXIT_NPF        0x400
#define SVM_EXIT_INVALID    0xffffffffu     /* VMEXIT_INVALID (-1); QEMU stores
                                               it zero-extended, Bochs
                                               sign-extended: compare the
                                               low 32 bits. */

/* IOIO EXITINFO1. */
#define IOIO_IN           (1u << 0)     /* TYPE: 1 = IN, 0 = OUT. */
#define IOIO_STR          (1u << 2)     /* INS or OUTS. */
#define IOIO_REP          (1u << 3)     /* REP prefix. */
#define IOIO_SZ8          (1u << 4)     /* Operand sizes. */
#define IOIO_SZ16         (1u << 5)
#define IOIO_SZ32         (1u << 6)
#define IOIO_A16          (1u << 7)     /* Address size of INS/OUTS. */
#define IOIO_PORT_SHIFT   16

/* NPF EXITINFO1 (a page-fault error code). */
#define NPF_PRESENT       (1u << 0)     /* The page was mapped. */
#define NPF_WRITE         (1u << 1)
#define NPF_FETCH         (1u << 4)
#define NPF_FINAL_ADDR    (1ull << 32)  /* During the access itself. */
#define NPF_GUEST_WALK    (1ull << 33)  /* During the guest's table walk. */

/* Sizes of the permission maps. */
#define IOPM_PAGES  3                   /* 12 KiB: one bit per port. */
#define MSRPM_PAGES 2                   /* 8 KiB: two bits per MSR. */

void vmcb_init (struct vmcb *, uint32_t asid, uint32_t iopm_pa,
                uint32_t msrpm_pa, uint32_t npt_pa);
void vmcb_init_shadow (struct vmcb *);
void vmcb_init_guest (struct vmcb *, uint32_t entry, uint32_t stack);
const char *vmcb_check_guest (const struct vmcb *);
const char *vmcb_diagnose (const struct vmcb *, uint64_t efer, uint64_t cr0);
void vmcb_dump (const struct vmcb *);

#endif /* hv/vmcb.h */
