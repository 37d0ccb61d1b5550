/* The contract between the hypervisor and its guests: how a guest
   image is laid out, what the guest-physical address space holds,
   the hypercalls, I/O ports, MSRs and CPUID leaves the hv offers.
   Included by the hv (the sources in hv/) and by the guest runtime
   (hv/guest/), so it holds only constants and plain structs. */
#ifndef HV_ABI_H
#define HV_ABI_H

#ifndef __ASSEMBLER__
#include <stdint.h>
#endif

/* ---- Guest image ----

   A guest program is a flat binary that starts with this header.
   The hv copies the whole file to guest-physical LOAD_ADDR, starts
   the guest in 32-bit protected mode with paging off and flat
   segments, EIP = ENTRY, ESP = STACK_TOP, interrupts masked.  Memory
   from the end of the file to BSS_END reads as zeros. */
#ifndef __ASSEMBLER__
struct hv_image_header
  {
    uint32_t magic;             /* +0x00 HV_IMAGE_MAGIC. */
    uint32_t load_addr;         /* +0x04 Guest-physical address of byte 0. */
    uint32_t entry;             /* +0x08 First instruction. */
    uint32_t stack_top;         /* +0x0c Initial ESP. */
    uint32_t bss_end;           /* +0x10 End of the memory it uses. */
  };
_Static_assert (sizeof (struct hv_image_header) == 0x14,
                "guest image header layout");
#endif

#define HV_IMAGE_MAGIC 0x54534752u      /* "RGST" in memory. */

/* ---- Guest-physical address space ----

   [0, guest RAM size): RAM, backed by host pages on first touch.
   [HV_VTIMER_BASE, + HV_VTIMER_SIZE): the virtual timer (MMIO).
   Anything else: an access kills the VM. */
#define HV_GUEST_LOAD_ADDR 0x00100000  /* Where guest images link. */
#define HV_GUEST_RAM_DEFAULT (4u << 20) /* RAM when none is asked for. */
#define HV_GUEST_RAM_MAX   (64u << 20)  /* Largest RAM a VM may have. */

/* ---- Virtual timer (MMIO, 32-bit registers) ----

   Time is counted in ticks of HV_TICK_HZ.  Writing PERIOD = N arms
   the timer to raise interrupt VECTOR every N ticks from now; 0
   stops it.  An expiry that the guest cannot take at once (its
   interrupts are masked) stays pending and is delivered when it
   unmasks: none is lost, each expiry is one interrupt.  The ticks are
   the VM's: in a VM dilated by a factor TDF (vmrun NAME+tdf=N) each
   lasts TDF ticks of the host's clock. */
#define HV_VTIMER_BASE   0xfed00000u
#define HV_VTIMER_SIZE   0x1000u
#define HV_VTIMER_PERIOD 0x00   /* RW: ticks between interrupts, 0 = off. */
#define HV_VTIMER_VECTOR 0x04   /* RW: vector, HV_VECTOR_MIN...255. */
#define HV_VTIMER_FIRED  0x08   /* RO: expiries since the VM started. */
#define HV_VTIMER_NOW    0x0c   /* RO: ticks since the VM started. */
#define HV_TICK_HZ       100    /* Ticks per second (the host's timer). */
#define HV_VECTOR_MIN    32     /* Vectors below are exceptions. */

/* ---- I/O ports ----

   Besides these two, every VM has the ports of a small PC (PIC, PIT,
   CMOS clock, keyboard controller, IDE, power-off; hv/vdev/ and
   docs/hv.md, section 9), which a guest written for the hv may ignore.
   Any other port reads as all ones. */
#define HV_PORT_COM1       0x3f8  /* 16550 UART subset: a console. */
#define HV_PORT_DEBUG_EXIT 0xf4   /* Write V: the VM ends with exit code V. */

/* ---- Hypercalls (VMMCALL) ----

   EAX = number, EBX, ECX and EDX the arguments; the result comes back
   in EAX, negative on error.  Guest addresses are linear (virtual when
   the guest has paging on).  VCPU numbers run from 0 to the VM's VCPU
   count less one (CPUID leaf HV_CPUID_INFO gives both). */
#define HC_NULL          0      /* Does nothing, returns 0: cost probe. */
#define HC_CONSOLE_WRITE 1      /* EBX = buffer, ECX = length (at most
                                   HC_CONSOLE_MAX): returns bytes written. */
#define HC_EXIT          2      /* EBX = code: ends the VM. */
#define HC_YIELD         3      /* Gives up the rest of the VCPU's time
                                   slice: VCPUs waiting run first. */
#define HC_TICKS         4      /* Returns the VM's ticks since it started
                                   (TDF host ticks each, see HC_HOST_TICKS). */
#define HC_VCPU_UP       5      /* EBX = VCPU, ECX = entry, EDX = stack:
                                   starts a VCPU that is down (see
                                   "VCPUs" below); returns 0. */
