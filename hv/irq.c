/* Virtual interrupts: delivering the virtual timer's interrupts to a
   guest when it can take them, holding them while it masks them, and
   the exits about interrupts (INTR, NMI, VINTR; HLT is in hv/hlt.c).

   How an interrupt gets in.  Before each entry, if one is pending and
   the guest can take it (IF set, no interrupt shadow after STI), it
   goes into EVENTINJ (see irq_inject for its type) and the CPU
   delivers it as the guest resumes.  If the guest cannot take it, the hv sets V_IRQ and intercepts
   VINTR: the CPU then exits the moment the guest unmasks, and the
   next entry injects it.  So an interrupt is never lost and never
   delivered twice; each timer expiry is one interrupt.

   Host interrupts (INTR exits) need nothing here: with V_INTR_MASKING
   they always exit, whatever the guest's IF, and the host takes them
   as the world switch sets GIF again. */

#include "hv/hv.h"
#include "threads/cpu.h"

/* V_IRQ settings that make any virtual interrupt deliverable: the
   highest priority, guest TPR ignored. */
#define V_IRQ_ANY (V_IRQ | V_IGN_TPR | (0xfu << V_INTR_PRIO_SHIFT))

/* LAB hv: virtual-interrupts */
/* Makes VCPU's guest take interrupt VECTOR as it resumes.

   The event type is "software interrupt" (INTn), not "external
   interrupt": QEMU 7.2 delivers an injected external interrupt twice
   (it leaves the vector behind as a pending exception; measured: 51
   interrupts for 26 injections), while it delivers a software one
   exactly once, as Bochs delivers both.  For the guest the difference
   is only that the gate's DPL must allow its CPL, as for INTn; the
   guest runtime runs in ring 0.  NEXT_RIP is where a CPU that saves
   nRIP returns to after an injected INTn: the interrupted
   instruction itself. */
static void
irq_inject (struct vcpu *vcpu, uint8_t vector)
{
  struct vmcb_control *c = &vcpu->vmcb->control;
  c->event_inj = vector | EVENT_TYPE_SOFT | EVENT_VALID;
  c->next_rip = vcpu->vmcb->save.rip;
}

/* Returns true if VCPU's guest can take an interrupt now. */
static bool
irq_window_open (const struct vcpu *vcpu)
{
  return ((vcpu->vmcb->save.rflags & FLAG_IF)
          && !(vcpu->vmcb->control.int_state & INT_STATE_SHADOW));
}

/* Makes the CPU exit with VINTR as soon as VCPU's guest can take an
   interrupt if WANTED, or stops asking if not. */
static void
irq_request_window (struct vcpu *vcpu, bool wanted)
{
  struct vmcb_control *c = &vcpu->vmcb->control;
  if (wanted)
    {
      c->int_ctl |= V_IRQ_ANY;
      c->intercept_misc1 |= INTERCEPT_VINTR;
    }
  else
    {
      c->int_ctl &= ~V_IRQ_ANY;
      c->intercept_misc1 &= ~INTERCEPT_VINTR;
    }
}

/* Before entering VCPU's guest: brings the virtual timer up to date
   and, if it has an expiry pending, injects its interrupt if the
   guest can take it, and asks for a VINTR exit for any still left. */
void
irq_prepare_entry (struct vcpu *vcpu)
{
  struct vm *vm = vcpu->vm;
  struct vmcb_control *c = &vcpu->vmcb->control;

  vdev_vtimer_update (vm);
  if (vm->vtimer.pending > 0 && !(c->event_inj & EVENT_VALID)
      && irq_window_open (vcpu))
    {
      irq_inject (vcpu, vm->vtimer.vector);
      vm->vtimer.pending--;
    }
  /* If anything is still pending, the guest is masked now (or will be
     in the handler just injected): exit when it unmasks. */
  irq_request_window (vcpu, vm->vtimer.pending > 0);
}

/* VINTR: the guest just unmasked with an interrupt pending.  The next
   entry injects it. */
enum exit_action
exit_vintr (struct vcpu *vcpu)
{
  irq_request_window (vcpu, false);
  return EXIT_RESUME;
}
/* STUB:
void
irq_prepare_entry (struct vcpu *vcpu)
{
  vdev_vtimer_update (vcpu->vm);
}

enum exit_action
exit_vintr (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "VINTR exits are not handled yet");
}
*/
/* END LAB */

/* INTR (and SMI): a host interrupt arrived while the guest ran.  The
   host has already handled it, as the world switch set GIF. */
enum exit_action
exit_intr (struct vcpu *vcpu UNUSED)
{
  return EXIT_RESUME;
}

/* NMI: a host NMI arrived while the guest ran; the host has handled
   it.  The exit itself is what matters: with the NMI watchdog armed
   (threads/vmctl-watchdog.c) it comes every timer tick even if the
   guest masks interrupts, so the VCPU loop can check the VM's budget
   and the host's scheduler runs. */
enum exit_action
exit_nmi (struct vcpu *vcpu UNUSED)
{
  return EXIT_RESUME;
}
