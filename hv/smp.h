/* The hv's other CPUs: what hv/smp-*.c share, and the layout of the
   start-up page that hv/smp-entry.S's trampoline reads.

   The host kernel runs on the boot CPU only.  When the hv loads on a
   machine with more CPUs (the firmware's MP table lists them), it
   starts each one (hv/smp-boot.c); each then runs hv/smp-ap.c's loop,
   which waits for requests from the boot CPU and answers each with an
   IPI.  "rmmod hv" parks them again.

   Lock order: each CPU's struct smp_cpu LOCK is a leaf; code holds at
   most one of them at a time, with interrupts off on the CPU that
   holds it. */
#ifndef HV_SMP_H
#define HV_SMP_H

/* The start-up page: physical 0x8000, page-aligned below 1 MiB as a
   start-up IPI requires (its vector is the page number, 0x08).  It is
   free while the kernel runs: the BIOS data lives below 0x500, the
   boot sector at 0x7c00-0x7dff has been read (its command line is
   copied at boot), and the kernel's first stack and image start at
   0x1f000 (threads/loader.h); the page allocator starts at 1 MiB. */
#define SMP_TRAMP_PA      0x8000
#define SMP_TRAMP_VECTOR  (SMP_TRAMP_PA >> 12)

/* Where the hv puts the trampoline's parameters in that page. */
#define SMP_TRAMP_PARAMS  0xe00
#define SMP_TP_PDPT       0x00  /* 4 PDPT entries (32-byte aligned). */
#define SMP_TP_GDT        0x20  /* 3 descriptors: null, code, data. */
#define SMP_TP_GDT_DESC   0x3a  /* lgdt operand: 16-bit limit, base. */
#define SMP_TP_CR0        0x40
#define SMP_TP_CR4        0x44
#define SMP_TP_STACK      0x48  /* Kernel virtual stack top. */
#define SMP_TP_ENTRY      0x4c  /* C entry, called with the CPU. */
#define SMP_TP_CPU        0x50  /* Its struct smp_cpu. */
#define SMP_TP_SIZE       0x54

/* Interrupt vectors of the other CPUs' own IDT; SMP_VEC_IPI is also
   the vector the boot CPU receives their answers on. */
#define SMP_VEC_NMI       0x02  /* NMI: no EOI, not a fault. */
#define SMP_VEC_IPI       0xf0
#define SMP_VEC_TIMER     0xf1
#define SMP_VEC_SPURIOUS  0xff

/* Bytes the assembly stubs push before calling smp_ap_interrupt: the
   general registers (pushal), then vector and error code. */
#define SMP_FRAME_VEC     0x20

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SMP_CPU_MAX 8           /* Most CPUs the hv starts, the boot CPU included. */

/* Flat 4 GiB ring-0 code and data descriptors, for the trampoline's
   GDT and each CPU's own. */
#define SMP_DESC_KCODE 0x00cf9a000000ffffull
#define SMP_DESC_KDATA 0x00cf92000000ffffull

/* A lock for data shared between CPUs: a word that is 1 while held.
   Whoever holds it keeps interrupts off on its own CPU. */
struct spinlock
  {
    volatile uint32_t held;
  };

void spin_init (struct spinlock *);
void spin_lock (struct spinlock *);
void spin_unlock (struct spinlock *);

/* What the boot CPU asks another CPU to do (struct smp_cpu REQUEST). */
enum smp_request
  {
    SMP_REQ_NONE,               /* Nothing: the CPU waits. */
    SMP_REQ_PING,               /* Answer at once (IPI round trip). */
    SMP_REQ_TICKS,              /* Answer with the timer interrupts so far. */
    SMP_REQ_VMRUN,              /* Run the test guest ARG once. */
    SMP_REQ_SCHED,              /* Run the VCPU scheduler's loop for
                                   its CPU number (uintptr_t) ARG
                                   until the hv unloads. */
    SMP_REQ_PARK                /* Stop timer and SVM, then halt. */
  };

/* Bytes of a CPU's TSS, the hardware layout's 104 (AMD APM vol. 2,
   "32-Bit Task-State Segment"); only SS0 and the I/O map base are
   set, as nothing ever switches rings on these CPUs. */
#define SMP_TSS_SIZE 104

/* One CPU other than the boot CPU.  It fills the first part of the
   page that is also its stack: the CPU finds it by rounding its stack
   pointer down (smp_self).  The boot CPU allocates and frees it. */
struct smp_cpu
  {
    unsigned index;             /* 1, 2, ...: the boot CPU is 0. */
    unsigned apic_id;           /* Its local APIC's ID. */
    unsigned boot_apic_id;      /* Where its answers go. */
    uint32_t magic;             /* SMP_CPU_MAGIC: detects a bad stack. */

    /* Set by the CPU as it starts, read by the boot CPU. */
    volatile bool up;           /* Running its loop. */
    uint32_t timer_hz;          /* APIC timer counts per second (/16). */
    const char *svm_problem;    /* Why SVM is off, or NULL. */

    /* Mailbox, under LOCK. */
    struct spinlock lock;
    enum smp_request request;   /* Set by the boot CPU. */
    void *arg;                  /* Its argument. */
    bool answered;              /* Set by this CPU with ANSWER. */
    uint64_t answer;            /* The result of the last request. */

    /* This CPU's own. */
    volatile uint32_t ticks;    /* Timer interrupts taken. */
    volatile uint32_t fault_vec;        /* Exception that stopped it + 1. */
    volatile uint32_t fault_eip;
    volatile uint32_t fault_error;
    void *hsave;                /* SVM host save area page. */
    void *host_state;           /* Page for the world switch's VMSAVE. */
    uint64_t gdt[6] __attribute__ ((aligned (8)));
    uint8_t tss[SMP_TSS_SIZE] __attribute__ ((aligned (4)));
  };

#define SMP_CPU_MAGIC 0x53cb5a3a

/* hv/svm.c: SVM on the calling CPU, whichever it is. */
const char *svm_check_cpu (void);
void svm_cpu_on (void *hsave);
void svm_cpu_off (void);

/* hv/smp-boot.c: starting and parking. */
unsigned smp_start_all (void);
void smp_park_all (void);
unsigned smp_cpu_count (void);
struct smp_cpu *smp_cpu (unsigned index);
uint64_t smp_call (struct smp_cpu *, enum smp_request, void *arg);
void smp_post (struct smp_cpu *, enum smp_request, void *arg);
uint64_t smp_wait (struct smp_cpu *, enum smp_request, int64_t ticks);
#define SMP_NO_ANSWER UINT64_MAX  /* smp_call: the CPU did not answer. */

/* hv/smp-find.c: the firmware's list of CPUs. */
unsigned smp_find_cpus (unsigned apic_ids[], unsigned max, unsigned boot_id);

/* hv/smp-ap.c: the other CPUs' side. */
void smp_ap_main (struct smp_cpu *) __attribute__ ((noreturn));
struct smp_frame;
void smp_ap_interrupt (struct smp_frame *);
void smp_ap_idt_init (void);
uint64_t smp_run_test_guest (struct smp_cpu *, void *test);

/* hv/smp-test.c: the load-time self-test. */
void smp_self_test (void);

/* hv/smp-entry.S. */
extern const uint8_t smp_trampoline[], smp_trampoline_end[];
extern void (*const smp_ap_stubs[]) (void);
#define SMP_STUB_EXC_CNT 32     /* Stubs 0-31: the exceptions; then
                                   IPI, timer and spurious. */
#endif /* __ASSEMBLER__ */

#endif /* hv/smp.h */
