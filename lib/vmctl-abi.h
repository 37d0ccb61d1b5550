/* The vmctl system call's ABI: the operations, the argument block each
   one takes and the statuses it returns, as the kernel
   (userprog/vmsys.c) and user programs (examples/vmctl.c, the tests
   of tests/vmctl) both see them.

   A user program calls vmctl (OP, ARG) with OP one of enum vmc_op and
   ARG pointing to the block the op names below.  The call returns a
   VM number (>= 0), a count, VMC_OK, or a negative status.  A bad
   pointer, in ARG or in a block, ends the caller as any system call
   does.

   Who may act on a VM: a process may pause, resume, kill, set,
   snapshot, clone and migrate the VMs that it or one of its
   descendants started (run, restore, clone or migrate).  The first
   process (the one the kernel ran, e.g. the shell) and the programs
   it runs directly (the shell's commands, such as vmctl) may act on
   every VM.  Anyone else gets VMC_EPERM.  LIST and STATS
   only read, and show every VM.  VMs run on when the process that
   started them exits. */
#ifndef LIB_VMCTL_ABI_H
#define LIB_VMCTL_ABI_H

#include <stdint.h>

/* The operations, and what ARG points to for each. */
enum vmc_op
  {
    VMC_LIST,                   /* struct vmc_list: returns how many VMs
                                   there are (maybe more than MAX). */
    VMC_RUN,                    /* struct vmc_run: returns the new VM's
                                   number; it runs in the background. */
    VMC_PAUSE,                  /* int32_t, the VM's number. */
    VMC_RESUME,                 /* int32_t: runs a paused VM again, or
                                   starts a restored or cloned one. */
    VMC_KILL,                   /* int32_t: returns once the VM is gone. */
    VMC_STATS,                  /* struct vmc_stats. */
    VMC_SET,                    /* struct vmc_set. */
    VMC_SNAPSHOT,               /* struct vmc_snapshot: the VM must be
                                   paused; FILE must not exist. */
    VMC_RESTORE,                /* struct vmc_restore: returns the new
                                   VM's number, made but not started. */
    VMC_CLONE,                  /* struct vmc_clone: the source must be
                                   paused; returns the copy's number,
                                   made but not started. */
    VMC_MIGRATE,                /* struct vmc_migrate: returns the number
                                   of the VM that runs on in its place. */
    VMC_OP_CNT
  };

/* Statuses.  The first thirteen are the kernel's own (threads/vmctl.h)
   with the same numbers; the ones after them are the system call's. */
enum vmc_status
  {
    VMC_OK = 0,
    VMC_ENOHV = -1,             /* No hypervisor loaded (insmod hv.ko). */
    VMC_ENOMEM = -2,            /* Out of memory. */
    VMC_EINVAL = -3,            /* Bad argument or bad guest image. */
    VMC_ENOVM = -4,             /* No VM with that number. */
    VMC_EBUSY = -5,             /* Too many VMs, or the VM is busy. */
    VMC_ENOENT = -6,            /* No such file. */
    VMC_ECORRUPT = -7,          /* Snapshot damaged or cut short (WHY). */
    VMC_EPERM = -8,             /* Not your VM (the rule above). */
    VMC_EIO = -9,               /* The snapshot could not be written. */
    VMC_ENOTPAUSED = -10,       /* The VM must be paused first. */
    VMC_EPAUSED = -11,          /* The VM is paused already. */
    VMC_ESTATE = -12,           /* Not possible for this VM now (WHY). */
    VMC_EOP = -13,              /* No such operation. */
    VMC_EFILE = -14             /* The file could not be created: it
                                   exists, or the disk is full. */
  };

/* Sizes of names and messages, without their null terminators. */
#define VMC_NAME_MAX 31         /* A VM's name. */
#define VMC_FILE_MAX 63         /* A file name passed in a block. */
#define VMC_WHY_MAX 95          /* Why a restore or migration failed. */

/* Limits of RUN and SET. */
#define VMC_RAM_MAX_MB 64
#define VMC_VCPUS_MAX 8
#define VMC_WEIGHT_MAX 65535
#define VMC_TDF_MAX 100
#define VMC_MIG_ROUNDS_MAX 30

/* Where a VM is in its life. */
enum vmc_state
  {
    VMC_CREATED,                /* Made, not started (RESUME starts it). */
    VMC_RUNNING,
    VMC_PAUSED,
    VMC_ENDED                   /* Ended; about to disappear. */
  };

/* How a VM's memory is virtualized. */
enum vmc_paging
  {
    VMC_PAGING_DEFAULT,         /* The kernel's default (nested). */
    VMC_PAGING_NPT,             /* Nested page tables. */
    VMC_PAGING_SHADOW           /* Shadow page tables. */
  };

