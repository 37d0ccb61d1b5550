/* MSR exits, the MSR permission map and the guest's time-stamp
   counter.  The map intercepts every MSR except the few a guest may
   own outright: SYSENTER_CS/ESP/EIP live in the VMCB (VMLOAD/VMSAVE
   switch them).  Of the intercepted ones, EFER and the TSC are
   emulated; every other MSR gets #GP, as on a CPU that does not have
   it.

   The guest's TSC is the host's plus the offset its writes asked
   for (TSC_OFFSET, which the CPU adds to RDTSC in the guest), or in a
   VM dilated by a factor TDF (docs/hv.md, section 12) one that runs
   TDF times slower, which TSC_OFFSET cannot express: there RDTSC and
   RDTSCP exit too.  Reading the TSC MSR always exits and gets the
   same value, msr_guest_tsc (passed through, QEMU 7.2 gave a value
   that did not lie between two RDTSCs around it). */

#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/vaddr.h"

/* MSRs (AMD APM vol. 2, appendix A). */
#define MSR_TSC           0x00000010u
#define MSR_SYSENTER_CS   0x00000174u
#define MSR_SYSENTER_ESP  0x00000175u
#define MSR_SYSENTER_EIP  0x00000176u

/* Length of RDMSR and WRMSR (0F 32, 0F 30). */
#define MSR_LENGTH 2

/* EFER bits a guest may set: no long mode, no SVM of its own. */
#define EFER_GUEST_WRITABLE EFER_NXE

/* The MSRPM's three ranges (APM vol. 2, 15.11): 8192 MSRs each, two
   bits per MSR (read, then write), 2 KiB per range. */
static const uint32_t msrpm_range_base[3] = { 0x00000000u, 0xc0000000u,
                                              0xc0010000u };
#define MSRPM_RANGE_MSRS  0x2000u
#define MSRPM_RANGE_BYTES 0x800u

/* Lets the guest READ and/or WRITE MSR without an exit, in MSRPM. */
static void
msr_pass (uint8_t *msrpm, uint32_t msr, bool read, bool write)
{
  for (unsigned i = 0; i < 3; i++)
    if (msr - msrpm_range_base[i] < MSRPM_RANGE_MSRS)
      {
        unsigned bit = (msr - msrpm_range_base[i]) * 2;
        uint8_t *byte = msrpm + i * MSRPM_RANGE_BYTES + bit / 8;
        if (read)
          *byte &= ~(1u << (bit % 8));
        if (write)
          *byte &= ~(2u << (bit % 8));
      }
}

/* Fills in the MSR permission map MSRPM (MSRPM_PAGES pages). */
void
msr_init_permissions (uint8_t *msrpm)
{
  memset (msrpm, 0xff, MSRPM_PAGES * PGSIZE);
  msr_pass (msrpm, MSR_SYSENTER_CS, true, true);
  msr_pass (msrpm, MSR_SYSENTER_ESP, true, true);
  msr_pass (msrpm, MSR_SYSENTER_EIP, true, true);
}

/* LAB hv: msr */
/* Reads emulated MSR into *VALUE; false if the guest gets #GP. */
static bool
msr_read (struct vcpu *vcpu, uint32_t msr, uint64_t *value)
{
  switch (msr)
    {
    case MSR_EFER:
      *value = vcpu->vmcb->save.efer & ~(uint64_t) EFER_SVME;
      return true;
    case MSR_TSC:
      *value = msr_guest_tsc (vcpu->vm);
      return true;
    default:
      return false;
    }
}

/* Writes VALUE to emulated MSR; false if the guest gets #GP. */
static bool
msr_write (struct vcpu *vcpu, uint32_t msr, uint64_t value)
{
  switch (msr)
    {
    case MSR_EFER:
      if (value & ~(uint64_t) EFER_GUEST_WRITABLE)
        return false;
      vcpu->vmcb->save.efer = value | EFER_SVME;
      return true;
    case MSR_TSC:
      msr_set_guest_tsc (vcpu->vm, value);
      return true;
    default:
      return false;
    }
}

