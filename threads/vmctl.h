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
    VMCTL_ENOENT = -6           /* No such file in the scratch archive. */
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
    VMCTL_END_KILLED            /* The hv stopped it: WHY says why. */
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
    char why[VMCTL_WHY_MAX + 1]; /* For VMCTL_END_KILLED. */
    uint64_t exits;             /* Total exits. */
    uint64_t guest_cycles;      /* TSC cycles spent in guest mode. */
    size_t guest_pages;         /* Host pages that backed guest RAM. */
    size_t stat_cnt;            /* Entries used in STATS. */
    struct vmctl_exit_stat stats[VMCTL_STATS_MAX]; /* Nonzero reasons. */
    struct vmctl_sched sched;   /* Scheduling statistics at the end. */
  };

/* The operations the hv registers.  CREATE returns the new VM's
   number or a negative status; the others return a status.  WAIT
   blocks until the VM has ended, fills in REPORT and destroys the
   VM, returning every page it used.  SET_SCHED changes a VM's weight
   and cap, running or not (-1 leaves one as it is); SCHED reads its
   scheduling parameters and statistics. */
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

int vmctl_load (const char *file, struct vmctl_spec *, void **buffer);
int vmctl_load_cmdline (const char *file, char **cmdline);
bool vmctl_parse_paging (const char *name, enum vmctl_paging *);
const char *vmctl_strerror (int status);
uint64_t vmctl_report_count (const struct vmctl_report *, const char *reason);

void vmctl_run_action (char **argv);

/* The NMI watchdog, for the hv (threads/vmctl-watchdog.c). */
bool vmctl_watchdog_arm (bool arm);

#endif /* threads/vmctl.h */
