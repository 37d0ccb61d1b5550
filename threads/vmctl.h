/* VM control: where the hypervisor module (hv) registers the
   operations it offers, and the kernel-side calls that use them.  The
   kernel never links against hv symbols: the "vmrun" action, kernel
   tests and (later) a vmctl system call all go through the table the
   hv registered, and get VMCTL_ENOHV while no hv is loaded. */
#ifndef THREADS_VMCTL_H
#define THREADS_VMCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest VM name, without the null terminator. */
#define VMCTL_NAME_MAX 31

/* Longest explanation of why a VM was killed. */
#define VMCTL_WHY_MAX 95

/* Most exit reasons a report lists. */
#define VMCTL_STATS_MAX 24

/* Longest exit-reason name. */
#define VMCTL_REASON_MAX 15

/* Statuses (every call below returns one, or a VM number >= 0). */
enum vmctl_status
  {
    VMCTL_OK = 0,
    VMCTL_ENOHV = -1,           /* No hypervisor is loaded. */
    VMCTL_ENOMEM = -2,          /* Out of memory. */
    VMCTL_EINVAL = -3,          /* Bad argument or bad guest image. */
    VMCTL_ENOVM = -4,           /* No VM with that number. */
    VMCTL_EBUSY = -5,           /* Too many VMs, or the VM is running. */
    VMCTL_ENOENT = -6,          /* No such file in the scratch archive. */
    VMCTL_ECORRUPT = -7,        /* A snapshot or migration stream is
                                   damaged or cut short. */
    VMCTL_EPERM = -8,           /* Not the caller's VM (the vmctl system
                                   call's rule, userprog/vmsys.c). */
    VMCTL_EIO = -9,             /* A snapshot could not be written. */
    VMCTL_ENOTPAUSED = -10,     /* The operation needs a paused VM. */
    VMCTL_EPAUSED = -11,        /* The VM is paused already. */
    VMCTL_ESTATE = -12          /* Not possible in the VM's state or
                                   configuration (WHY of restore or
                                   migrate says more). */
  };

/* VMCB defects a test may plant: the first three make the CPU's
   consistency checks refuse VMRUN (VMEXIT_INVALID), the last makes an
   exit the hv has no handler for.  Never used otherwise. */
enum vmctl_flaw
  {
    VMCTL_FLAW_NONE,
    VMCTL_FLAW_ASID_ZERO,       /* Guest ASID 0 (the host's). */
    VMCTL_FLAW_NO_VMRUN_INTERCEPT, /* VMRUN not intercepted. */
    VMCTL_FLAW_NO_SVME,         /* Guest EFER.SVME clear. */
    VMCTL_FLAW_UNHANDLED_EXIT   /* RDPMC intercepted, which the hv has
                                   no handler for. */
  };

/* IDE disks a VM may have (hv/vdev/ide.c). */
#define VMCTL_DISK_MAX 2

/* How a VM's guest-physical memory is virtualized. */
enum vmctl_paging
  {
    VMCTL_PAGING_DEFAULT,       /* vmctl_default_paging. */
    VMCTL_PAGING_NPT,           /* Nested paging: the CPU walks both. */
    VMCTL_PAGING_SHADOW         /* Shadow page tables (hv/shadow.c). */
  };

/* The paging of VMs that ask for none: nested, unless the kernel
   option -hv-paging=shadow says otherwise. */
extern enum vmctl_paging vmctl_default_paging;

/* What to build a VM from. */
struct vmctl_spec
  {
    const char *name;           /* Shown in messages (copied). */
    const void *image;          /* Guest image, hv/abi.h format (copied). */
    size_t image_size;          /* Its length in bytes. */
    uint32_t ram_size;          /* Guest RAM in bytes; 0 = the default. */
    int64_t budget;             /* Host timer ticks of CPU time the VM
                                   may use before it is killed; 0 = no
                                   limit. */
    enum vmctl_flaw flaw;       /* VMCTL_FLAW_NONE. */
    bool trace;                 /* Print a line per exit (debugging). */
    bool quiet;                 /* Print nothing about the VM: not its
                                   console, dumps or statistics (for
                                   running many generated guests). */
    unsigned vcpus;             /* VCPUs, 1...VMCTL_VCPUS_MAX; 0 = 1. */
    unsigned weight;            /* CPU share weight, VMCTL_WEIGHT_MIN...
                                   VMCTL_WEIGHT_MAX; 0 = the default. */
    unsigned cap;               /* Most CPU it may use, in percent of one
                                   CPU (up to 100 per VCPU); 0 = none. */
    const char *cmdline;        /* A multiboot kernel's command line
                                   (copied), or null. */
    unsigned restarts;          /* Times a reset request restarts it
                                   rather than ends it (0 = never). */
    const char *disk[VMCTL_DISK_MAX]; /* Files of the scratch archive its
                                   IDE disks live in, read and written in
                                   place: disk0 is the primary master
                                   (hda), disk1 the primary slave (hdb);
                                   null = no disk there. */
    enum vmctl_paging paging;   /* Nested or shadow paging. */
    unsigned tdf;               /* Time dilation factor, 1...VMCTL_TDF_MAX:
                                   its clocks run TDF times slower than
                                   the host's; 0 = 1 (docs/hv.md, 12). */
  };

