/* What the hv's kernel tests share: running a guest image from the
   scratch disk in a VM and checking that destroying the VM returned
   every page.  The tests reach the hv only through threads/vmctl.h,
   as the kernel always does. */
#ifndef TESTS_HV_HVTEST_H
#define TESTS_HV_HVTEST_H

#include <stdint.h>
#include "threads/vmctl.h"

/* How to run a guest in hvtest_run; zero means the default. */
struct hvtest_options
  {
    int64_t budget;             /* CPU budget in ticks (default below). */
    enum vmctl_flaw flaw;       /* VMCB defect to plant. */
    bool trace;                 /* Have the hv print every exit. */
    unsigned vcpus;             /* VCPUs (default 1). */
    unsigned weight;            /* Scheduling weight (default 256). */
    unsigned cap;               /* Cap, percent of one CPU (default none). */
    bool pinned;                /* Pin every VCPU to physical CPU PIN_CPU. */
    unsigned pin_cpu;
    const char *disk[VMCTL_DISK_MAX]; /* Files of its IDE disks (none). */
    const char *cmdline;        /* File holding a multiboot kernel's command
                                   line (none). */
    unsigned ram_mb;            /* Guest RAM in MiB (the hv's default). */
    unsigned restarts;          /* Resets that restart it (none). */
    enum vmctl_paging paging;   /* Nested or shadow (the kernel's default). */
    unsigned tdf;               /* Time dilation factor (1). */
  };

/* CPU budget of a test VM unless a test asks otherwise: a runaway
   guest ends with a message instead of running into the timeout. */
#define HVTEST_BUDGET 500

int hvtest_create (const char *file, const struct hvtest_options *);
void hvtest_finish (int vm, const char *file, struct vmctl_report *);
void hvtest_run (const char *file, const struct hvtest_options *,
                 struct vmctl_report *);
void hvtest_guest (const char *test);
void hvtest_check_pages (size_t free_before);
void hvtest_sched (int vm, const char *file, struct vmctl_sched *);

/* Most VMs hvtest_run_together runs. */
#define HVTEST_TOGETHER_MAX 4
void hvtest_run_together (const char *file, int count);

#endif /* tests/hv/hvtest.h */
