/* CPUID exits: the guest asks what CPU it runs on.  It gets the
   host's answers, filtered: SVM is hidden (a guest cannot run
   guests here), MONITOR is hidden (not emulated), the "hypervisor
   present" bit is set, and the hypervisor leaves at HV_CPUID_SIGNATURE
   say that the hypervisor is Ringlet's. */

#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* Length of CPUID (0F A2). */
#define CPUID_LENGTH 2

/* Leaves and bits touched (AMD APM vol. 3, appendix E). */
#define LEAF_FEATURES      0x00000001u
#define LEAF1_ECX_MONITOR  (1u << 3)
#define LEAF1_ECX_HV       (1u << 31)   /* Reserved for hypervisors. */
#define LEAF_EXT_FEATURES  0x80000001u
#define LEAF_EXT_ECX_SVM   (1u << 2)
#define LEAF_SVM           0x8000000au
#define LEAF_HV_LAST       0x400000ffu  /* End of the hypervisor range. */

/* LAB hv: cpuid */
/* Returns the hypervisor leaf LEAF (HV_CPUID_SIGNATURE and up), as
   VCPU sees it. */
static struct cpuid_regs
cpuid_hv_leaf (const struct vcpu *vcpu, uint32_t leaf)
{
  struct cpuid_regs r = { 0, 0, 0, 0 };

  if (leaf == HV_CPUID_SIGNATURE)
    {
      _Static_assert (sizeof HV_SIGNATURE == 13, "12-character signature");
      r.eax = HV_CPUID_INFO;
      memcpy (&r.ebx, HV_SIGNATURE, 4);
      memcpy (&r.ecx, HV_SIGNATURE + 4, 4);
      memcpy (&r.edx, HV_SIGNATURE + 8, 4);
    }
  else if (leaf == HV_CPUID_INFO)
    {
      r.eax = HV_ABI_VERSION;
      r.ebx = HV_TICK_HZ;
      r.ecx = vcpu->vm->vcpu_cnt;
      r.edx = vcpu->index;
    }
  return r;
}

/* Returns what VCPU's guest sees for CPUID LEAF, SUBLEAF. */
static struct cpuid_regs
cpuid_filter (const struct vcpu *vcpu, uint32_t leaf, uint32_t subleaf)
{
  if (leaf >= HV_CPUID_SIGNATURE && leaf <= LEAF_HV_LAST)
    return cpuid_hv_leaf (vcpu, leaf);

  struct cpuid_regs r = cpuid (leaf, subleaf);
  if (leaf == LEAF_FEATURES)
    r.ecx = (r.ecx & ~LEAF1_ECX_MONITOR) | LEAF1_ECX_HV;
  else if (leaf == LEAF_EXT_FEATURES)
    r.ecx &= ~LEAF_EXT_ECX_SVM;
  else if (leaf == LEAF_SVM)
    r.eax = r.ebx = r.ecx = r.edx = 0;
  return r;
}

/* CPUID: EAX holds the leaf, ECX the subleaf; the answer goes back in
   EAX, EBX, ECX, EDX. */
enum exit_action
exit_cpuid (struct vcpu *vcpu)
{
  struct cpuid_regs r = cpuid_filter (vcpu, vcpu_get_reg (vcpu, REG_EAX),
                                      vcpu_get_reg (vcpu, REG_ECX));
  vcpu_set_reg (vcpu, REG_EAX, r.eax);
  vcpu_set_reg (vcpu, REG_EBX, r.ebx);
  vcpu_set_reg (vcpu, REG_ECX, r.ecx);
  vcpu_set_reg (vcpu, REG_EDX, r.edx);
  vcpu_skip_instruction (vcpu, CPUID_LENGTH);
  return EXIT_RESUME;
}
/* STUB:
enum exit_action
exit_cpuid (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "CPUID exits are not handled yet");
}
*/
/* END LAB */
