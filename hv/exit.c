/* The exit table: after every #VMEXIT, the exit code picks a handler
   (adding one is one line below), the time it takes is charged to
   that exit reason, and an exit nobody expects dumps the VMCB and
   ends that VM only.  Also the handlers too small for a file of
   their own.  Exit statistics are in hv/exit-stats.c. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* One row of the exit table. */
struct exit_type
  {
    const char *name;                           /* In statistics. */
    enum exit_action (*handler) (struct vcpu *); /* Null: unexpected. */
    bool anywhere;              /* May be handled on any CPU (see below). */
  };

static enum exit_action exit_double_fault (struct vcpu *);
static enum exit_action exit_shutdown (struct vcpu *);
static enum exit_action exit_svm_instruction (struct vcpu *);
static enum exit_action exit_invalid (struct vcpu *);

/* Every exit the hv handles, by slot (exit_slot ()). */
static const struct exit_type exit_table[EXIT_SLOT_CNT] =
  {
    [SVM_EXIT_CR0_READ] = { "cr0-read", exit_cr_read },
    [SVM_EXIT_CR3_READ] = { "cr3-read", exit_cr_read },
    [SVM_EXIT_CR4_READ] = { "cr4-read", exit_cr_read },
    [SVM_EXIT_CR0_WRITE] = { "cr0", exit_cr_write },
    [SVM_EXIT_CR3_WRITE] = { "cr3", exit_cr_write },
    [SVM_EXIT_CR4_WRITE] = { "cr4", exit_cr_write },
    [SVM_EXIT_PF]       = { "#pf", exit_page_fault, true },
    [SVM_EXIT_INVLPG]   = { "invlpg", exit_invlpg },
    [SVM_EXIT_DR0_READ ... SVM_EXIT_DR7_READ] = { "dr-read", exit_dr_access },
    [SVM_EXIT_DR0_WRITE ... SVM_EXIT_DR7_WRITE] = { "dr-write", exit_dr_access },
    [SVM_EXIT_DF]       = { "#df", exit_double_fault },
    [SVM_EXIT_INTR]     = { "intr", exit_intr, true },
    [SVM_EXIT_NMI]      = { "nmi", exit_nmi, true },
    [SVM_EXIT_SMI]      = { "smi", exit_intr, true },
    [SVM_EXIT_VINTR]    = { "vintr", exit_vintr, true },
    [SVM_EXIT_RDTSC]    = { "rdtsc", exit_rdtsc, true },  /* Dilated VMs. */
    [SVM_EXIT_CPUID]    = { "cpuid", exit_cpuid, true },
    [SVM_EXIT_HLT]      = { "hlt", exit_hlt, true },
    [SVM_EXIT_INVLPGA]  = { "invlpga", exit_svm_instruction },
    [SVM_EXIT_IOIO]     = { "ioio", exit_ioio },
    [SVM_EXIT_MSR]      = { "msr", exit_msr, true },
    [SVM_EXIT_SHUTDOWN] = { "shutdown", exit_shutdown },
    [SVM_EXIT_VMRUN]    = { "vmrun", exit_svm_instruction },
    [SVM_EXIT_VMMCALL]  = { "vmmcall", exit_vmmcall, true },
    [SVM_EXIT_VMLOAD]   = { "vmload", exit_svm_instruction },
    [SVM_EXIT_VMSAVE]   = { "vmsave", exit_svm_instruction },
    [SVM_EXIT_STGI]     = { "stgi", exit_svm_instruction },
    [SVM_EXIT_CLGI]     = { "clgi", exit_svm_instruction },
    [SVM_EXIT_SKINIT]   = { "skinit", exit_svm_instruction },
    [SVM_EXIT_RDTSCP]   = { "rdtscp", exit_rdtscp, true }, /* Dilated VMs. */
    [EXIT_SLOT_NPF_BASE] = { "npf", exit_npf, true },  /* The timer only. */
    [EXIT_SLOT_INVALID] = { "invalid", exit_invalid },
  };

/* Returns the exit-table slot of exit code CODE. */
static unsigned
exit_slot (uint64_t code)
{
  if (code < EXIT_SLOT_NPF_BASE)
    return code;
  if (code >= SVM_EXIT_NPF && code < SVM_EXIT_NPF + 4)
    return EXIT_SLOT_NPF_BASE + (code - SVM_EXIT_NPF);
  if ((uint32_t) code == SVM_EXIT_INVALID)
    return EXIT_SLOT_INVALID;
  return EXIT_SLOT_BOGUS;
}

