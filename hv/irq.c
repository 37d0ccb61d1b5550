/* Virtual interrupts: delivering to a guest the interrupts of its
   VCPU's virtual timer and the IPIs other VCPUs raise, when it can
   take them, holding them while it masks them; and the exits about
   interrupts (INTR, NMI, VINTR; HLT is in hv/hlt.c).

   How an interrupt gets in.  Before each entry, if one is pending and
   the guest can take it (IF set, no interrupt shadow after STI), it
   goes into EVENTINJ (see irq_inject for its type) and the CPU
   delivers it as the guest resumes.  If the guest cannot take it,
   the hv sets V_IRQ and intercepts VINTR: the CPU then exits the
   moment the guest unmasks, and the next entry injects it.  So an
   interrupt is never lost and never delivered twice; each timer
   expiry is one interrupt.

   Host interrupts (INTR exits) need nothing here: with V_INTR_MASKING
   they always exit, whatever the guest's IF, and the host takes them
   as the world switch sets GIF again. */

#include <stdio.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* V_IRQ settings that make any virtual interrupt deliverable: the
   highest priority, guest TPR ignored. */
#define V_IRQ_ANY (V_IRQ | V_IGN_TPR | (0xfu << V_INTR_PRIO_SHIFT))

/* The PC's interrupt controller (hv/vdev/pic.c) is wired to VCPU 0.
   Its interrupts are external interrupts, which an unmodified kernel
   expects (a gate of DPL 0 must take them while user code runs), so
   they cannot be injected as INTn (see irq_inject); nor as external
   interrupts through EVENTINJ, which QEMU 7.2 delivers twice.  They
   go in as the virtual interrupt itself: V_IRQ with the vector in
   V_INTR_VECTOR and no VINTR intercept, and the CPU delivers it the
   moment the guest can take it (IF set, no interrupt shadow), exactly
   once, clearing V_IRQ as it does.  At the next exit, irq_after_exit
   sees whether it was taken: if so the PIC is acknowledged (the
   request goes in service); if not the offer is withdrawn, and the
   next entry offers whatever is pending then. */

/* True once a CPU has been seen not to deliver V_IRQ to a guest that
   entered able to take it (see irq_after_exit): then PIC interrupts
   go in through EVENTINJ as external interrupts instead, when the
   guest can take them, and a VINTR exit tells when it can.  QEMU
   needs V_IRQ (it delivers an injected external interrupt twice);
   Bochs needs EVENTINJ. */
static bool irq_pic_by_eventinj;

/* Returns true if the PIC may have an interrupt for VCPU: it is VCPU 0
   and its guest has initialised the PIC.  A guest written for the hv
   never does, and then the PC's timers are not even brought up to
   date: the scheduling tests measure what the hv costs a guest at
   every entry.  (Read without the lock: a guest that initialises the
   PIC on another CPU at that moment gets its first interrupt one entry
   later.) */
static bool
irq_pic_wired (const struct vcpu *vcpu)
{
  return vcpu->index == 0 && vcpu->vm->pic.chip[0].initialised;
}

/* Before entering VCPU 0 with no other interrupt to deliver: offers
   the guest the interrupt its PIC has pending, if any. */
static void
irq_offer_pic (struct vcpu *vcpu)
{
  struct vmcb_control *c = &vcpu->vmcb->control;
  const struct vmcb_save *s = &vcpu->vmcb->save;
  if (!irq_pic_wired (vcpu) || (c->event_inj & EVENT_VALID))
    return;
  int vector = vcpu->pic_redeliver;
  if (vector < 0)
    {
      vdev_pc_update (vcpu->vm);
      vector = vdev_pic_pending (vcpu->vm);
    }
  if (vector < 0)
    return;

  bool open = (s->rflags & FLAG_IF) && !(c->int_state & INT_STATE_SHADOW);
  if (irq_pic_by_eventinj)
    {
      if (open)
        {
          /* The acknowledgement happens now: EVENTINJ always
             delivers (or EXITINTINFO says it did not). */
          if (vcpu->pic_redeliver < 0)
            vector = vdev_pic_ack (vcpu->vm);
          vcpu->pic_redeliver = -1;
          c->event_inj = vector | EVENT_TYPE_INTR | EVENT_VALID;
        }
      else
        {
          /* Exit with VINTR when the guest unmasks (exit_vintr). */
          c->int_ctl |= V_IRQ_ANY;
          c->intercept_misc1 |= INTERCEPT_VINTR;
        }
      return;
    }
  c->int_vector = vector;
  c->int_ctl |= V_IRQ_ANY;
  vcpu->pic_offered = vector;
  vcpu->pic_offer_rip = s->rip;
  vcpu->pic_offer_open = open;
}

/* After every exit of VCPU, before its handler: if a PIC interrupt
   was offered, acknowledges it at the PIC if the guest took it and
   withdraws it if not; and keeps an external interrupt the guest was
   in the middle of taking when the exit came (EXITINTINFO) to offer
   again, rather than letting EVENTINJ deliver it (see above). */
