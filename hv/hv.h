/* The hypervisor's private header: the structures the parts of hv/
   share (struct vm, struct vcpu, the virtual devices' state) and each
   part's entry points, one section per source file.  Nothing outside
   hv/ includes it; the kernel reaches the hv only through
   threads/vmctl.h.

   Lock order: vm_list_lock (vm.c), then the scheduler's spinlock
   (hv/vsched.c), then a VM's exit-statistics spinlock (exit-stats.c).
   The dirty log's spinlock (hv/npt.c) is a leaf: nothing is taken
   while it is held.
   A running VCPU's state belongs to the physical CPU that runs it
   (hv/vsched.c); other CPUs only raise interrupts on it (hv/irq.c,
   atomically).  Host threads touch only KILL_REQUESTED, the DONE
   semaphore and, under the scheduler's lock, the weight, cap and
   pinning. */
#ifndef HV_HV_H
#define HV_HV_H

#include <list.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hv/abi.h"
#include "hv/smp.h"
#include "hv/vmcb.h"
#include "hv/vmrun.h"
#include "hv/vdev/ide.h"
#include "hv/vdev/kbc.h"
#include "hv/vdev/pic.h"
#include "hv/vdev/pit.h"
#include "hv/vdev/power.h"
#include "hv/vdev/rtc.h"
#include "threads/interrupt.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "threads/vmctl.h"

struct vm;
struct vcpu;

/* ---- hv/svm.c: SVM on this CPU ---- */
#define SVM_ASID_MAX 64         /* Most ASIDs the hv uses, whatever the CPU has. */
const char *svm_enable (void);
void svm_disable (void);
bool svm_has_nrip (void);
uint32_t svm_asid_limit (void);
uint32_t svm_host_vmcb (void);

/* ---- hv/fpu.c: each VCPU's x87/SSE state ---- */
const char *fpu_enable (void);
bool fpu_init (struct vcpu *);
void fpu_destroy (struct vcpu *);

/* ---- hv/exit.c: the exit table ---- */

/* What the VCPU loop does after an exit handler. */
enum exit_action
  {
    EXIT_RESUME,                /* Enter the guest again (the scheduler
                                   may run another VCPU first). */
    EXIT_YIELD,                 /* Let other VCPUs run first. */
    EXIT_BLOCK,                 /* Halted: wait for an interrupt. */
    EXIT_STOP,                  /* The VM has ended (vm_exit, vm_fail). */
    EXIT_HOST                   /* Not handled yet: the boot CPU must
                                   (hv/vsched.c, exit_needs_host). */
  };

/* Slots of the exit table: exit codes 0x00-0x9f map to themselves,
   0x400-0x403 (nested page faults and AVIC) follow, then
   VMEXIT_INVALID and one slot for every code the CPU should never
   produce. */
#define EXIT_SLOT_NPF_BASE 0xa0
#define EXIT_SLOT_INVALID  0xa4
#define EXIT_SLOT_BOGUS    0xa5
#define EXIT_SLOT_CNT      0xa6

/* The devices behind the I/O ports (hv/ioio.c), for the statistics of
   which device a guest's port exits went to. */
enum vdev_id
  {
    VDEV_NONE,                  /* No device: the port reads all ones. */
    VDEV_UART, VDEV_DEBUG_EXIT, VDEV_PIC, VDEV_PIT, VDEV_KBC, VDEV_RTC,
    VDEV_IDE, VDEV_VGA, VDEV_POWER,
    VDEV_CNT
  };
enum vdev_id ioio_device_of (uint16_t port);
bool ioio_anywhere (uint32_t info);

/* Per-VM counts, per exit slot. */
struct exit_stats
  {
    uint64_t count[EXIT_SLOT_CNT];      /* Exits. */
    uint64_t cycles[EXIT_SLOT_CNT];     /* Host TSC cycles handling them. */
    uint64_t dev_count[VDEV_CNT];       /* IOIO exits, per device. */
    uint64_t dev_cycles[VDEV_CNT];      /* Host cycles handling them. */
    struct spinlock lock;               /* VCPUs on several CPUs add. */
  };

enum exit_action exit_dispatch (struct vcpu *);
bool exit_needs_host (struct vcpu *);
void exit_slot_name (unsigned slot, char *buf, size_t size);

/* ---- hv/exit-stats.c: exit statistics ---- */
void exit_stats_add (struct vm *, unsigned slot, enum vdev_id,
                     uint64_t cycles);
void exit_fill_report (const struct vm *, struct vmctl_report *);
void exit_print_stats (const struct vm *);

