/* Virtual CPUs: a VCPU's control block and registers, running it
   once (deliver interrupts, enter the guest, handle the exit) for the
   scheduler's loop (hv/vsched.c), and the small services exit
   handlers share: moving the guest past an instruction, injecting an
   exception, reading and writing guest registers. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* Sets up VCPU number INDEX of VM, down until vcpu_start: allocates
   its VMCB and its x87/SSE state (hv/fpu.c).  VM's ASID, permission
   maps and nested page table must exist.  Returns false if memory is
   short. */
bool
vcpu_init (struct vcpu *vcpu, struct vm *vm, unsigned index)
{
  memset (vcpu, 0, sizeof *vcpu);
  vcpu->vm = vm;
  vcpu->index = index;
  vcpu->sched.state = VCPU_DOWN;
  vcpu->sched.pin = -1;
  vcpu->pic_offered = vcpu->pic_redeliver = -1;
  vcpu->vmcb = palloc_get_page (PAL_ZERO);
  if (vcpu->vmcb == NULL)
    return false;
  if (!fpu_init (vcpu))
    return false;
  vcpu->vmcb_pa = vtop (vcpu->vmcb);
  vmcb_init (vcpu->vmcb, vm->asid, vtop (vm->iopm), vtop (vm->msrpm),
             vtop (vm->npt));
  msr_init_tsc_intercepts (vcpu);
  return !vm->shadow_paging || shadow_init (vcpu);
}

/* Returns the guest's value of control register CR (0, 3 or 4): the
   VMCB's under nested paging, the shadow pager's under shadow paging,
   where the VMCB holds what the CPU really runs with. */
uint32_t
vcpu_guest_cr (const struct vcpu *vcpu, unsigned cr)
{
  const struct vmcb_save *s = &vcpu->vmcb->save;

  if (vcpu->shadow != NULL)
    return shadow_get_cr (vcpu, cr);
  return cr == 0 ? s->cr0 : cr == 3 ? s->cr3 : s->cr4;
}

/* Gives VCPU the state a guest starts in (hv/abi.h, "Guest image" and
   "VCPUs"): EIP = ENTRY, ESP = STACK, EAX = its number, its timer
   stopped.  It runs once the scheduler has it. */
void
vcpu_start (struct vcpu *vcpu, uint32_t entry, uint32_t stack)
{
  vmcb_init_guest (vcpu->vmcb, entry, stack);
  vcpu->vmcb->save.rax = vcpu->index;
  vdev_vtimer_init (vcpu);
  if (vcpu->shadow != NULL)
    shadow_reset (vcpu);
  /* The ASID may have belonged to an earlier VM: start clean. */
  vcpu->flush_tlb = true;
}

/* Prints VCPU's VMCB (vmcb_dump) for a diagnosis, unless its VM is
   quiet. */
void
vcpu_dump (const struct vcpu *vcpu)
{
  if (vcpu->vm->quiet)
    return;
  vmcb_dump (vcpu->vmcb);
  if (vcpu->shadow != NULL)
    printf ("  shadow paging: the guest's cr0 %08"PRIx32" cr3 %08"PRIx32
            " cr4 %08"PRIx32"\n", vcpu_guest_cr (vcpu, 0),
            vcpu_guest_cr (vcpu, 3), vcpu_guest_cr (vcpu, 4));
}

/* Frees what vcpu_init allocated, even if it failed half-way. */
void
vcpu_destroy (struct vcpu *vcpu)
{
  fpu_destroy (vcpu);
  shadow_destroy (vcpu);
  palloc_free_page (vcpu->vmcb);
  vcpu->vmcb = NULL;
}