#define HC_IPI           6      /* EBX = VCPU, ECX = vector: raises
                                   interrupt VECTOR (HV_VECTOR_MIN...255)
                                   on that VCPU of this VM, waking it if
                                   it halted; returns 0. */
#define HC_YIELD_TO      7      /* EBX = VCPU: directed yield.  Gives the
                                   rest of the slice to that VCPU of this
                                   VM if it is waiting for a CPU (say, it
                                   holds a lock and was preempted);
                                   returns 0 if it ran, 1 if it was not
                                   waiting (running, halted or down). */
#define HC_VCPU_STATS    8      /* EBX = VCPU, ECX = struct hv_vcpu_stats
                                   to fill in: that VCPU's scheduling
                                   statistics; returns 0. */
#define HC_BALLOON       9      /* EBX = guest-physical address (page
                                   aligned), ECX = page count: gives those
                                   pages of RAM back to the host (see
                                   "Memory" below); returns how many had
                                   host memory or swap behind them. */
#define HC_MEM_STAT      10     /* EBX = HV_MEM_*: returns that count of
                                   this VM's memory. */
#define HC_HOST_TICKS    11     /* Returns the host's ticks since the VM
                                   started, never dilated: the outside
                                   world's clock (docs/hv.md, 12). */

#define HC_CONSOLE_MAX   4096

#define HC_ENOSYS (-1)          /* No such hypercall. */
#define HC_EFAULT (-2)          /* A buffer is not in guest memory. */
#define HC_EINVAL (-3)          /* An argument is out of range. */

/* ---- Memory ----

   RAM is backed by host pages on first touch.  When the host runs
   short, the hv may write a page of a VM to swap and drop it from the
   nested table; the next touch brings it back, unchanged.  A VM of
   one VCPU only: the hv pages out, and takes balloon pages from,
   no VM of several.  HC_BALLOON is a balloon driver's call: the pages
   named are the guest's no longer, their host pages or swap slots are
   freed, and a later touch finds a new page of zeros.  It returns
   HC_EINVAL for an address not page aligned or a VM of several VCPUs,
   HC_EFAULT for pages outside RAM.  HC_MEM_STAT's counts: */
#define HV_MEM_RESIDENT  0      /* Pages in host memory now. */
#define HV_MEM_SWAPPED   1      /* Pages in swap now. */
#define HV_MEM_EVICTIONS 2      /* Pages written to swap, ever. */
#define HV_MEM_SWAP_INS  3      /* Pages read back from swap, ever. */
#define HV_MEM_BALLOONED 4      /* Pages given back by HC_BALLOON, ever. */

/* ---- VCPUs ----

   A VM has 1 to HV_VCPU_MAX VCPUs, chosen when it is created.  VCPU 0
   starts at the image's entry point; the others start down, and a
   running VCPU brings one up with HC_VCPU_UP: it starts as VCPU 0 did
   (32-bit protected mode, paging off, flat segments, interrupts
   masked), at EIP = entry, ESP = stack, with its number in EAX.  Each
   VCPU has its own registers, x87/SSE state, virtual timer (the MMIO
   registers below reach the timer of the VCPU that accesses them) and
   pending interrupts; memory is shared.  The VM ends when any VCPU
   exits (HC_EXIT, the debug-exit port), and then every VCPU stops. */
#define HV_VCPU_MAX 8

#ifndef __ASSEMBLER__
/* What HC_VCPU_STATS fills in.  Times are in microseconds of the
   host's clock. */
struct hv_vcpu_stats
  {
    uint64_t run_us;            /* +0x00 Time in guest mode. */
    uint64_t wait_us;           /* +0x08 Time runnable but not running. */
    uint32_t wakeups;           /* +0x10 Wake-ups from a halt. */
    uint32_t worst_latency_us;  /* +0x14 Longest wake-up to running. */
  };
_Static_assert (sizeof (struct hv_vcpu_stats) == 0x18,
                "VCPU statistics layout");
#endif

/* ---- CPUID ----

   Leaf 1 ECX bit 31 says "running under a hypervisor"; then leaf
   HV_CPUID_SIGNATURE returns the highest hypervisor leaf in EAX and
   the 12-character signature in EBX, ECX, EDX.  SVM itself is
   hidden: leaf 0x80000001 ECX bit 2 reads 0. */
#define HV_CPUID_SIGNATURE 0x40000000u
#define HV_CPUID_INFO      0x40000001u  /* EAX = HV_ABI_VERSION,
                                           EBX = HV_TICK_HZ,
                                           ECX = the VM's VCPUs,
                                           EDX = this VCPU's number. */
#define HV_SIGNATURE       "RingletHyper"
#define HV_ABI_VERSION     4

/* ---- MSRs the guest sees emulated ----

   EFER reads without SVME and accepts only NXE; the TSC may be
   written (the hv keeps an offset); SYSENTER_* are the guest's own,
   never intercepted.  Every other MSR raises #GP in the guest. */

#endif /* hv/abi.h */