/* ---- The exit handlers, each in the file of its concern ---- */
enum exit_action exit_cpuid (struct vcpu *);    /* cpuid.c */
enum exit_action exit_msr (struct vcpu *);      /* msr.c */
enum exit_action exit_rdtsc (struct vcpu *);    /* msr.c */
enum exit_action exit_rdtscp (struct vcpu *);   /* msr.c */
enum exit_action exit_ioio (struct vcpu *);     /* ioio.c */
enum exit_action exit_npf (struct vcpu *);      /* npf.c */
enum exit_action exit_vmmcall (struct vcpu *);  /* hypercall.c */
enum exit_action exit_hlt (struct vcpu *);      /* hlt.c */
enum exit_action exit_cr_write (struct vcpu *);  /* cr.c */
enum exit_action exit_cr_read (struct vcpu *);  /* cr.c */
enum exit_action exit_dr_access (struct vcpu *);  /* dr.c */
enum exit_action exit_intr (struct vcpu *);     /* irq.c */
enum exit_action exit_nmi (struct vcpu *);      /* irq.c */
enum exit_action exit_vintr (struct vcpu *);    /* irq.c */

/* ---- hv/cr.c: what CR0 and CR4 may hold ---- */
bool cr_cr0_valid (uint64_t value);
bool cr_cr4_valid (uint64_t value);

/* ---- hv/msr.c: the MSR permission map, the guest's TSC ---- */
void msr_init_permissions (uint8_t *msrpm);
void msr_init_tsc_intercepts (struct vcpu *);
uint64_t msr_guest_tsc (const struct vm *);
void msr_set_guest_tsc (struct vm *, uint64_t value);

/* ---- hv/irq.c: virtual interrupt delivery ---- */
void irq_prepare_entry (struct vcpu *);
bool irq_pending (struct vcpu *);
void irq_after_exit (struct vcpu *);
void irq_raise (struct vcpu *, uint8_t vector);

/* ---- hv/vdev/: emulated devices ---- */

/* Longest line of guest console output kept before it is printed. */
#define VDEV_CONSOLE_LINE 160

/* Console output of one VM, collected a line at a time so that lines
   of several VMs never mix (vdev/console.c). */
struct vdev_console
  {
    size_t len;                 /* Bytes in LINE. */
    char line[VDEV_CONSOLE_LINE];
  };

/* A 16550 UART's registers, as much of them as a guest needs to
   print (vdev/serial.c). */
struct vdev_serial
  {
    uint8_t ier;                /* Interrupt enable. */
    uint8_t lcr;                /* Line control (bit 7: DLAB). */
    uint8_t mcr;                /* Modem control. */
    uint8_t scr;                /* Scratch. */
    uint16_t divisor;           /* Baud-rate divisor (DLL, DLM). */
    bool thre_pending;          /* Transmitter-empty interrupt pending. */
  };

/* The VGA's CRT controller registers (vdev/vga.c). */
struct vdev_vga
  {
    uint8_t index;              /* Register selected through port 0x3d4. */
    uint8_t crtc[0x19];         /* Its registers 0x00-0x18. */
  };

/* A VCPU's virtual timer (vdev/vtimer.c). */
struct vdev_vtimer
  {
    uint32_t period;            /* Guest ticks between expiries; 0 = off. */
    uint32_t vector;            /* Interrupt vector. */
    int64_t next;               /* Host tick of the next expiry. */
    uint32_t fired;             /* Expiries so far. */
    uint32_t pending;           /* Expiries not yet delivered. */
  };

/* A port-I/O access, as an IOIO exit reports it. */
struct vdev_pio
  {
    uint16_t port;              /* Port number. */
    unsigned size;              /* 1, 2 or 4 bytes. */
    bool in;                    /* IN (true) or OUT. */
    uint32_t value;             /* OUT: the data; IN: filled in. */
  };

void vdev_console_putc (struct vm *, char);
void vdev_console_flush (struct vm *);
enum exit_action vdev_serial_pio (struct vcpu *, struct vdev_pio *);
enum exit_action vdev_debug_exit_pio (struct vcpu *, struct vdev_pio *);
void vdev_vtimer_init (struct vcpu *);
void vdev_vtimer_update (struct vcpu *);
bool vdev_vtimer_mmio (struct vcpu *, uint32_t offset, bool write,
                       unsigned size, uint32_t *value);
int64_t vdev_vtimer_next (const struct vcpu *);
uint32_t vdev_vtimer_now (const struct vm *);
uint32_t vdev_vtimer_host_now (const struct vm *);

/* The PC devices (hv/vdev/pc.c ties them together).  Their state
   lives in struct vm; PC_LOCK guards it. */