/* Runs VCPU's guest once on physical CPU P, until its next exit.
   Returns the TSC cycles it spent in guest mode, and stores in *HOST
   those the host then took to handle the interrupt that made it exit,
   if any.  Flushes P's TLB first if the VM's nested page table
   changed (the CPU may cache nested translations under the ASID), if
   another VCPU of its VM ran on P since it did (VCPUs of one VM share
   the ASID but not the guest's page tables), or if VCPU ran on another CPU since it
   last ran on P (P may hold entries from before a change that
   another CPU's flush consumed). */
static uint64_t
vcpu_world_switch (struct vcpu *vcpu, struct vsched_pcpu *p, uint64_t *host)
{
  struct vm *vm = vcpu->vm;
  struct vmcb_control *c = &vcpu->vmcb->control;

  if (vcpu->shadow != NULL)
    shadow_before_entry (vcpu);
  c->tsc_offset = vm->tsc_offset;

  /* Bochs gives a guest that enters with IF clear no INTR exits
     (docs/design.md, "Simulator facts"): for such a guest, arm the
     NMI watchdog, so that the next timer tick makes it exit all the
     same.  Interrupts stay off until the world switch's CLGI.  They
     are still off when it returns (the host interrupt that made the
     guest exit is pending), so the cycles counted are the guest's
     alone, not the host's handling of that interrupt. */
  vcpu->entry_event = c->event_inj;
  vcpu->entry_efer = vcpu->vmcb->save.efer;
  vcpu->entry_cr0 = vcpu->vmcb->save.cr0;
  enum intr_level old_level = intr_disable ();
  /* The flush is decided here, with interrupts off, and its flag taken
     atomically: a host thread that write-protects nested entries
     (hv/npt.c, dirty logging) sets the flag and must not see it taken
     by an entry that then ran without flushing. */
  bool flush = __atomic_exchange_n (&vcpu->flush_tlb, false,
                                    __ATOMIC_SEQ_CST);
  if (p->asid_vcpu[vm->asid] != vcpu || vcpu->sched.last != p)
    flush = true;
  p->asid_vcpu[vm->asid] = vcpu;
  vcpu->sched.last = p;
  c->tlb_control = flush ? TLB_CONTROL_FLUSH_ALL : TLB_CONTROL_DO_NOTHING;
  if (p->id == 0)
    vmctl_watchdog_arm (!(vcpu->vmcb->save.rflags & FLAG_IF));
  /* Bochs's VMRUN does not load the guest's CR2 from the VMCB: the
     guest keeps the CPU's (docs/design.md, "Simulator facts").  So the
     CPU's CR2 gets the guest's value here, which every CPU then has;
     the host's own CR2 means nothing outside a page fault. */
  lcr2 (vcpu->vmcb->save.cr2);
  uint64_t start = rdtsc ();
  svm_world_switch (&vcpu->regs, vcpu->vmcb_pa, p->host_vmcb);
  uint64_t exit = rdtsc ();
  intr_set_level (old_level);
  *host = rdtsc () - exit;
  return exit - start;
}

/* Returns true if VCPU's guest state may be entered (vmcb_check_guest)
   on physical CPU P; if not, dumps the VMCB (on the boot CPU only: the
   others must not print) and ends the VM: that is an hv bug, since
   the intercepts should keep the state legal, but VMRUN must never
   see it. */
static bool
vcpu_check (struct vcpu *vcpu, const struct vsched_pcpu *p)
{
  const char *problem = vmcb_check_guest (vcpu->vmcb);
  if (problem == NULL)
    return true;
  if (p->id == 0)              /* The other CPUs must not print. */
    vcpu_dump (vcpu);
  vm_fail (vcpu->vm, "hv bug: %s; the guest is not entered", problem);
  return false;
}

/* Runs VCPU once on physical CPU P: delivers a due virtual
   interrupt and enters the guest until its next exit, which the
   caller then handles (exit_dispatch), here or on the boot CPU.
   Stores the cycles it ran in guest mode in *GUEST, those the host
   took for its own interrupts as it left in *HOST.  Returns false,
   having ended the VM, if the guest's state could not be entered.
   Called by a scheduler's loop (hv/vsched.c), on any CPU. */