/* One VM, as LIST and STATS show it. */
struct vmc_info
  {
    int32_t id;                 /* Its number. */
    char name[VMC_NAME_MAX + 1];
    int32_t state;              /* enum vmc_state. */
    uint32_t vcpus;
    uint32_t weight;            /* CPU share weight. */
    uint32_t cap;               /* Most CPU, percent of one CPU; 0: none. */
    uint64_t run_us;            /* CPU time in guest mode. */
    uint64_t exits;             /* VM exits so far. */
    uint32_t ram_kb;            /* Guest RAM. */
    uint32_t resident_kb;       /* Host memory backing it now. */
    uint32_t tdf;               /* Time dilation factor. */
    uint32_t shadow;            /* 1: shadow paging; 0: nested. */
    int32_t owner;              /* Process id of the process that started
                                   it, or -1 if no user program did. */
  };

/* LIST: stores up to MAX VMs in VMS (which may be null if MAX is 0). */
struct vmc_list
  {
    struct vmc_info *vms;
    uint32_t max;
  };

/* RUN: a guest image in the file system, and how to run it (0 or
   VMC_PAGING_DEFAULT: the default). */
struct vmc_run
  {
    const char *image;          /* The image's file name. */
    uint32_t ram_mb;            /* Guest RAM, 1...VMC_RAM_MAX_MB MiB. */
    uint32_t vcpus;             /* 1...VMC_VCPUS_MAX. */
    uint32_t weight;            /* 1...VMC_WEIGHT_MAX. */
    uint32_t cap;               /* Percent, up to 100 per VCPU. */
    int32_t paging;             /* enum vmc_paging. */
    uint32_t tdf;               /* 1...VMC_TDF_MAX. */
  };

/* Scheduling figures of a VCPU or a whole VM, in microseconds. */
struct vmc_sched
  {
    uint64_t run_us;            /* In guest mode. */
    uint64_t wait_us;           /* Runnable, waiting for a CPU. */
    uint32_t wakeups;           /* Wake-ups from a halt. */
    uint32_t worst_latency_us;  /* Longest wake-up to running. */
  };

/* STATS: ID in; the rest out. */
struct vmc_stats
  {
    int32_t id;
    struct vmc_info info;       /* As LIST shows it. */
    struct vmc_sched vm;        /* The whole VM. */
    struct vmc_sched vcpu[VMC_VCPUS_MAX]; /* Each VCPU (INFO.VCPUS). */
  };

/* SET: new weight and cap; -1 keeps one as it is. */
struct vmc_set
  {
    int32_t id;
    int32_t weight;
    int32_t cap;
  };

/* SNAPSHOT: writes paused VM ID's whole state to new file FILE. */
struct vmc_snapshot
  {
    int32_t id;
    const char *file;
  };

/* RESTORE: makes a VM from snapshot FILE, named NAME (null: the saved
   name).  WHY (out) says what is wrong with a refused snapshot. */
struct vmc_restore
  {
    const char *file;
    const char *name;
    char why[VMC_WHY_MAX + 1];
  };

/* CLONE: copies paused VM ID into a new VM named NAME (null: the
   source's name with "+" after it). */
struct vmc_clone
  {
    int32_t id;
    const char *name;
  };

/* Why pre-copy stopped (STOP of struct vmc_migrate). */
enum vmc_mig_stop
  {
    VMC_MIG_CONVERGED,          /* Few pages dirtied in the last round. */
    VMC_MIG_STALLED,            /* The dirty set stopped shrinking. */
    VMC_MIG_ROUNDS,             /* Round limit. */
    VMC_MIG_SENT                /* Sent three times the guest's memory. */
  };

/* MIGRATE: ID and VERBOSE in (VERBOSE: the kernel prints each round
   as it ends); the rest out.  Times are microseconds. */
struct vmc_migrate
  {
    int32_t id;
    uint32_t verbose;
    uint32_t rounds;            /* Pre-copy rounds, the first included. */
    uint32_t round_pages[VMC_MIG_ROUNDS_MAX]; /* Pages sent per round. */
    uint32_t final_pages;       /* Pages sent while the VM was stopped. */
    uint64_t pages_sent;        /* All pages sent. */
    uint32_t guest_pages;       /* The guest's memory, in pages. */
    int32_t stop;               /* enum vmc_mig_stop. */
    uint64_t total_us;          /* Start to the new VM running. */
    uint64_t downtime_us;       /* Old VM stopped to new VM running. */
    char why[VMC_WHY_MAX + 1];  /* Why it could not migrate. */
  };

#endif /* lib/vmctl-abi.h */
