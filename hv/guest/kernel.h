/* The guest kernel: what a guest program that wants threads links
   against.  Ring-0 kernel threads (kthread.c, kswitch.S) scheduled
   onto the VM's VCPUs (smp.c brings the VCPUs up and keeps their
   per-VCPU data; ksched.c is the scheduling policy), semaphores and
   spinlocks that work across VCPUs (ksync.c), and the descriptor
   tables a ring-3 layer builds on (idt.c).  A guest that never calls
   kernel_start () pays nothing for any of it (Make.guest links it
   from an archive).  The console (msg, printf) gathers one line at a
   time in one buffer: print from one thread at a time. */
#ifndef HV_GUEST_KERNEL_H
#define HV_GUEST_KERNEL_H

#include "hv/guest/guest.h"
#include "lib/kernel/list.h"

struct kthread;

/* ---- Descriptor tables (idt.c) ----

   One GDT for every VCPU: ring-0 code and data (the selectors the hv
   loads), ring-3 code and data, then one TSS per VCPU, so that an
   interrupt or a system call from ring 3 lands on the kernel stack of
   the thread that VCPU runs. */
#define KSEL_KCODE 0x08         /* Ring-0 code. */
#define KSEL_KDATA 0x10         /* Ring-0 data and stack. */
#define KSEL_UCODE 0x1b         /* Ring-3 code (RPL 3). */
#define KSEL_UDATA 0x23         /* Ring-3 data and stack (RPL 3). */
#define KSEL_TSS0  0x28         /* VCPU N's TSS is KSEL_TSS0 + 8 * N. */

void idt_load_tables (void);
void idt_load_tss (unsigned vcpu);
void idt_set_kernel_stack (unsigned vcpu, uint32_t esp0);
void idt_set_gate (unsigned vector, void *entry, unsigned dpl);

/* ---- Interrupt flag ---- */

/* Masks interrupts; returns the flags from before, for
   kernel_intr_restore. */
static inline uint32_t
kernel_intr_disable (void)
{
  uint32_t flags = read_eflags ();
  guest_cli ();
  return flags;
}

/* Unmasks interrupts again if FLAGS, from kernel_intr_disable, says
   they were on. */
static inline void
kernel_intr_restore (uint32_t flags)
{
  if (flags & FLAG_IF)
    guest_sti ();
}

/* ---- Vectors the kernel reserves ---- */
#define KERNEL_VECTOR_TIMER 0x20 /* Each VCPU's virtual timer. */
#define KERNEL_VECTOR_WAKE  0x21 /* IPI: "look at your run queue". */

/* ---- Spinlocks (ksync.c) ---- */

/* A spinlock.  Taken with kspin_acquire, its holder runs with
   interrupts masked (for data an interrupt handler touches too); taken
   with kspin_lock, with interrupts on but its thread not preempted by
   the guest kernel until kspin_unlock.  Either way the hv may still
   preempt the holder's VCPU, and with interrupts on it does.  A
   VCPU that has spun KSPIN_BOUND times while the lock's holder still
   holds it yields its CPU to the holder's VCPU (HC_YIELD_TO) when
   kspin_directed_yield is on: if the hv preempted the holder, this
   lets it run and release the lock. */
struct kspin
  {
    volatile uint32_t locked;   /* 1 while held. */
    volatile int holder;        /* The holder's VCPU, or -1. */
    uint32_t saved_flags;       /* The holder's EFLAGS before it locked. */
    /* Statistics, updated by the holder. */
    uint32_t acquires;          /* Times acquired. */
    uint32_t contended;         /* Acquisitions that had to spin. */
    uint64_t spins;             /* PAUSE iterations while waiting. */
    uint32_t yields;            /* Directed yields while waiting. */
    uint64_t wait_cycles;       /* TSC cycles spent waiting. */
  };

#define KSPIN_BOUND 256         /* Spins between two directed yields. */
extern volatile bool kspin_directed_yield;

void kspin_init (struct kspin *);
void kspin_acquire (struct kspin *);
void kspin_release (struct kspin *);
void kspin_lock (struct kspin *);
void kspin_unlock (struct kspin *);
bool kspin_held_by_me (const struct kspin *);
void kspin_lock_raw (struct kspin *);
void kspin_unlock_raw (struct kspin *);

/* ---- Semaphores (ksync.c) ---- */

/* A counting semaphore whose waiters may sleep on any VCPU. */
struct ksema
  {
    struct kspin lock;          /* Guards VALUE and WAITERS. */
    unsigned value;
    struct list waiters;        /* struct kthread, by ELEM. */
  };

void ksema_init (struct ksema *, unsigned value);
void ksema_down (struct ksema *);
void ksema_up (struct ksema *);

/* ---- Per-VCPU data (smp.c) ---- */

#define KERNEL_VCPU_MAX HV_VCPU_MAX