void vdev_pc_init (struct vm *);
enum intr_level vdev_pc_lock (struct vm *);
void vdev_pc_unlock (struct vm *, enum intr_level);
void vdev_pc_destroy (struct vm *);
void vdev_pc_reset (struct vm *);
uint64_t vdev_clock_ns (const struct vm *);
uint64_t vdev_host_ns (const struct vm *);
void vdev_set_host_ns (struct vm *, uint64_t host_ns);
void vdev_pc_update (struct vm *);
int64_t vdev_pc_next_tick (struct vm *);
void vdev_pic_init (struct vm *);
void vdev_pic_set_irq (struct vm *, unsigned irq, bool level);
void vdev_pic_set_irq_locked (struct vm *, unsigned irq, bool level);
int vdev_pic_pending (struct vm *);
int vdev_pic_ack (struct vm *);
enum exit_action vdev_pic_pio (struct vcpu *, struct vdev_pio *);
void vdev_pit_init (struct vm *);
void vdev_pit_update (struct vm *);
int64_t vdev_pit_next_ns (struct vm *);
enum exit_action vdev_pit_pio (struct vcpu *, struct vdev_pio *);
enum exit_action vdev_port61_pio (struct vcpu *, struct vdev_pio *);
void vdev_rtc_init (struct vm *);
void vdev_rtc_update (struct vm *);
int64_t vdev_rtc_next_ns (struct vm *);
enum exit_action vdev_rtc_pio (struct vcpu *, struct vdev_pio *);
void vdev_kbc_init (struct vm *);
enum exit_action vdev_kbc_pio (struct vcpu *, struct vdev_pio *);
enum exit_action vdev_power_pio (struct vcpu *, struct vdev_pio *);
enum exit_action vdev_vga_pio (struct vcpu *, struct vdev_pio *);
void vdev_ide_init (struct vm *);
void vdev_ide_destroy (struct vm *);
void vdev_ide_reset (struct vm *);
const char *vdev_ide_attach (struct vm *, const struct vmctl_spec *,
                             char *why, size_t size);
void vdev_ide_print_stats (const struct vm *);
enum exit_action vdev_ide_pio (struct vcpu *, struct vdev_pio *);

/* ---- hv/npt.c, hv/reclaim.c, hv/gswap.c: nested page tables and
   guest RAM, evicted to swap and given back by a balloon ---- */

/* What a VM's RAM is beyond its nested table: where its evicted pages
   are, the eviction clock's hand, and the statistics (hv/reclaim.c). */
struct npt_reclaim
  {
    uint32_t *slot;             /* Per guest page: swap slot + 1, or 0. */
    size_t swapped;             /* Guest pages in swap. */
    uint32_t hand;              /* Clock hand: the next guest page to look at. */
    const char *short_why;      /* Why the last page could not be had. */
    uint64_t evictions;         /* Pages written to swap and dropped... */
    uint64_t swap_ins;          /* ...and read back on a fault. */
    uint64_t ballooned;         /* Pages the guest gave back (HC_BALLOON). */
  };

bool npt_create (struct vm *);
void npt_destroy (struct vm *);
void *npt_translate (struct vm *, uint32_t gpa);
void vm_page_gone (struct vm *, uint32_t gpa);
void *reclaim_get_page (struct vm *);
void reclaim_swap_read (struct vm *, uint32_t page_no, void *kpage);
void reclaim_swap_done (struct vm *, uint32_t page_no);
void reclaim_release_swap (struct vm *);
bool reclaim_drop (struct vm *, uint32_t page_no);
int32_t reclaim_balloon (struct vm *, uint32_t gpa, uint32_t count);
int32_t reclaim_stat (const struct vm *, uint32_t which);
void reclaim_print_stats (const struct vm *);
void reclaim_print_swap (const struct vm *);
bool gswap_present (void);
bool gswap_alloc (uint32_t *slot);
void gswap_free (uint32_t slot);
void gswap_write (uint32_t slot, const void *kpage);
void gswap_read (uint32_t slot, void *kpage);
size_t gswap_free_count (size_t *total);

/* ---- hv/npf.c: nested page faults and MMIO ---- */
const char *npf_mmio_name (uint32_t gpa);
enum exit_action npf_emulate_mmio_at (struct vcpu *, uint32_t gpa,
                                      bool fetch);

/* ---- hv/shadow.c: shadow page tables ---- */

/* Page tables a VCPU's shadow may hold at once: the shadow is a cache
   of the guest's translations, and when it is full it starts over. */
#define SHADOW_PT_MAX 32

/* Kernel pages a shadow fills again after a CR3 write (hv/shadow.c,
   shadow_prefill). */
#define SHADOW_RECENT 32

/* One VCPU's shadow paging: the control registers its guest believes
   it has, and the PAE tables the CPU really walks, which map
   guest-linear pages straight to host memory.  Only the shadow's four
   page directories are fixed; its page tables come from a pool and go
   back to it when the shadow is flushed. */