bool
vcpu_enter (struct vcpu *vcpu, struct vsched_pcpu *p, uint64_t *guest,
            uint64_t *host)
{
  *guest = *host = 0;
  irq_prepare_entry (vcpu);
  if (!vcpu_check (vcpu, p))
    return false;
  *guest = vcpu_world_switch (vcpu, p, host);
  return true;
}

/* Resumes VCPU's guest at RIP after an instruction the hv carried
   out for it.  That instruction also ends any interrupt shadow (the
   one after STI), as it would have had the guest run it. */
static void
vcpu_resume_at (struct vcpu *vcpu, uint32_t rip)
{
  vcpu->vmcb->save.rip = rip;
  vcpu->vmcb->control.int_state &= ~(uint64_t) INT_STATE_SHADOW;
}

/* Moves VCPU's guest past the instruction that caused the exit,
   LENGTH bytes long in its usual encoding.  A CPU that saves nRIP
   (Bochs) knows the real length, prefixes and all; QEMU does not, so
   the hv counts.  For exits of fully decoded instructions only
   (CPUID, HLT, RDMSR/WRMSR, VMMCALL): Bochs's nRIP is meaningless
   after a nested page fault. */
void
vcpu_skip_instruction (struct vcpu *vcpu, unsigned length)
{
  const struct vmcb *vmcb = vcpu->vmcb;
  if (svm_has_nrip () && vmcb->control.next_rip != 0)
    vcpu_resume_at (vcpu, vmcb->control.next_rip);
  else
    vcpu_resume_at (vcpu, vmcb->save.rip + length);
}

/* Moves VCPU's guest to NEXT_RIP, the instruction after one the hv
   emulated (decoded length, or EXITINFO2 of an IOIO exit). */
void
vcpu_skip_to (struct vcpu *vcpu, uint32_t next_rip)
{
  vcpu_resume_at (vcpu, next_rip);
}

/* Makes VCPU's guest take exception VECTOR, with ERROR pushed if
   HAS_ERROR, when it next runs, instead of finishing the current
   instruction. */
void
vcpu_inject_exception (struct vcpu *vcpu, uint8_t vector, bool has_error,
                       uint32_t error)
{
  vcpu->vmcb->control.event_inj = vector | EVENT_TYPE_EXCEPT | EVENT_VALID
                                  | (has_error ? EVENT_ERROR_VALID : 0)
                                  | (uint64_t) error << 32;
}

/* Returns guest register REG (REG_EAX...REG_EDI) of VCPU. */
uint32_t
vcpu_get_reg (const struct vcpu *vcpu, unsigned reg)
{
  const struct vmrun_regs *r = &vcpu->regs;
  switch (reg)
    {
    case REG_EAX: return vcpu->vmcb->save.rax;
    case REG_ECX: return r->ecx;
    case REG_EDX: return r->edx;
    case REG_EBX: return r->ebx;
    case REG_ESP: return vcpu->vmcb->save.rsp;
    case REG_EBP: return r->ebp;
    case REG_ESI: return r->esi;
    default: return r->edi;
    }
}

/* Sets guest register REG (REG_EAX...REG_EDI) of VCPU to VALUE. */
void
vcpu_set_reg (struct vcpu *vcpu, unsigned reg, uint32_t value)
{
  struct vmrun_regs *r = &vcpu->regs;
  switch (reg)
    {
    case REG_EAX: vcpu->vmcb->save.rax = value; break;
    case REG_ECX: r->ecx = value; break;
    case REG_EDX: r->edx = value; break;
    case REG_EBX: r->ebx = value; break;
    case REG_ESP: vcpu->vmcb->save.rsp = value; break;
    case REG_EBP: r->ebp = value; break;
    case REG_ESI: r->esi = value; break;
    default: r->edi = value; break;
    }
}