void
irq_after_exit (struct vcpu *vcpu)
{
  struct vmcb_control *c = &vcpu->vmcb->control;
  int offered = vcpu->pic_offered;
  if (vcpu->pic_offered >= 0)
    {
      bool taken = !(c->int_ctl & V_IRQ);
      c->int_ctl &= ~V_IRQ_ANY;
      if (!taken && vcpu->pic_offer_open
          && vcpu->vmcb->save.rip != vcpu->pic_offer_rip
          && !irq_pic_by_eventinj)
        {
          /* The guest could take it from its first instruction on,
             ran on, and did not: this CPU does not deliver V_IRQ to
             a guest that enters with interrupts enabled (Bochs 2.7
             only does when the guest itself sets IF).  From now on
             PIC interrupts go through EVENTINJ, which it delivers
             once. */
          irq_pic_by_eventinj = true;
          /* Only the boot CPU may print (hv/vsched.c); on another the
             switch happens silently. */
          if (vsched_on_boot_cpu ())
            printf ("hv: this CPU does not deliver a virtual interrupt to "
                    "a guest that enters with interrupts enabled: PIC "
                    "interrupts go through EVENTINJ\n");
        }
      if (taken)
        {
          if (vcpu->pic_redeliver >= 0)
            vcpu->pic_redeliver = -1;
          else
            vdev_pic_ack (vcpu->vm);
        }
      vcpu->pic_offered = -1;
    }
  if ((c->exit_int_info & EVENT_VALID)
      && (c->exit_int_info & EVENT_TYPE_MASK) == EVENT_TYPE_INTR)
    {
      /* Bochs 2.7 records an interrupt it was delivering from V_IRQ
         with vector 0 (docs/design.md, "Simulator facts"): when
         nothing was injected at this entry, it was the PIC's vector
         offered through V_IRQ.  With neither, there was no external
         interrupt to deliver again. */
      int vector = c->exit_int_info & EVENT_VECTOR_MASK;
      if (!(vcpu->entry_event & EVENT_VALID))
        vector = offered;
      if (vector >= 0)
        vcpu->pic_redeliver = vector;
    }
}

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

/* Returns the vector of the interrupt VCPU should take next, or -1 if
   none is pending: the highest of its timer's (if an expiry is
   pending) and the IPIs raised on it, as a local APIC would order
   them. */
static int
irq_next (const struct vcpu *vcpu)
{
  uint32_t any = 0;
  for (int word = 0; word < 8; word++)
    any |= vcpu->ipi_pending[word];
  if (any == 0)
    return vcpu->vtimer.pending > 0 ? (int) vcpu->vtimer.vector : -1;
  for (int word = 7; word >= 0; word--)
    if (vcpu->ipi_pending[word] != 0)
      {
        int vector = word * 32 + 31 - __builtin_clz (vcpu->ipi_pending[word]);
        if (vcpu->vtimer.pending > 0 && (int) vcpu->vtimer.vector > vector)
          return vcpu->vtimer.vector;
        return vector;
      }
  return vcpu->vtimer.pending > 0 ? (int) vcpu->vtimer.vector : -1;
}

/* Marks interrupt VECTOR, now injected, as no longer pending on VCPU:
   one timer expiry, or the IPI. */
static void
irq_taken (struct vcpu *vcpu, uint8_t vector)
{
  uint32_t bit = 1u << (vector % 32);
  if (vcpu->ipi_pending[vector / 32] & bit)
    __atomic_fetch_and (&vcpu->ipi_pending[vector / 32], ~bit, __ATOMIC_SEQ_CST);
  else
    vcpu->vtimer.pending--;
}

/* Before entering VCPU's guest: brings its virtual timer up to date
   and, if an interrupt is pending, injects the first one if the guest
   can take it, and asks for a VINTR exit for any still left. */
void
irq_prepare_entry (struct vcpu *vcpu)
{
  struct vmcb_control *c = &vcpu->vmcb->control;

  vdev_vtimer_update (vcpu);
  int vector = irq_next (vcpu);
  if (vector >= 0 && !(c->event_inj & EVENT_VALID) && irq_window_open (vcpu))
    {
      irq_inject (vcpu, vector);
      irq_taken (vcpu, vector);
      vector = irq_next (vcpu);
    }
  /* If anything is still pending, the guest is masked now (or will be
     in the handler just injected): exit when it unmasks. */
  irq_request_window (vcpu, vector >= 0);
  if (vector < 0)
    irq_offer_pic (vcpu);
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
  vdev_vtimer_update (vcpu);
  irq_offer_pic (vcpu);
}

enum exit_action
exit_vintr (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "VINTR exits are not handled yet");
}
*/
/* END LAB */

/* Returns true if an interrupt is pending for VCPU: a timer expiry
   or an IPI not yet delivered.  Brings its timer up to date first. */
bool
irq_pending (struct vcpu *vcpu)
{
  vdev_vtimer_update (vcpu);
  if (vcpu->vtimer.pending > 0)
    return true;
  if (irq_pic_wired (vcpu))
    {
      if (vcpu->pic_redeliver >= 0)
        return true;
      vdev_pc_update (vcpu->vm);
      if (vdev_pic_pending (vcpu->vm) >= 0)
        return true;
    }
  for (int word = 0; word < 8; word++)
    if (vcpu->ipi_pending[word] != 0)
      return true;
  return false;
}

/* Raises interrupt VECTOR (HV_VECTOR_MIN...255) on VCPU, an IPI from
   another VCPU of its VM (or itself), and wakes VCPU if it halted, or
   makes the CPU that runs it let the guest exit (hv/vsched.c).  The
   sender may run on another physical CPU than VCPU, at any moment:
   hence the atomic operations here and in irq_taken.
   Raising one already pending changes nothing, as with a local
   APIC. */
void
irq_raise (struct vcpu *vcpu, uint8_t vector)
{
  ASSERT (vector >= HV_VECTOR_MIN);
  __atomic_fetch_or (&vcpu->ipi_pending[vector / 32], 1u << (vector % 32),
                     __ATOMIC_SEQ_CST);
  vsched_wake (vcpu);
}

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