/* Largest time dilation factor ("vmrun NAME+tdf=N"). */
#define VMCTL_TDF_MAX 100

/* Most RAM a VM may have, in MiB ("vmrun NAME+ram=MB"). */
#define VMCTL_RAM_MAX_MB 64

/* Scheduling parameters (hv/vsched.c). */
#define VMCTL_VCPUS_MAX 8
#define VMCTL_WEIGHT_MIN 1
#define VMCTL_WEIGHT_MAX 65535
#define VMCTL_WEIGHT_DEFAULT 256

/* Scheduling statistics of one VCPU, or of a whole VM (the sums, and
   the worst latency of any VCPU).  Times in microseconds. */
struct vmctl_sched_stat
  {
    uint64_t run_us;            /* CPU time: in guest mode. */
    uint64_t wait_us;           /* Runnable but waiting for a CPU. */
    uint32_t wakeups;           /* Wake-ups from a halt. */
    uint32_t worst_latency_us;  /* Longest wake-up to running. */
  };

/* Where one VCPU ran (vmctl_vcpu_cpus). */
struct vmctl_vcpu_cpus
  {
    uint32_t cpus;              /* Bit N: it ran on physical CPU N (since
                                   it started or was last pinned). */
    uint32_t migrations;        /* Times it ran on another CPU than before. */
    int pin;                    /* The CPU it is pinned to, or -1. */
  };

/* A VM's scheduling: its parameters and statistics so far. */
struct vmctl_sched
  {
    unsigned weight;            /* Current weight. */
    unsigned cap;               /* Current cap, percent; 0 = none. */
    unsigned vcpu_cnt;          /* VCPUs. */
    struct vmctl_sched_stat vm; /* The whole VM. */
    struct vmctl_sched_stat vcpu[VMCTL_VCPUS_MAX]; /* Each VCPU. */
    uint64_t decisions;         /* Scheduling decisions of its CPU... */
    uint64_t decision_cycles;   /* ...and the TSC cycles they took. */
    uint64_t host_us;           /* Time its CPU's host kernel took for
                                   itself (interrupts, other threads)
                                   as guests exited. */
    uint64_t now_us;            /* The hv's clock when these were read. */
  };

/* One physical CPU of the hv's scheduler: what it did since the hv
   loaded.  Times are microseconds of the hv's clock. */
struct vmctl_pcpu
  {
    unsigned cpu;               /* Its number: 0 is the boot CPU. */
    uint64_t busy_us;           /* Its VCPUs ran in guest mode. */
    uint64_t switches;          /* Times it started another VCPU. */
    uint64_t steals;            /* VCPUs it took from another CPU's queue. */
    uint64_t migrations;        /* VCPUs that came to it from another CPU. */
    uint64_t kicks;             /* IPIs that made it look at its queues. */
    uint64_t now_us;            /* The hv's clock when these were read. */
  };

/* Most physical CPUs vmctl_pcpus reports. */
#define VMCTL_PCPUS_MAX 8

/* How a VM ended. */
enum vmctl_end
  {
    VMCTL_END_EXIT,             /* The guest asked to exit: EXIT_CODE. */
    VMCTL_END_KILLED,           /* The hv stopped it: WHY says why. */
    VMCTL_END_MIGRATED          /* It moved: MIGRATED_TO runs on in its
                                   place (vmctl_migrate). */
  };

/* One line of a VM's exit statistics. */
struct vmctl_exit_stat
  {
    char reason[VMCTL_REASON_MAX + 1]; /* E.g. "cpuid". */
    uint64_t count;             /* Exits for this reason. */
    uint64_t cycles;            /* Host TSC cycles spent handling them. */
  };