/* Writes the name of exit slot SLOT into BUF (SIZE bytes): its name
   in the table, or its exit code. */
void
exit_slot_name (unsigned slot, char *buf, size_t size)
{
  if (exit_table[slot].name != NULL)
    strlcpy (buf, exit_table[slot].name, size);
  else if (slot < EXIT_SLOT_NPF_BASE)
    snprintf (buf, size, "code %#x", slot);
  else
    strlcpy (buf, "bogus", size);
}

/* Handles an exit no handler is for: the hv set up an intercept it
   cannot handle, or the CPU reported something impossible.  Dumps
   the VMCB and ends the VM. */
static enum exit_action
exit_unexpected (struct vcpu *vcpu)
{
  vcpu_dump (vcpu);
  return vm_fail (vcpu->vm, "unexpected exit code %#"PRIx64,
                  vcpu->vmcb->control.exit_code);
}

/* Prints one line about VCPU's exit, of the kind in exit-table slot
   SLOT, for a VM being traced. */
static void
exit_trace (const struct vcpu *vcpu, unsigned slot)
{
  const struct vmcb *vmcb = vcpu->vmcb;
  char name[VMCTL_REASON_MAX + 1];

  exit_slot_name (slot, name, sizeof name);
  printf ("hv: vm %d exit %-8s eip %08"PRIx32" info1 %"PRIx64" info2 %"PRIx64,
          vcpu->vm->id, name, (uint32_t) vmcb->save.rip,
          vmcb->control.exit_info1, vmcb->control.exit_info2);
  if (vmcb->control.exit_int_info & EVENT_VALID)
    printf (" delivering %"PRIx64, vmcb->control.exit_int_info);
  printf ("\n");
}

/* Returns true if VCPU's last exit must be handled on the boot CPU,
   not on the CPU it ran on (which must be another CPU, hv/smp.h).
   Handlers marked ANYWHERE in the table touch only the VCPU, its VM's
   scheduling state (under the scheduler's lock) and memory the VM
   already has; the others may print, allocate pages or end the VM
   through the host kernel.  Three hypercalls touch guest memory, which
   may mean backing or freeing a page of it: a console write (which
   also prints), HC_VCPU_STATS and HC_BALLOON.  A nested page fault on the virtual timer's
   registers is emulated anywhere: the instruction and the guest page
   tables it reads are in memory the VM has (on another CPU, guest RAM
   not backed yet reads as absent: hv/npt.c).  Port I/O to the PIC,
   the PIT and the VGA's cursor registers is handled anywhere too
   (ioio_anywhere): those devices keep their state under the VM's
   pc_lock or in single bytes, and a guest kernel reaches them at every
   timer tick.  A page fault under shadow paging is handled anywhere
   when the guest's tables and the page it wants are all backed
   (shadow_fault_anywhere).  A traced VM prints at every exit. */
bool
exit_needs_host (struct vcpu *vcpu)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  unsigned slot = exit_slot (c->exit_code);
  if (vcpu->vm->trace)
    return true;
  if (c->exit_code == SVM_EXIT_IOIO)
    return !ioio_anywhere (c->exit_info1);
  if (c->exit_code == SVM_EXIT_PF)
    return !shadow_fault_anywhere (vcpu);
  if (!exit_table[slot].anywhere)
    return true;
  if (c->exit_code == SVM_EXIT_NPF)
    return !(c->exit_info2 >= HV_VTIMER_BASE
             && c->exit_info2 < HV_VTIMER_BASE + HV_VTIMER_SIZE);
  uint32_t nr = vcpu_get_reg (vcpu, REG_EAX);
  return (c->exit_code == SVM_EXIT_VMMCALL
          && (nr == HC_CONSOLE_WRITE || nr == HC_VCPU_STATS
              || nr == HC_BALLOON));
}

/* Returns true if the event VCPU's guest was receiving when it exited
   (EXITINTINFO) is a software interrupt of its own INTn instruction,
   not one the hv injected at that entry.  Such an event is not
   injected again: RIP still points at the instruction, which runs
   again and raises it again, whereas injecting it would push RIP as
   the return address and run the instruction twice (a guest's system
   call made twice). */
