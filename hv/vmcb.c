/* Setting up a VMCB -- the intercepts every guest gets and a guest's
   initial register state -- and reading one back for diagnosis: why
   VMRUN refused it, and a dump of the fields worth looking at. */

#include "hv/vmcb.h"
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* What every guest has intercepted (the manual's intercept vector 3):
   host interrupts and NMIs, so the host keeps the CPU; SMI and INIT,
   which belong to the host; CPUID, to filter what the guest sees;
   HLT, to block its VCPU; port I/O and MSRs, through the permission
   maps; INVLPGA, an SVM instruction; SHUTDOWN, so a triple fault ends
   the guest and not the host.  Writes to CR0 and CR4 are intercepted
   too (intercept_cr), so the hv checks every value a guest puts there
   (hv/cr.c).  VINTR is added while a virtual
   interrupt waits for the guest to unmask (hv/irq.c). */
#define VMCB_INTERCEPTS (INTERCEPT_INTR | INTERCEPT_NMI | INTERCEPT_SMI   \
                         | INTERCEPT_INIT | INTERCEPT_CPUID               \
                         | INTERCEPT_HLT | INTERCEPT_INVLPGA              \
                         | INTERCEPT_IOIO_PROT | INTERCEPT_MSR_PROT       \
                         | INTERCEPT_SHUTDOWN)

/* Exceptions intercepted: only #DF.  A double fault means the guest
   could not deliver an exception; one more and it triple-faults.
   Ending the VM at the #DF keeps it from getting there: Bochs 2.7
   panics on a guest triple fault instead of honouring the SHUTDOWN
   intercept.  (QEMU never offers an escalated #DF to the intercept; it
   reports the triple fault as SHUTDOWN.) */
#define VMCB_INTERCEPT_EXCEPTIONS (1u << VEC_DF)

/* Vector 4: VMRUN (the CPU insists), VMMCALL (hypercalls), and the
   other SVM instructions, which the guest must not run for real. */
#define VMCB_INTERCEPTS2 (INTERCEPT2_VMRUN | INTERCEPT2_VMMCALL           \
                          | INTERCEPT2_VMLOAD | INTERCEPT2_VMSAVE         \
                          | INTERCEPT2_STGI | INTERCEPT2_CLGI             \
                          | INTERCEPT2_SKINIT)

/* Guest selectors: the guest runtime's GDT must agree. */
#define GUEST_SEL_CODE 0x08
#define GUEST_SEL_DATA 0x10

/* Initial values the manual gives for registers a guest starts with. */
#define GUEST_CR0    (CR0_PE | CR0_ET | CR0_NE)
#define GUEST_RFLAGS 0x2                        /* Bit 1 is always set. */
#define GUEST_DR6    0xffff0ff0u
#define GUEST_DR7    0x400u
#define GUEST_PAT    0x0007040600070406ull      /* The power-on PAT. */

/* Sets segment SEG to SELECTOR with packed attributes ATTRIB, BASE
   and byte-granular LIMIT. */
static void
vmcb_set_seg (struct vmcb_seg *seg, uint16_t selector, uint16_t attrib,
              uint32_t base, uint32_t limit)
{
  seg->selector = selector;
  seg->attrib = attrib;
  seg->base = base;
  seg->limit = limit;
}

/* Fills in the control area of VMCB, which must be zeroed: the
   intercepts above, permission maps at IOPM_PA and MSRPM_PA, ASID,
   nested paging through the table at NPT_PA, and virtual interrupt
   masking, so the guest's IF masks only its own interrupts and host
   interrupts always exit. */
void
vmcb_init (struct vmcb *vmcb, uint32_t asid, uint32_t iopm_pa,
           uint32_t msrpm_pa, uint32_t npt_pa)
{
  struct vmcb_control *c = &vmcb->control;

  c->intercept_cr = INTERCEPT_CR0_WRITE | INTERCEPT_CR4_WRITE;
  c->intercept_dr = INTERCEPT_DR_ALL;
  c->intercept_exc = VMCB_INTERCEPT_EXCEPTIONS;
  c->intercept_misc1 = VMCB_INTERCEPTS;
  c->intercept_misc2 = VMCB_INTERCEPTS2;
  c->iopm_base_pa = iopm_pa;
  c->msrpm_base_pa = msrpm_pa;
  c->asid = asid;
  c->tlb_control = TLB_CONTROL_FLUSH_ALL;
  c->int_ctl = V_INTR_MASKING;
  c->np_enable = NP_ENABLE;
  c->n_cr3 = npt_pa;
}

