/* MSR exits and the MSR permission map.  The map intercepts every
   MSR except the few a guest may own outright: SYSENTER_CS/ESP/EIP
   live in the VMCB (VMLOAD/VMSAVE switch them) and reading the TSC
   needs no help (the CPU adds TSC_OFFSET).  Of the intercepted ones,
   EFER and writing the TSC are emulated; every other MSR gets #GP,
   as on a CPU that does not have it. */

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
  msr_pass (msrpm, MSR_TSC, true, false);
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
      *value = rdtsc () + vcpu->vm->tsc_offset;
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
      vcpu->vm->tsc_offset = value - rdtsc ();
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
