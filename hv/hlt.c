/* HLT exits: a guest that halts gives up its CPU until its next
   virtual interrupt (its timer, or an IPI from another VCPU); one
   that halts with interrupts masked can never get one and ends. */

#include "hv/hv.h"
#include "threads/cpu.h"

/* Length of HLT (F4). */
#define HLT_LENGTH 1

/* LAB hv: hlt */
/* HLT: the guest waits for an interrupt.  If one is pending already,
   it goes on at once (the interrupt is delivered as it resumes);
   otherwise the VCPU blocks, and the scheduler (hv/vsched.c) runs
   other VCPUs until the interrupt comes -- or ends the VM if none of
   its VCPUs could ever get one.  A guest that halts with interrupts
   masked can never wake up: that ends the VM. */
enum exit_action
exit_hlt (struct vcpu *vcpu)
{
  vcpu_skip_instruction (vcpu, HLT_LENGTH);
  if (!(vcpu->vmcb->save.rflags & FLAG_IF))
    return vm_fail (vcpu->vm, "halted with interrupts masked: nothing can "
                    "wake it");
  return irq_pending (vcpu) ? EXIT_RESUME : EXIT_BLOCK;
}
/* STUB:
enum exit_action
exit_hlt (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "HLT exits are not handled yet");
}
*/
/* END LAB */