struct shadow
  {
    uint32_t cr0, cr3, cr4;     /* The guest's values. */
    uint64_t *pdpt;             /* Root: 4 entries, the CPU's CR3. */
    uint64_t *pd[4];            /* Page directories, one per GiB. */
    uint64_t *pt[SHADOW_PT_MAX]; /* The pool of page tables... */
    uint16_t pt_slot[SHADOW_PT_MAX]; /* ...the directory slot (bits 31:21
                                   of the address) each used one fills... */
    unsigned pt_used;           /* ...and how many are in use. */
    uint32_t large[2048 / 32];  /* Bit per 2 MiB slot: holds pieces of a
                                   guest's large page (INVLPG drops all). */
    uint32_t recent[SHADOW_RECENT]; /* Kernel pages filled last (ring)... */
    unsigned recent_cnt;        /* ...how many it holds... */
    unsigned recent_next;       /* ...and where the next one goes. */
    uint32_t epoch;             /* The VM's shadow_epoch it was built in. */
    /* Statistics. */
    uint64_t fills;             /* Entries filled from the guest's tables. */
    uint64_t reflected;         /* Faults passed on to the guest. */
    uint64_t flushes;           /* Times the whole shadow was dropped... */
    uint64_t full;              /* ...of them, because the pool ran out. */
    uint64_t invlpgs;           /* Single translations dropped. */
    uint64_t prefilled;         /* Entries filled again at CR3 writes. */
  };

bool shadow_init (struct vcpu *);
void shadow_destroy (struct vcpu *);
void shadow_reset (struct vcpu *);
void shadow_before_entry (struct vcpu *);
uint32_t shadow_get_cr (const struct vcpu *, unsigned cr);
void shadow_set_cr (struct vcpu *, unsigned cr, uint32_t value);
void shadow_page_gone (struct vm *);
bool shadow_fault_anywhere (struct vcpu *);
void shadow_print_stats (const struct vm *);
enum exit_action exit_page_fault (struct vcpu *);
enum exit_action exit_invlpg (struct vcpu *);

/* ---- hv/gmem.c: reading guest memory ---- */
/* What a walk of a guest's page tables found for one linear address
   (gmem_walk): where it leads, what the entries on the way allow, and
   the entries themselves, so that a caller can set their accessed
   and dirty bits (hv/shadow.c). */
struct gmem_walk
  {
    uint32_t gpa;               /* Guest-physical address it maps to. */
    bool writable;              /* Every level allows writes... */
    bool user;                  /* ...and ring 3... */
    bool nx;                    /* ...or some level forbids execution. */
    bool large;                 /* Through a 2 or 4 MiB page. */
    bool dirty;                 /* The leaf's dirty bit is already set. */
    uint32_t *entries[3];       /* Low words of the entries used, */
    unsigned entry_cnt;         /* the leaf last (for A and D). */
    uint64_t table;             /* The entry read last, or tried. */
  };

/* How a walk ended. */
enum gmem_walk_result
  {
    GMEM_WALK_OK,               /* Mapped: see struct gmem_walk. */
    GMEM_WALK_NOT_PRESENT,      /* Some level is not present. */
    GMEM_WALK_HOST,             /* A table's page has no host page: only
                                   the boot CPU may give it one, and
                                   there it means host memory is out. */
    GMEM_WALK_OUTSIDE           /* A table is outside guest RAM. */
  };

void *gmem_page (struct vm *, uint32_t gpa, bool may_back);
enum gmem_walk_result gmem_walk (struct vm *, uint32_t cr0, uint32_t cr3,
                                 uint32_t cr4, bool nxe, uint32_t linear,
                                 bool may_back, struct gmem_walk *);
bool vm_read_phys (struct vm *, uint32_t gpa, void *dst, size_t size);
bool vm_write_phys (struct vm *, uint32_t gpa, const void *src, size_t size);
bool vcpu_linear_to_phys (struct vcpu *, uint32_t linear, uint32_t *gpa);
bool vcpu_read_linear (struct vcpu *, uint32_t linear, void *dst,
                       size_t size);
bool vcpu_write_linear (struct vcpu *, uint32_t linear, const void *src,
                        size_t size);
size_t vcpu_fetch_insn (struct vcpu *, uint8_t insn[]);

/* ---- hv/multiboot.c: unmodified kernels as guests ---- */
bool multiboot_is_kernel (const void *image, size_t size);
const char *multiboot_check (const void *image, size_t size, uint32_t ram,
                             const char *cmdline);
bool multiboot_load (struct vm *, const void *image, size_t size,
                     const char *file, const char *cmdline);

/* ---- hv/decode.c: instructions that access MMIO ---- */

/* A decoded MOV between a register (or an immediate) and memory. */
struct decode_mov
  {
    unsigned length;            /* Instruction bytes, prefixes included. */
    unsigned size;              /* Operand bytes: 1, 2 or 4. */
    bool write;                 /* Stores to memory (else loads). */
    bool immediate;             /* The source is IMM, not a register. */
    bool zero_extend;           /* MOVZX: load SIZE bytes into 32 bits. */
    unsigned reg;               /* Register number (ModRM.reg). */
    uint32_t imm;               /* The immediate. */
  };

#define DECODE_INSN_MAX 15      /* Longest x86 instruction. */
bool decode_mov (const uint8_t *insn, size_t len, struct decode_mov *);

/* ---- hv/vsched.c, hv/credit.c: the VCPU scheduler (tier 3) ---- */