/* What a finished VM reports. */
struct vmctl_report
  {
    enum vmctl_end end;         /* How it ended. */
    int exit_code;              /* For VMCTL_END_EXIT. */
    int migrated_to;            /* For VMCTL_END_MIGRATED: the VM number
                                   that continues it. */
    char why[VMCTL_WHY_MAX + 1]; /* For VMCTL_END_KILLED. */
    uint64_t exits;             /* Total exits. */
    uint64_t guest_cycles;      /* TSC cycles spent in guest mode. */
    size_t guest_pages;         /* Host pages that backed guest RAM. */
    size_t stat_cnt;            /* Entries used in STATS. */
    struct vmctl_exit_stat stats[VMCTL_STATS_MAX]; /* Nonzero reasons. */
    struct vmctl_sched sched;   /* Scheduling statistics at the end. */
  };

/* Where a VM is in its life (vmctl_list). */
enum vmctl_state
  {
    VMCTL_STATE_CREATED,        /* Made, never started (restore, clone
                                   and create leave it so: START or
                                   RESUME runs it). */
    VMCTL_STATE_RUNNING,        /* Its VCPUs run, wait for a CPU or halt. */
    VMCTL_STATE_PAUSED,         /* Stopped by vmctl_pause, state intact. */
    VMCTL_STATE_ENDED           /* Ended; waits for vmctl_wait. */
  };

/* One VM, as vmctl_list reports it. */
struct vmctl_info
  {
    int id;                     /* Its number. */
    char name[VMCTL_NAME_MAX + 1];
    enum vmctl_state state;
    unsigned vcpus;             /* VCPUs. */
    unsigned weight;            /* Scheduling weight... */
    unsigned cap;               /* ...and cap in percent (0 = none). */
    uint64_t run_us;            /* CPU time in guest mode. */
    uint64_t exits;             /* VM exits so far. */
    uint32_t ram_kb;            /* Guest RAM. */
    uint32_t resident_kb;       /* Host memory backing it now. */
    unsigned tdf;               /* Time dilation factor. */
    bool shadow;                /* Shadow paging (else nested). */
  };

/* A byte stream a VM's state is written to or read from: a file, a
   buffer, another VM (docs/hv.md section 13 gives the format).  WRITE
   and READ move exactly SIZE bytes or return false (a write that
   failed; a stream that ended early). */
struct vmctl_stream
  {
    bool (*write) (void *aux, const void *buf, size_t size);
    bool (*read) (void *aux, void *buf, size_t size);
    void *aux;
  };

/* Pre-copy live migration's stop rule (docs/hv.md section 14.3): rounds
   of copying pages the source dirtied go on until fewer than
   VMCTL_MIG_DIRTY_MIN pages were dirtied in a round, or the dirty set
   stopped shrinking for VMCTL_MIG_STALL_ROUNDS rounds, or
   VMCTL_MIG_ROUNDS_MAX rounds were made, or the pages sent reach
   VMCTL_MIG_SENT_FACTOR times the guest's memory. */
#define VMCTL_MIG_DIRTY_MIN 50
#define VMCTL_MIG_STALL_ROUNDS 3
#define VMCTL_MIG_ROUNDS_MAX 30
#define VMCTL_MIG_SENT_FACTOR 3

/* Why pre-copy stopped. */
enum vmctl_mig_stop
  {
    VMCTL_MIG_CONVERGED,        /* Few pages dirtied in the last round. */
    VMCTL_MIG_STALLED,          /* The dirty set stopped shrinking. */
    VMCTL_MIG_ROUNDS,           /* Round limit. */
    VMCTL_MIG_SENT              /* Sent VMCTL_MIG_SENT_FACTOR x memory. */
  };

/* What a live migration did (vmctl_migrate).  Times are microseconds
   of the hv's clock. */
struct vmctl_migration
  {
    bool verbose;               /* In: print each round as it ends. */
    unsigned rounds;            /* Pre-copy rounds, the first full copy
                                   included. */
    uint32_t round_pages[VMCTL_MIG_ROUNDS_MAX]; /* Pages sent per round. */
    uint32_t final_pages;       /* Pages sent in stop-and-copy. */
    uint64_t pages_sent;        /* All pages sent. */
    uint32_t guest_pages;       /* The guest's memory in pages. */
    enum vmctl_mig_stop stop;   /* Why pre-copy stopped. */
    uint64_t total_us;          /* Reservation to activation. */
    uint64_t downtime_us;       /* Source paused to destination running. */
  };

