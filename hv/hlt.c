/* HLT exits: a guest that halts waits, without using the CPU, for its
   next virtual interrupt; one that can never get one ends. */

#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/cpu.h"

/* Length of HLT (F4). */
#define HLT_LENGTH 1

/* Longest sleep, in ticks, before a halted VCPU looks again whether
   another thread asked its VM to stop (vm_kill). */
#define HLT_SLICE 10

/* LAB hv: hlt */
/* HLT: the guest waits for an interrupt.  Blocks the VCPU's thread,
   so other threads run, until the virtual timer's next expiry.  A
   guest that halts with interrupts masked, or with no timer armed,
   can never wake up: that ends the VM.  It sleeps at most HLT_SLICE
   ticks at a time, so that a kill reaches a guest whose timer is
   set far in the future. */
enum exit_action
exit_hlt (struct vcpu *vcpu)
{
  struct vm *vm = vcpu->vm;

  vcpu_skip_instruction (vcpu, HLT_LENGTH);
  for (;;)
    {
      vdev_vtimer_update (vm);
      if (vm->kill_requested)
        return EXIT_RESUME;
      if (!(vcpu->vmcb->save.rflags & FLAG_IF))
        return vm_fail (vm, "halted with interrupts masked: nothing can wake it");
      if (vm->vtimer.pending > 0)
        return EXIT_RESUME;
      int64_t wait = vdev_vtimer_ticks_to_next (vm);
      if (wait < 0)
        return vm_fail (vm, "halted with no timer armed: nothing can wake it");
      timer_sleep (wait < 1 ? 1 : wait > HLT_SLICE ? HLT_SLICE : wait);
    }
}
/* STUB:
enum exit_action
exit_hlt (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "HLT exits are not handled yet");
}
*/
/* END LAB */