/* Where a VCPU is in its life and in the scheduler. */
enum vcpu_state
  {
    VCPU_DOWN,                  /* Not started (HC_VCPU_UP starts it). */
    VCPU_RUNNABLE,              /* Waiting for a CPU, in a run queue. */
    VCPU_RUNNING,               /* In the guest, or its exit handled. */
    VCPU_HOST,                  /* Its exit waits for the boot CPU. */
    VCPU_BLOCKED,               /* Halted, waiting for an interrupt. */
    VCPU_PAUSED,                /* Its VM is paused (vsched_pause_vm):
                                   PAUSED_FROM says what it goes back to. */
    VCPU_DONE                   /* Its VM has ended. */
  };

/* Credit-scheduler priorities, best first (hv/credit.c). */
enum vsched_prio
  {
    PRIO_BOOST,                 /* Just woke from a halt. */
    PRIO_UNDER,                 /* Has credit left. */
    PRIO_OVER,                  /* Has used up its credit. */
    PRIO_CNT
  };

/* One VCPU's place in the scheduler: its state, credit and
   statistics.  Times are host TSC cycles. */
struct vsched_vcpu
  {
    enum vcpu_state state;
    enum vcpu_state paused_from; /* While PAUSED: DOWN, RUNNABLE or
                                   BLOCKED, its state on resuming. */
    enum vsched_prio prio;      /* Its queue while runnable. */
    struct list_elem elem;      /* In a run queue while runnable. */
    struct vsched_pcpu *pcpu;   /* The physical CPU whose queue it is in. */
    struct vsched_pcpu *last;   /* The one it last ran on, or null. */
    int pin;                    /* The only CPU it may run on, or -1. */
    struct list_elem host_elem; /* In the boot CPU's list while HOST. */
    bool parked;                /* Its VM is over its cap: not queued. */
    int64_t credit;             /* Credit left (hv/credit.c). */
    int64_t boost_left;         /* Cycles it may still run boosted. */
    int64_t slice_start;        /* Tick at which its slice began. */
    uint64_t since;             /* TSC when it last became runnable. */
    uint64_t run_mark;          /* RUN_CYCLES at the last accounting. */
    bool woke;                  /* Runnable after a wake-up, not yet run. */
    /* Statistics. */
    uint64_t run_cycles;        /* In guest mode. */
    uint64_t wait_cycles;       /* Runnable, waiting for a CPU. */
    uint32_t wakeups;           /* Wake-ups from a halt. */
    uint64_t worst_latency;     /* Longest wake-up to running. */
    uint32_t cpus;              /* Bit N: ran on CPU N (vmctl_sched_stat). */
    uint32_t migrations;        /* Came to a CPU from another. */
    bool in_guest;              /* Entered on some CPU: never on two. */
  };

/* One VM's share of the CPU. */
struct vsched_vm
  {
    unsigned weight;            /* Share weight. */
    unsigned cap;               /* Percent of one CPU; 0 = none. */
    int64_t cap_used;           /* Cycles run towards the cap this period. */
    bool parked;                /* Over its cap until the next period. */
    int64_t share;              /* Its credit this period (hv/credit.c). */
    bool at_cap;                /* Its share is its cap (hv/credit.c). */
    bool ending;                /* The boot CPU is ending it. */
    bool paused;                /* Paused: its VCPUs are not run. */
    struct list_elem elem;      /* In the scheduler's list of VMs. */
  };

/* A physical CPU as the scheduler sees it: its run queues, one per
   priority, what it runs and its own statistics. */
struct vsched_pcpu
  {
    unsigned id;                /* CPU number: 0 is the boot CPU. */
    unsigned apic_id;           /* Its local APIC, for IPIs. */
    uint32_t host_vmcb;         /* Page for the world switch's VMSAVE. */
    struct list runq[PRIO_CNT]; /* Runnable VCPUs, FIFO per priority. */
    struct vcpu *current;       /* VCPU it runs, or a null pointer. */
    struct vcpu *yield_to;      /* Directed yield: run this one next. */
    struct vcpu *asid_vcpu[SVM_ASID_MAX]; /* Per ASID, the VCPU whose
                                   TLB entries it may hold. */
    bool idle;                  /* Found nothing to run last time. */
    volatile bool masked_guest; /* Runs a guest that masks interrupts... */
    int64_t guest_since;        /* ...entered at this tick. */
    int64_t last_tick;          /* Tick its slices are checked at. */
    /* Statistics. */
    uint64_t busy_cycles;       /* Its VCPUs ran in guest mode. */
    uint64_t switches;          /* Times it started another VCPU. */
    uint64_t steals;            /* VCPUs it took from another CPU's queue. */
    uint64_t migrations;        /* VCPUs that came to it from another CPU. */
    uint64_t kicks;             /* IPIs it was sent to look at its queue. */
    uint64_t decisions;         /* Scheduling decisions made... */
    uint64_t decision_cycles;   /* ...and the cycles they took. */
    uint64_t host_cycles;       /* Taken by the host's interrupt handlers
                                   and threads as guests exited. */
  };