/* What one VCPU owns.  Only that VCPU touches the fields marked
   "own"; RUN_QUEUE and RUN_CNT belong to whoever holds RQ_LOCK. */
struct smp_vcpu
  {
    unsigned id;                /* Its number. */
    bool up;                    /* Brought up (always true for 0). */
    struct kthread *current;    /* Own: the thread it runs. */
    struct kthread *idle;       /* Own: runs when nothing else can. */
    struct kspin rq_lock;       /* Guards RUN_QUEUE and RUN_CNT. */
    struct list run_queue;      /* Ready threads, by ELEM. */
    volatile unsigned run_cnt;  /* Threads in RUN_QUEUE. */
    volatile bool halted;       /* Idle, about to HLT or halted. */
    unsigned slice_used;        /* Own: ticks the current thread ran. */
    unsigned preempt_off;       /* Own: > 0 while its thread must not be
                                   preempted (it holds a kspin_lock). */
    struct kthread *switch_prev;  /* Own: thread switched away from. */
    struct kspin *switch_unlock;  /* Own: lock to drop after a switch. */
    /* Statistics. */
    uint32_t ticks;             /* Timer interrupts taken. */
    uint32_t idle_ticks;        /* Those that found it idle. */
    uint32_t steals;            /* Threads taken from other VCPUs. */
    uint32_t ipis_sent;         /* Wake-up IPIs it sent. */
    volatile uint32_t ipis_received; /* Wake-up IPIs it took. */
    uint32_t halts;             /* Times it executed HLT. */
  };

void smp_start (void);
unsigned smp_vcpu_cnt (void);
struct smp_vcpu *smp_vcpu (unsigned id);
struct smp_vcpu *smp_self (void);
void smp_wake (struct smp_vcpu *);
void smp_boot_secondaries (void);
void smp_rq_put (struct smp_vcpu *, struct kthread *);
struct kthread *smp_rq_take (struct smp_vcpu *, bool from_tail);

/* ---- Kernel threads (kthread.c) ---- */

enum kthread_state
  {
    KTHREAD_FREE,               /* Slot unused. */
    KTHREAD_RUNNING,            /* On a VCPU now. */
    KTHREAD_READY,              /* In a run queue, or about to be. */
    KTHREAD_BLOCKED,            /* Waiting for kthread_unblock. */
    KTHREAD_DYING,              /* Exiting: off its VCPU after the switch. */
    KTHREAD_EXITED              /* Gone; the slot keeps its statistics
                                   until a new thread needs it. */
  };

/* A guest kernel thread. */
struct kthread
  {
    uint32_t esp;               /* Saved stack pointer (kswitch.S: +0). */
    char name[16];
    enum kthread_state state;
    struct list_elem elem;      /* Run queue or semaphore waiters. */
    uint32_t stack_top;         /* Top of its kernel stack. */
    int vcpu;                   /* VCPU it last ran on, -1 if never. */
    bool is_idle;               /* A VCPU's idle thread. */
    void (*function) (void *);  /* What it runs, */
    void *aux;                  /* and with what. */
    /* Statistics. */
    uint32_t ticks;             /* Timer ticks it was running at. */
    uint64_t cycles;            /* TSC cycles it ran. */
    uint64_t run_start;         /* TSC when it last got a VCPU. */
    uint32_t runs;              /* Times it was switched to. */
    uint32_t migrations;        /* Runs on another VCPU than the last. */
    uint32_t remote_wakeups;    /* Wake-ups that queued it on another
                                   VCPU than its waker's. */
  };

/* Ticks a thread runs before it is preempted (kthread.c explains). */
#define KTHREAD_SLICE 2

/* Most threads, idle threads and the main thread included. */
#define KTHREAD_MAX 32

void kernel_start (void);
struct kthread *kthread_create (const char *name, void (*) (void *),
                                void *aux);
struct kthread *kthread_current (void);
void kthread_yield (void);
void kthread_preempt_disable (void);
void kthread_preempt_enable (void);
void kthread_exit (void) NO_RETURN;
void kthread_block (struct kspin *);
void kthread_unblock (struct kthread *);
void kthread_wait_all (void);
void kthread_print_stats (void);
void kthread_idle_loop (void) NO_RETURN;
void kthread_run_idle (struct smp_vcpu *) NO_RETURN;

/* ---- Scheduling policy (ksched.c) ---- */

/* Why a thread becomes ready. */
enum ksched_why
  {
    KSCHED_NEW,                 /* Just created. */
    KSCHED_WOKEN,               /* Unblocked. */
    KSCHED_PREEMPTED            /* Its slice ended, or it yielded. */
  };

struct smp_vcpu *ksched_place (struct kthread *, enum ksched_why,
                               struct smp_vcpu *self);
struct kthread *ksched_pick_next (struct smp_vcpu *self);

#endif /* hv/guest/kernel.h */