/* Turns VMCB, set up by vmcb_init, to shadow paging (hv/shadow.c):
   nested paging off, so that the CR3 the CPU uses is the hv's shadow
   table; the guest's reads and writes of CR0, CR3 and CR4 intercepted,
   so it sees and sets its own values, never the ones the CPU runs
   with; INVLPG intercepted, so a guest dropping a translation drops the
   shadow's copy; and #PF intercepted, so every fault comes to the hv
   first, which fills the shadow or passes the fault on. */
void
vmcb_init_shadow (struct vmcb *vmcb)
{
  struct vmcb_control *c = &vmcb->control;

  c->np_enable = 0;
  c->n_cr3 = 0;
  c->intercept_cr |= INTERCEPT_CR0_READ | INTERCEPT_CR3_READ
                     | INTERCEPT_CR4_READ | INTERCEPT_CR0_WRITE
                     | INTERCEPT_CR3_WRITE | INTERCEPT_CR4_WRITE;
  c->intercept_exc |= 1u << VEC_PF;
  c->intercept_misc1 |= INTERCEPT_INVLPG;
}

/* Sets the guest state in VMCB for a guest starting in 32-bit
   protected mode with paging off, flat segments, interrupts masked,
   at ENTRY with stack pointer STACK.  EFER.SVME must be set in a
   guest, though the guest never sees it (hv/msr.c). */
void
vmcb_init_guest (struct vmcb *vmcb, uint32_t entry, uint32_t stack)
{
  struct vmcb_save *s = &vmcb->save;

  vmcb_set_seg (&s->cs, GUEST_SEL_CODE, VMCB_ATTR_CODE32, 0, 0xffffffff);
  vmcb_set_seg (&s->ds, GUEST_SEL_DATA, VMCB_ATTR_DATA32, 0, 0xffffffff);
  s->es = s->ss = s->fs = s->gs = s->ds;
  vmcb_set_seg (&s->ldtr, 0, VMCB_ATTR_LDT, 0, 0);
  vmcb_set_seg (&s->tr, 0, VMCB_ATTR_TSS32, 0, 0xffff);
  s->cr0 = GUEST_CR0;
  s->efer = EFER_SVME;
  s->rflags = GUEST_RFLAGS;
  s->rip = entry;
  s->rsp = stack;
  s->dr6 = GUEST_DR6;
  s->dr7 = GUEST_DR7;
  s->g_pat = GUEST_PAT;
}

/* EFER bits a guest may have (hv/msr.c lets it set NXE; SVME is the
   hv's, hidden from it). */
#define GUEST_EFER_BITS (EFER_SVME | EFER_NXE)

/* Returns true if EVENT, an EVENTINJ value, is one VMRUN accepts:
   not valid at all, or of a defined type, with an exception vector
   below 32 other than NMI's. */
static bool
vmcb_event_valid (uint64_t event)
{
  if (!(event & EVENT_VALID))
    return true;
  uint32_t type = event & EVENT_TYPE_MASK;
  uint32_t vector = event & EVENT_VECTOR_MASK;
  if (type == EVENT_TYPE_EXCEPT)
    return vector < 32 && vector != VEC_NMI;
  return type == EVENT_TYPE_INTR || type == EVENT_TYPE_NMI
         || type == EVENT_TYPE_SOFT;
}

/* Checks the fields of VMCB a guest can influence -- CR0, CR4, EFER,
   DR6, DR7 and the event to inject -- against VMRUN's consistency
   checks, before entering the guest.  The intercepts are meant to
   keep every one of them legal, so a failure here is an hv bug; but
   it must end the VM, not reach VMRUN, which on some simulators
   leaves the machine broken after a failed VMRUN.  Returns a null
   pointer, or what is wrong. */