/* Scheduling constants (docs/sched.md explains the choice). */
#define VSCHED_SLICE_TICKS 3    /* Longest a VCPU runs before others get a turn. */
#define VSCHED_PERIOD_TICKS 3   /* Ticks between credit accounting. */

/* The mechanism (hv/vsched.c). */
bool vsched_init (void);
void vsched_shutdown (void);
void vsched_start_vm (struct vm *);
void vsched_wake (struct vcpu *);
void vsched_kick_vm (struct vm *);
void vsched_vcpu_up (struct vcpu *);
bool vsched_yield_to (struct vcpu *from, struct vcpu *to);
unsigned vsched_pcpu_count (void);
struct vsched_pcpu *vsched_pcpu (unsigned);
enum intr_level vsched_lock (void);
void vsched_unlock (enum intr_level);
uint64_t vsched_waited (const struct vsched_vcpu *, uint64_t now);
int vsched_pin (struct vm *, unsigned vcpu, int cpu);
int vsched_vcpu_cpus (struct vm *, unsigned vcpu, struct vmctl_vcpu_cpus *);
int vsched_pcpu_stats (struct vmctl_pcpu *, unsigned max);
void vsched_ap_loop (unsigned cpu);
void vsched_ipi (void);
bool vsched_on_boot_cpu (void);
uint64_t vsched_cycles_per_tick (void);
uint64_t vsched_cycles_to_us (uint64_t cycles);
void vsched_fill_stats (const struct vm *, struct vmctl_sched *);
int vsched_set (struct vm *, int weight, int cap);
void vsched_print_stats (const struct vm *);
bool vsched_pause_vm (struct vm *);
void vsched_resume_vm (struct vm *);
void vsched_start_paused_vm (struct vm *);

/* The policy (hv/credit.c), called by the mechanism. */
void credit_init_vm (struct vm *);
void credit_enqueue (struct vsched_pcpu *, struct vcpu *);
void credit_dequeue (struct vsched_pcpu *, struct vcpu *);
struct vcpu *credit_pick (struct vsched_pcpu *);
void credit_charge (struct vsched_pcpu *, struct vcpu *, uint64_t cycles);
bool credit_should_preempt (struct vsched_pcpu *, struct vcpu *,
                            int64_t now);
void credit_wake (struct vcpu *);
void credit_account (struct vsched_pcpu *[], unsigned pcpu_cnt,
                     struct list *vms);
struct vsched_pcpu *credit_place (struct vsched_pcpu *[], unsigned pcpu_cnt,
                                  struct vcpu *);
struct vcpu *credit_steal (struct vsched_pcpu *[], unsigned pcpu_cnt,
                           struct vsched_pcpu *, int than);

/* ---- hv/vcpu.c: virtual CPUs ---- */

/* A virtual CPU: its control block, the registers the VMCB does not
   hold, its devices and its place in the VM and the scheduler. */
struct vcpu
  {
    struct vm *vm;              /* Owning VM. */
    unsigned index;             /* Its number in the VM, 0 first. */
    struct vmcb *vmcb;          /* Its VMCB (one page). */
    uint32_t vmcb_pa;           /* Physical address of VMCB. */
    struct vmrun_regs regs;     /* EBX...EBP while the guest is out. */
    bool flush_tlb;             /* Flush its TLB entries at next entry. */
    uint64_t entry_efer;        /* Guest EFER and CR0 at the last VMRUN: */
    uint64_t entry_cr0;         /* Bochs overwrites them if VMRUN fails. */
    uint64_t entry_event;       /* EVENTINJ at the last VMRUN. */
    uint32_t dr[4];             /* The guest's DR0-DR3 (hv/dr.c). */
    uint32_t dr7;               /* The guest's DR7, never armed. */
    struct vdev_vtimer vtimer;  /* Its virtual timer. */
    uint32_t ipi_pending[8];    /* Bit V: interrupt V raised (HC_IPI). */
    int pic_offered;            /* VCPU 0: the PIC vector in V_IRQ, or -1. */
    int pic_redeliver;          /* VCPU 0: a PIC interrupt taken but not
                                   delivered (an exit came first), or -1. */
    uint32_t pic_offer_rip;     /* VCPU 0: RIP when the offer was made, */
    bool pic_offer_open;        /* and whether it could be taken then. */
    struct vsched_vcpu sched;   /* Scheduler state (hv/vsched.c). */
    struct shadow *shadow;      /* Its shadow paging, or null under
                                   nested paging (hv/shadow.c). */
  };

bool vcpu_init (struct vcpu *, struct vm *, unsigned index);
uint32_t vcpu_guest_cr (const struct vcpu *, unsigned cr);
void vcpu_start (struct vcpu *, uint32_t entry, uint32_t stack);
void vcpu_destroy (struct vcpu *);
void vcpu_dump (const struct vcpu *);
bool vcpu_enter (struct vcpu *, struct vsched_pcpu *,
                 uint64_t *guest, uint64_t *host);
