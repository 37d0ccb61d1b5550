/* MSR exits: EFER reads without SVME and takes only NXE; the TSC can
   be set; the SYSENTER MSRs are the guest's own; every other MSR, and
   any bit EFER does not accept, raises #GP. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-msr";

#define MSR_TSC          0x10
#define MSR_SYSENTER_CS  0x174
#define MSR_APIC_BASE    0x1b
#define MSR_EFER         0xc0000080
#define MSR_VM_CR        0xc0010114
#define EFER_LME         (1u << 8)
#define EFER_NXE         (1u << 11)

#define VEC_GP 13
#define RDMSR_WRMSR_LENGTH 2

static volatile unsigned gp_faults;

/* #GP: counts it and skips the RDMSR or WRMSR that raised it. */
static void
on_gp (unsigned vector UNUSED, struct guest_frame *frame, uint32_t error)
{
  if (error != 0)
    fail ("#GP with error code %#x", (unsigned) error);
  gp_faults++;
  frame->eip += RDMSR_WRMSR_LENGTH;
}

/* Returns true if reading MSR faulted. */
static bool
read_faults (uint32_t msr)
{
  unsigned before = gp_faults;
  rdmsr (msr);
  return gp_faults != before;
}

/* Returns true if writing VALUE to MSR faulted. */
static bool
write_faults (uint32_t msr, uint64_t value)
{
  unsigned before = gp_faults;
  wrmsr (msr, value);
  return gp_faults != before;
}

int
main (void)
{
  idt_set_handler (VEC_GP, on_gp);

  msg ("EFER reads %#llx (SVME hidden)", rdmsr (MSR_EFER));
  if (write_faults (MSR_EFER, EFER_NXE))
    fail ("setting EFER.NXE faulted");
  msg ("EFER after setting NXE: %#llx", rdmsr (MSR_EFER));
  msg ("setting EFER.LME: %s", write_faults (MSR_EFER, EFER_NXE | EFER_LME)
                               ? "#GP" : "accepted");

  msg ("reading VM_CR: %s", read_faults (MSR_VM_CR) ? "#GP" : "no fault");
  msg ("reading APIC_BASE: %s", read_faults (MSR_APIC_BASE) ? "#GP"
                                                           : "no fault");
  msg ("writing VM_CR: %s", write_faults (MSR_VM_CR, 0) ? "#GP"
                                                        : "no fault");

  wrmsr (MSR_SYSENTER_CS, 0x1234);
  msg ("SYSENTER_CS reads back %#llx", rdmsr (MSR_SYSENTER_CS));

  wrmsr (MSR_TSC, 0);
  msg ("TSC after setting it to 0: %s", rdtsc () < (1ull << 32)
                                         ? "restarted near 0" : "unchanged");
  return 0;
}