/* MSR: EXITINFO1 is 0 for RDMSR, 1 for WRMSR; ECX holds the MSR and
   EDX:EAX the value. */
enum exit_action
exit_msr (struct vcpu *vcpu)
{
  bool write = vcpu->vmcb->control.exit_info1 & 1;
  uint32_t msr = vcpu_get_reg (vcpu, REG_ECX);
  uint64_t value = ((uint64_t) vcpu_get_reg (vcpu, REG_EDX) << 32)
                   | vcpu_get_reg (vcpu, REG_EAX);

  if (!(write ? msr_write (vcpu, msr, value) : msr_read (vcpu, msr, &value)))
    {
      vcpu_inject_exception (vcpu, VEC_GP, true, 0);
      return EXIT_RESUME;
    }
  if (!write)
    {
      vcpu_set_reg (vcpu, REG_EAX, value);
      vcpu_set_reg (vcpu, REG_EDX, value >> 32);
    }
  vcpu_skip_instruction (vcpu, MSR_LENGTH);
  return EXIT_RESUME;
}
/* STUB:
enum exit_action
exit_msr (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "MSR exits are not handled yet");
}
*/
/* END LAB */

/* Length of RDTSC (0F 31) and RDTSCP (0F 01 F9). */
#define RDTSC_LENGTH 2
#define RDTSCP_LENGTH 3

/* Makes VCPU's RDTSC and RDTSCP exit if its VM is dilated; an
   undilated VM runs them at full speed, the CPU adding TSC_OFFSET. */
void
msr_init_tsc_intercepts (struct vcpu *vcpu)
{
  if (vcpu->vm->tdf > 1)
    {
      vcpu->vmcb->control.intercept_misc1 |= INTERCEPT_RDTSC;
      vcpu->vmcb->control.intercept_misc2 |= INTERCEPT2_RDTSCP;
    }
}

/* Returns VM's TSC before the guest's own offset: the host's TSC, or
   for a dilated VM the host's TSC when it started plus the cycles
   since divided by its TDF.  Either is monotonic, and the two agree
   at the VM's start. */
static uint64_t
msr_dilated_tsc (const struct vm *vm)
{
  uint64_t now = rdtsc ();
  if (vm->tdf <= 1 || !vm->started)
    return now;
  return vm->start_tsc + (now - vm->start_tsc) / vm->tdf;
}

/* Returns the TSC that VM's guest reads now, with whatever it wrote
   to the TSC MSR taken into account. */
uint64_t
msr_guest_tsc (const struct vm *vm)
{
  return msr_dilated_tsc (vm) + vm->tsc_offset;
}

/* Makes VM's guest TSC read VALUE now (a WRMSR of the TSC), counting
   on from there at the VM's pace. */
void
msr_set_guest_tsc (struct vm *vm, uint64_t value)
{
  vm->tsc_offset = value - msr_dilated_tsc (vm);
}

/* Puts VM's guest TSC in VCPU's EDX:EAX, as RDTSC and RDTSCP do. */
static void
msr_put_tsc (struct vcpu *vcpu)
{
  uint64_t tsc = msr_guest_tsc (vcpu->vm);
  vcpu_set_reg (vcpu, REG_EAX, tsc);
  vcpu_set_reg (vcpu, REG_EDX, tsc >> 32);
}

/* RDTSC, intercepted in a dilated VM only: the dilated TSC. */
enum exit_action
exit_rdtsc (struct vcpu *vcpu)
{
  msr_put_tsc (vcpu);
  vcpu_skip_instruction (vcpu, RDTSC_LENGTH);
  return EXIT_RESUME;
}

/* RDTSCP, intercepted in a dilated VM only: the dilated TSC, and
   TSC_AUX in ECX, which is 0 as the guest cannot write it (its MSR
   exits and gets #GP). */
enum exit_action
exit_rdtscp (struct vcpu *vcpu)
{
  msr_put_tsc (vcpu);
  vcpu_set_reg (vcpu, REG_ECX, 0);
  vcpu_skip_instruction (vcpu, RDTSCP_LENGTH);
  return EXIT_RESUME;
}