void vcpu_skip_instruction (struct vcpu *, unsigned length);
void vcpu_skip_to (struct vcpu *, uint32_t next_rip);
void vcpu_inject_exception (struct vcpu *, uint8_t vector, bool has_error,
                            uint32_t error);
uint32_t vcpu_get_reg (const struct vcpu *, unsigned reg);
void vcpu_set_reg (struct vcpu *, unsigned reg, uint32_t value);

/* Register numbers, as ModRM encodes them. */
enum { REG_EAX, REG_ECX, REG_EDX, REG_EBX, REG_ESP, REG_EBP, REG_ESI,
       REG_EDI };

/* ---- hv/vm.c: virtual machines ---- */

/* A virtual machine. */
struct vm
  {
    /* Identity, fixed at creation. */
    int id;                     /* Number handed out by vmctl. */
    char name[VMCTL_NAME_MAX + 1]; /* Name for messages. */
    struct list_elem elem;      /* In vm.c's list of VMs. */

    /* Memory. */
    uint32_t ram_size;          /* Guest RAM, bytes, page multiple. */
    uint64_t *npt;              /* Nested page table (PDPT). */
    size_t ram_pages;           /* Host pages backing guest RAM now. */
    struct npt_reclaim reclaim; /* Pages in swap; eviction statistics. */
    uint32_t asid;              /* Address-space ID of its TLB entries. */
    bool shadow_paging;         /* Shadow page tables, not nested paging. */
    uint32_t shadow_epoch;      /* Bumped when a RAM page loses its host
                                   page: every shadow starts over. */
    uint8_t *iopm;              /* I/O permission map, IOPM_PAGES. */
    uint8_t *msrpm;             /* MSR permission map, MSRPM_PAGES. */

    /* VCPUs and devices. */
    unsigned vcpu_cnt;          /* VCPUs it has, 1...HV_VCPU_MAX. */
    struct vcpu vcpus[HV_VCPU_MAX];
    int64_t start_tick;         /* Host tick at which it started. */
    struct vdev_console console;
    bool console_prefix;        /* Console lines start "NAME| ". */
    struct vdev_vga vga;
    struct vdev_serial serial;
    struct vdev_pic pic;        /* The PC devices (hv/vdev/). */
    struct vdev_pit pit;
    struct vdev_rtc rtc;
    struct vdev_kbc kbc;
    struct vdev_power power;
    struct vdev_ide ide;
    struct spinlock pc_lock;    /* Guards the PC devices: VCPU 0 may run
                                   on any CPU, port exits are on cpu 0. */
    uint64_t start_tsc;         /* Host TSC when it started. */
    uint64_t tsc_offset;        /* TSC_OFFSET the guest asked for. */
    unsigned tdf;               /* Time dilation factor, 1 or more: its
                                   clocks run TDF times slower than the
                                   host's (docs/hv.md, section 12). */
    unsigned ioio_unknown;      /* Accesses to ports with no device. */

    /* Restarting on a reset request (vm_restart). */
    unsigned restarts_left;     /* Resets that restart it rather than end it. */
    bool restart_pending;       /* A reset was asked: restart after this exit. */
    void *image;                /* Copy of its image, to load it again... */
    size_t image_size;
    char *cmdline;              /* ...with its command line (or null)... */
    char *file;                 /* ...and its file name. */

    /* Limits and statistics. */
    int64_t budget;             /* Ticks of CPU time allowed; 0 = any. */
    struct vsched_vm sched;     /* Weight, cap (hv/vsched.c). */
    bool trace;                 /* Print a line per exit. */
    bool quiet;                 /* Print nothing about it (vmctl_spec). */
    struct exit_stats *stats;   /* Exit counts and times. */

    /* Life cycle. */
    bool started;               /* Given to the scheduler. */
    bool waited;                /* Someone is in vm_wait for it. */
    volatile bool kill_requested; /* Stop at the next exit. */
    bool end_claimed;           /* Someone is recording how it ended. */
    volatile bool ended;        /* END and the rest are final. */
    enum vmctl_end end;         /* How it ended. */
    int exit_code;              /* Exit code, for VMCTL_END_EXIT. */
    char why[VMCTL_WHY_MAX + 1]; /* Reason, for VMCTL_END_KILLED. */
    struct semaphore done;      /* Upped once every VCPU has stopped. */
    int migrated_to;            /* For VMCTL_END_MIGRATED. */

    /* Copies, snapshots and migration (hv/vm.c, hv/vmstate.c). */
    bool claimed;               /* A host thread works on it (vm_claim). */
    bool restored;              /* Its VCPUs, devices and clocks were
                                   copied in: vm_resume_vm starts it
                                   where they were. */
    uint64_t saved_ns;          /* Then: host nanoseconds since its
                                   start (undilated)... */
    int64_t saved_ticks;        /* ...host ticks since its start... */
    uint64_t saved_tsc;         /* ...and the TSC its guest read. */

    /* Dirty logging for migration (hv/npt.c). */
    uint32_t *dirty_log;        /* While logging, a bit per guest page:
                                   set when the page may have changed
                                   since the last collection.  Null
                                   when not logging. */
    uint64_t dirty_faults;      /* Write faults logging took, ever. */
  };