/* The operations the hv registers.  CREATE returns the new VM's
   number or a negative status; the others return a status.  WAIT
   blocks until the VM has ended, fills in REPORT and destroys the
   VM, returning every page it used.  SET_SCHED changes a VM's weight
   and cap, running or not (-1 leaves one as it is); SCHED reads its
   scheduling parameters and statistics.

   A VM's life past running (docs/hv.md section 13):
   - LIST stores up to MAX VMs in the array and returns how many VMs
     there are (possibly more than MAX).
   - PAUSE stops a running VM and returns once none of its VCPUs is in
     the guest (VMCTL_EPAUSED if it was paused); RESUME runs a paused
     VM again, or starts one that was made but never started.
   - SAVE writes a paused VM's whole state (VCPUs, devices, memory) to
     a stream, SAVE_SIZE bytes exactly; RESTORE reads one into a new
     VM, made but not started, and returns its number; a damaged or
     short stream gets VMCTL_ECORRUPT and WHY.  NAME may be null: the
     saved name is kept.
   - CLONE makes a second VM, not started, with a paused VM's state
     (NAME may be null: the source's name with "+" after it).
   - MIGRATE moves a running VM into a new one by pre-copy while it
     runs and returns the new VM's number; the old one ends with
     VMCTL_END_MIGRATED, its waiter reaps it, and the caller must wait
     for the new one.  WHY says why a VM cannot be migrated. */
struct vmctl_ops
  {
    int (*create) (const struct vmctl_spec *);
    int (*start) (int vm);
    int (*wait) (int vm, struct vmctl_report *report);
    int (*kill) (int vm);
    int (*set_sched) (int vm, int weight, int cap);
    int (*sched) (int vm, struct vmctl_sched *);
    int (*pin) (int vm, unsigned vcpu, int cpu);
    int (*pcpus) (struct vmctl_pcpu *, unsigned max);
    int (*vcpu_cpus) (int vm, unsigned vcpu, struct vmctl_vcpu_cpus *);
    int (*list) (struct vmctl_info *, unsigned max);
    int (*pause) (int vm);
    int (*resume) (int vm);
    int (*save_size) (int vm, uint64_t *size);
    int (*save) (int vm, const struct vmctl_stream *);
    int (*restore) (const struct vmctl_stream *, const char *name,
                    char *why, size_t why_size);
    int (*clone) (int vm, const char *name);
    int (*migrate) (int vm, struct vmctl_migration *, char *why,
                    size_t why_size);
  };

void vmctl_register (const struct vmctl_ops *);
void vmctl_unregister (const struct vmctl_ops *);

int vmctl_create (const struct vmctl_spec *);
int vmctl_start (int vm);
int vmctl_wait (int vm, struct vmctl_report *);
int vmctl_kill (int vm);
int vmctl_set_sched (int vm, int weight, int cap);
int vmctl_sched (int vm, struct vmctl_sched *);
int vmctl_pin (int vm, unsigned vcpu, int cpu);
int vmctl_pcpus (struct vmctl_pcpu *, unsigned max);
int vmctl_vcpu_cpus (int vm, unsigned vcpu, struct vmctl_vcpu_cpus *);
int vmctl_list (struct vmctl_info *, unsigned max);
int vmctl_pause (int vm);
int vmctl_resume (int vm);
int vmctl_save_size (int vm, uint64_t *size);
int vmctl_save (int vm, const struct vmctl_stream *);
int vmctl_restore (const struct vmctl_stream *, const char *name,
                   char *why, size_t why_size);
int vmctl_clone (int vm, const char *name);
int vmctl_migrate (int vm, struct vmctl_migration *, char *why,
                   size_t why_size);
const char *vmctl_state_name (enum vmctl_state);
const char *vmctl_mig_stop_name (enum vmctl_mig_stop);

int vmctl_load (const char *file, struct vmctl_spec *, void **buffer);
int vmctl_load_cmdline (const char *file, char **cmdline);
bool vmctl_parse_paging (const char *name, enum vmctl_paging *);
const char *vmctl_strerror (int status);
uint64_t vmctl_report_count (const struct vmctl_report *, const char *reason);

void vmctl_run_action (char **argv);

/* The NMI watchdog, for the hv (threads/vmctl-watchdog.c). */
bool vmctl_watchdog_arm (bool arm);

#endif /* threads/vmctl.h */