const char *
vmcb_check_guest (const struct vmcb *vmcb)
{
  const struct vmcb_save *s = &vmcb->save;

  if (!cr_cr0_valid (s->cr0))
    return "guest CR0 is illegal";
  if (!(s->cr0 & CR0_NE))
    return "guest CR0.NE is clear";
  if (!cr_cr4_valid (s->cr4))
    return "guest CR4 is illegal";
  if (s->efer & ~(uint64_t) GUEST_EFER_BITS)
    return "guest EFER has bits the guest may not set";
  if ((s->dr6 | s->dr7) >> 32)
    return "guest DR6 or DR7 has bits 63:32 set";
  if (s->dr7 != GUEST_DR7)
    return "guest DR7 is not the hv's: a breakpoint could be armed";
  if (!vmcb_event_valid (vmcb->control.event_inj))
    return "EVENTINJ holds an event VMRUN refuses";
  return NULL;
}

/* Returns the most likely reason VMRUN refused VMCB with
   VMEXIT_INVALID, judged from the checks the manual lists.  EFER and
   CR0 are the guest's as they were at VMRUN: Bochs 2.7 overwrites the
   VMCB's state-save area when VMRUN fails (the control area stays). */
const char *
vmcb_diagnose (const struct vmcb *vmcb, uint64_t efer, uint64_t cr0)
{
  const struct vmcb_control *c = &vmcb->control;

  if (c->asid == 0)
    return "guest ASID is 0, the host's own";
  if (!(c->intercept_misc2 & INTERCEPT2_VMRUN))
    return "VMRUN is not intercepted";
  if (!(efer & EFER_SVME))
    return "guest EFER.SVME is clear";
  if ((cr0 & CR0_NW) && !(cr0 & CR0_CD))
    return "guest CR0 has NW set without CD";
  return "a VMRUN consistency check failed (see the VMCB dump)";
}

/* Prints segment SEG of the guest, called NAME. */
static void
vmcb_dump_seg (const char *name, const struct vmcb_seg *seg)
{
  printf ("hv:   %-4s sel %04"PRIx16" attr %03"PRIx16" limit %08"PRIx32
          " base %08"PRIx32"\n", name, seg->selector, seg->attrib,
          seg->limit, (uint32_t) seg->base);
}

/* Prints the fields of VMCB that explain an exit: the exit
   information, intercepts, interrupt state, nested paging and the
   guest's registers. */
void
vmcb_dump (const struct vmcb *vmcb)
{
  const struct vmcb_control *c = &vmcb->control;
  const struct vmcb_save *s = &vmcb->save;

  printf ("hv: VMCB dump\n");
  printf ("hv:   exit code %"PRIx64" info1 %"PRIx64" info2 %"PRIx64
          " exitintinfo %"PRIx64"\n", c->exit_code, c->exit_info1,
          c->exit_info2, c->exit_int_info);
  printf ("hv:   intercepts cr %08"PRIx32" dr %08"PRIx32" exc %08"PRIx32
          " misc %08"PRIx32" %08"PRIx32"\n", c->intercept_cr,
          c->intercept_dr, c->intercept_exc, c->intercept_misc1,
          c->intercept_misc2);
  printf ("hv:   asid %"PRIu32" tlb %u int_ctl %08"PRIx32" vector %02"PRIx32
          " shadow %"PRIu64" eventinj %"PRIx64"\n", c->asid,
          c->tlb_control, c->int_ctl, c->int_vector, c->int_state,
          c->event_inj);
  printf ("hv:   np %"PRIu64" n_cr3 %08"PRIx64" iopm %08"PRIx64
          " msrpm %08"PRIx64" nrip %08"PRIx64"\n", c->np_enable, c->n_cr3,
          c->iopm_base_pa, c->msrpm_base_pa, c->next_rip);
  vmcb_dump_seg ("cs", &s->cs);
  vmcb_dump_seg ("ss", &s->ss);
  vmcb_dump_seg ("ds", &s->ds);
  vmcb_dump_seg ("tr", &s->tr);
  printf ("hv:   gdtr %08"PRIx32"/%04"PRIx32" idtr %08"PRIx32"/%04"PRIx32
          " cpl %u\n", (uint32_t) s->gdtr.base, s->gdtr.limit,
          (uint32_t) s->idtr.base, s->idtr.limit, s->cpl);
  printf ("hv:   cr0 %08"PRIx64" cr2 %08"PRIx64" cr3 %08"PRIx64
          " cr4 %08"PRIx64" efer %08"PRIx64"\n", s->cr0, s->cr2, s->cr3,
          s->cr4, s->efer);
  printf ("hv:   rip %08"PRIx64" rsp %08"PRIx64" rax %08"PRIx64
          " rflags %08"PRIx64"\n", s->rip, s->rsp, s->rax, s->rflags);
}