void vm_init (void);
int vm_create (const struct vmctl_spec *);
struct vm *vm_make (const struct vmctl_spec *, int *status, char *why,
                    size_t why_size);
int vm_start (int id);
int vm_wait (int id, struct vmctl_report *);
int vm_kill (int id);
int vm_set_sched (int id, int weight, int cap);
int vm_sched (int id, struct vmctl_sched *);
int vm_pin (int id, unsigned vcpu, int cpu);
int vm_vcpu_cpus (int id, unsigned vcpu, struct vmctl_vcpu_cpus *);
void vm_shutdown_all (void);
enum exit_action vm_exit (struct vm *, int code);
enum exit_action vm_fail (struct vm *, const char *format, ...)
  PRINTF_FORMAT (2, 3);
void vm_finish (struct vm *);
void vm_restart (struct vcpu *);
uint64_t vm_run_cycles (const struct vm *);
void vm_flush_tlbs (struct vm *);

/* ---- A VM past running: pausing and claiming it (hv/vm.c), copying
   it (hv/vmstate.c), snapshots (hv/snapshot.c) ---- */

/* A host thread that works on a VM for long (saving, cloning,
   migrating it) claims it, so that nothing destroys it meanwhile and
   no second such operation starts; vm_wait waits for the claim to go
   before it destroys the VM.  VM_CLAIM returns the VM numbered ID, or
   a null pointer and *STATUS (VMCTL_ENOVM, or VMCTL_EBUSY if it is
   claimed already). */
struct vm *vm_claim (int id, int *status);
void vm_release (struct vm *);

/* Pauses claimed VM: returns once none of its VCPUs is in the guest
   or waits for cpu 0 (a vmctl status). */
int vm_pause_vm (struct vm *);
/* Runs claimed VM again, paused or never started. */
int vm_resume_vm (struct vm *);

/* Makes a new VM, not started, with SRC's configuration (RAM size,
   VCPUs, paging, TDF, weight and cap, disks) and no memory yet, named
   NAME (null: SRC's name).  Returns it claimed, or a null pointer and
   *STATUS, with WHY filled in. */
struct vm *vm_create_like (const struct vm *src, const char *name,
                           int *status, char *why, size_t why_size);
/* Destroys claimed VM, never started, returning every page it has. */
void vm_discard (struct vm *);
/* Copies guest page GPA's contents from SRC to DST, giving DST a host
   page for it if it has none; where SRC has no contents, DST drops
   its own (the page reads as zeros there too).  False if host memory
   ran out. */
bool vmstate_copy_page (struct vm *dst, struct vm *src, uint32_t gpa);
/* Copies everything but memory from paused SRC to DST, not started:
   the VCPUs (registers, VMCBs' guest state, interrupts pending, FPU,
   timers), the devices and the clocks, so that DST continues where
   SRC stopped.  False, with nothing changed, if memory is short. */
bool vmstate_copy_machine (struct vm *dst, struct vm *src);
/* Ends paused SRC, whose state DST (number TO) now runs: its waiter
   sees VMCTL_END_MIGRATED. */
void vm_end_migrated (struct vm *src, int to);

/* vmctl operations (threads/vmctl.h): hv/vm.c, hv/snapshot.c (save,
   restore), hv/vmstate.c (clone). */
int vm_list_info (struct vmctl_info *, unsigned max);
int vm_pause (int id);
int vm_resume (int id);
int vm_save_size (int id, uint64_t *size);
int vm_save (int id, const struct vmctl_stream *);
int vm_restore (const struct vmctl_stream *, const char *name, char *why,
                size_t why_size);
int vm_clone (int id, const char *name);

/* ---- hv/migrate.c: live migration by pre-copy ---- */
int vm_migrate (int id, struct vmctl_migration *, char *why,
                size_t why_size);

/* ---- hv/npt.c: dirty-page logging for migration ----
   While a VM's memory is logged, its nested entries are write-
   protected; a guest write to a protected page marks the page dirty
   and lets writes through again (hv/npf.c).  Pages the host itself
   writes or remaps (npt_log_write) are marked too.  Bitmaps hold a bit
   per guest page: bit N % 32 of word N / 32 for page N. */
bool npt_log_start (struct vm *);
size_t npt_log_collect (struct vm *, uint32_t *bitmap);
void npt_log_stop (struct vm *);
bool npt_log_fault (struct vm *, uint32_t gpa);
void npt_log_write (struct vm *, uint32_t gpa);

#endif /* hv/hv.h */