static bool
exit_guest_intn (const struct vcpu *vcpu)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  return ((c->exit_int_info & EVENT_TYPE_MASK) == EVENT_TYPE_SOFT
          && (uint32_t) c->exit_int_info != (uint32_t) vcpu->entry_event);
}

/* Handles the exit the last run of VCPU ended with and returns what
   the VCPU loop should do next. */
enum exit_action
exit_dispatch (struct vcpu *vcpu)
{
  struct vmcb_control *c = &vcpu->vmcb->control;
  unsigned slot = exit_slot (c->exit_code);
  enum exit_action (*handler) (struct vcpu *) = exit_table[slot].handler;

  if (vcpu->vm->trace)
    exit_trace (vcpu, slot);

  /* QEMU 7.2 records an interrupt it was delivering from V_IRQ as an
     exception (type 3) with the interrupt's vector, which no exception
     has: it is an external interrupt (docs/design.md, "Simulator
     facts"). */
  if ((c->exit_int_info & EVENT_VALID)
      && (c->exit_int_info & EVENT_TYPE_MASK) == EVENT_TYPE_EXCEPT
      && (c->exit_int_info & EVENT_VECTOR_MASK) >= 32)
    c->exit_int_info = ((c->exit_int_info & ~(uint64_t) EVENT_TYPE_MASK)
                        | EVENT_TYPE_INTR);

  /* An event the guest was in the middle of receiving (an interrupt
     whose stack push hit a nested page fault, say) was not
     delivered: deliver it again on the next entry. */
  irq_after_exit (vcpu);
  if ((c->exit_int_info & EVENT_VALID)
      && (c->exit_int_info & EVENT_TYPE_MASK) != EVENT_TYPE_INTR
      && !exit_guest_intn (vcpu))
    c->event_inj = c->exit_int_info;

  enum vdev_id device = c->exit_code == SVM_EXIT_IOIO
                        ? ioio_device_of (c->exit_info1 >> IOIO_PORT_SHIFT)
                        : VDEV_NONE;
  uint64_t start = rdtsc ();
  enum exit_action action = (handler != NULL ? handler : exit_unexpected) (vcpu);
  uint64_t cycles = rdtsc () - start;
  exit_stats_add (vcpu->vm, slot, device, cycles);
  if (vcpu->vm->restart_pending && action == EXIT_RESUME)
    vm_restart (vcpu);
  return action;
}

/* #DF: the guest could not deliver an exception.  Its next fault would
   be a triple fault; the VM ends here (see VMCB_INTERCEPT_EXCEPTIONS
   in hv/vmcb.c). */
static enum exit_action
exit_double_fault (struct vcpu *vcpu)
{
  vcpu_dump (vcpu);
  return vm_fail (vcpu->vm, "double fault (#DF intercepted before a triple "
                  "fault)");
}

/* SHUTDOWN: the guest triple-faulted (an exception while delivering
   a double fault).  On bare metal this resets the machine; here it
   ends only this VM. */
static enum exit_action
exit_shutdown (struct vcpu *vcpu)
{
  vcpu_dump (vcpu);
  return vm_fail (vcpu->vm, "triple fault (shutdown intercepted)");
}

/* VMRUN, VMLOAD, VMSAVE, STGI, CLGI, SKINIT, INVLPGA in the guest:
   SVM is hidden from it (hv/cpuid.c, hv/msr.c), and on a CPU without
   SVM these raise #UD, so the guest gets #UD. */
static enum exit_action
exit_svm_instruction (struct vcpu *vcpu)
{
  vcpu_inject_exception (vcpu, VEC_UD, false, 0);
  return EXIT_RESUME;
}

/* VMEXIT_INVALID: VMRUN refused the VMCB.  The guest cannot cause
   this: the hv's own VMCBs pass the checks and vcpu_check vets what
   the guest can change before every entry.  So it is an hv bug (or a
   test's planted flaw): say which check it probably was, and end the
   VM. */
static enum exit_action
exit_invalid (struct vcpu *vcpu)
{
  vcpu_dump (vcpu);
  return vm_fail (vcpu->vm,
                  "hv bug: VMRUN refused the VMCB (VMEXIT_INVALID): %s",
                  vmcb_diagnose (vcpu->vmcb, vcpu->entry_efer,
                                 vcpu->entry_cr0));
}

