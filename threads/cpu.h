/* Inline access to CPU state the C compiler cannot reach: CPUID,
   model-specific registers, control registers, the time-stamp counter
   and TLB invalidation.  Used by the kernel core and by the hypervisor
   module. */
#ifndef THREADS_CPU_H
#define THREADS_CPU_H

#include <stdbool.h>
#include <stdint.h>

/* Registers returned by CPUID. */
struct cpuid_regs
  {
    uint32_t eax, ebx, ecx, edx;
  };

/* Executes CPUID with EAX = LEAF and ECX = SUBLEAF. */
static inline struct cpuid_regs
cpuid (uint32_t leaf, uint32_t subleaf)
{
  struct cpuid_regs r;
  asm volatile ("cpuid"
                : "=a" (r.eax), "=b" (r.ebx), "=c" (r.ecx), "=d" (r.edx)
                : "a" (leaf), "c" (subleaf));
  return r;
}

/* Model-specific registers used by Ringlet. */
#define MSR_EFER        0xc0000080      /* Extended feature enable. */
#define EFER_NXE        (1u << 11)      /* No-execute enable. */
#define EFER_SVME       (1u << 12)      /* Secure virtual machine enable. */
#define MSR_VM_HSAVE_PA 0xc0010117      /* Host save area for VMRUN. */
#define MSR_VM_CR       0xc0010114      /* SVM control (SVMDIS, bit 4). */

/* Returns model-specific register MSR. */
static inline uint64_t
rdmsr (uint32_t msr)
{
  uint32_t lo, hi;
  asm volatile ("rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr));
  return ((uint64_t) hi << 32) | lo;
}

/* Sets model-specific register MSR to VALUE. */
static inline void
wrmsr (uint32_t msr, uint64_t value)
{
  asm volatile ("wrmsr" : : "c" (msr), "a" ((uint32_t) value),
                "d" ((uint32_t) (value >> 32)));
}

/* Control registers. */
#define CR0_PE  0x00000001              /* Protected mode. */
#define CR0_MP  0x00000002              /* Monitor coprocessor (WAIT and TS). */
#define CR0_EM  0x00000004              /* Emulate the x87: its instructions trap. */
#define CR0_TS  0x00000008              /* Task switched (FPU lazy save). */
#define CR0_ET  0x00000010              /* Extension type: always 1. */
#define CR0_NE  0x00000020              /* x87 errors raise #MF, not FERR#/IRQ 13. */
#define CR0_WP  0x00010000              /* Write-protect in ring 0. */
#define CR0_AM  0x00040000              /* Alignment checks allowed. */
#define CR0_NW  0x20000000              /* Not write-through. */
#define CR0_CD  0x40000000              /* Cache disable. */
#define CR0_PG  0x80000000              /* Paging. */
#define CR4_VME 0x00000001              /* Virtual-8086 mode extensions. */
#define CR4_PVI 0x00000002              /* Protected-mode virtual interrupts. */
#define CR4_TSD 0x00000004              /* RDTSC only in ring 0. */
#define CR4_DE  0x00000008              /* Debugging extensions. */
#define CR4_PSE 0x00000010              /* Page size extension. */
#define CR4_PAE 0x00000020              /* Physical address extension. */
#define CR4_MCE 0x00000040              /* Machine-check exception. */
#define CR4_PGE 0x00000080              /* Global pages. */
#define CR4_PCE 0x00000100              /* RDPMC in any ring. */
#define CR4_OSFXSR 0x00000200           /* FXSAVE/FXRSTOR and SSE enabled. */
#define CR4_OSXMMEXCPT 0x00000400       /* SSE exceptions raise #XM. */

#define CPU_CR_ACCESSORS(N)                                             \
  static inline uint32_t rcr##N (void)                                  \
  {                                                                     \
    uint32_t v;                                                         \
    asm volatile ("movl %%cr" #N ", %0" : "=r" (v));                    \
    return v;                                                           \
  }                                                                     \
  static inline void lcr##N (uint32_t v)                                \
  {                                                                     \
    asm volatile ("movl %0, %%cr" #N : : "r" (v) : "memory");           \
  }

/* rcr0 ... rcr4 read a control register, lcr0 ... lcr4 load one. */
CPU_CR_ACCESSORS (0)
CPU_CR_ACCESSORS (2)
CPU_CR_ACCESSORS (3)
CPU_CR_ACCESSORS (4)

/* Returns the time-stamp counter. */
static inline uint64_t
rdtsc (void)
{
  uint32_t lo, hi;
  asm volatile ("rdtsc" : "=a" (lo), "=d" (hi));
  return ((uint64_t) hi << 32) | lo;
}

/* Removes the TLB entry for the page containing VA. */
static inline void
invlpg (const void *va)
{
  asm volatile ("invlpg (%0)" : : "r" (va) : "memory");
}

/* Returns the flags register. */
static inline uint32_t
read_eflags (void)
{
  uint32_t flags;
  asm volatile ("pushfl; popl %0" : "=g" (flags));
  return flags;
}

#define FLAG_IF 0x00000200              /* Interrupt flag. */
#define FLAG_DF 0x00000400              /* Direction flag: string ops go down. */

#endif /* threads/cpu.h */
