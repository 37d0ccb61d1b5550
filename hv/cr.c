/* Control-register writes.  hv/vmcb.c intercepts every write to CR0
   and CR4 (MOV to CRn, and CLTS and LMSW, which write CR0), so that
   the guest's values are checked the way the CPU checks them before
   they reach the VMCB: an illegal value raises #GP(0) in the guest,
   as it would on bare metal, and never makes the next VMRUN fail.
   Two bits of CR0 are fixed: ET (always 1 on every CPU since the
   486) and NE.  With NE clear, an x87 error asserts FERR#, which
   reaches the host's PIC as IRQ 13, not the guest; with NE set it
   raises #MF in the guest, where it belongs.

   Under shadow paging (hv/shadow.c) writes to CR3 are intercepted too,
   and reads of CR0, CR3 and CR4: the guest keeps its own values, which
   the shadow pager turns into the ones the CPU runs with. */

#include <inttypes.h>
#include <x86-decode.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* CR0 bits a guest may set: everything else is reserved. */
#define CR0_DEFINED (CR0_PE | CR0_MP | CR0_EM | CR0_TS | CR0_ET | CR0_NE \
                     | CR0_WP | CR0_AM | CR0_NW | CR0_CD | CR0_PG)

/* CR0 bits the guest cannot clear. */
#define CR0_FIXED_ON (CR0_ET | CR0_NE)

/* CR4 bits a 32-bit guest may set when the CPU has their feature
   (CPUID leaf 1 EDX); TSD and PCE need no feature.  The rest
   (long-mode, PCID, XSAVE, SMEP, ...) raise #GP. */
static const struct
  {
    uint32_t cpuid_edx;         /* Feature bit in CPUID leaf 1 EDX. */
    uint32_t cr4;               /* CR4 bits it allows. */
  }
cr4_features[] =
  {
    { 1u << 1, CR4_VME | CR4_PVI },     /* VME */
    { 1u << 2, CR4_DE },                /* DE */
    { 1u << 3, CR4_PSE },               /* PSE */
    { 1u << 6, CR4_PAE },               /* PAE */
    { 1u << 7, CR4_MCE },               /* MCE */
    { 1u << 13, CR4_PGE },              /* PGE */
    { 1u << 24, CR4_OSFXSR },           /* FXSR */
    { 1u << 25, CR4_OSXMMEXCPT },       /* SSE */
  };

/* Instruction bytes (AMD APM vol. 3). */
#define OP_TWO_BYTE  0x0f
#define OP2_GROUP7   0x01       /* LMSW is 0F 01 /6. */
#define OP2_CLTS     0x06
#define OP2_MOV_TO_CR 0x22      /* MOV CRn, r32: 0F 22 /r. */
#define OP2_MOV_FROM_CR 0x20    /* MOV r32, CRn: 0F 20 /r. */
#define GROUP7_SMSW  4          /* SMSW is 0F 01 /4. */
#define GROUP7_LMSW  6
#define LMSW_BITS    (CR0_PE | CR0_MP | CR0_EM | CR0_TS)

/* Exit codes of CR writes are SVM_EXIT_CR_WRITE + the register. */
#define SVM_EXIT_CR_WRITE 0x010

/* A decoded write to a control register. */
struct cr_write
  {
    unsigned cr;                /* Register written: 0, 3 or 4. */
    uint32_t value;             /* New value, before the checks. */
    unsigned length;            /* Instruction bytes. */
  };

/* Decodes the instruction at VCPU's RIP, which just wrote a control
   register, into *W.  Returns a null pointer on success, else why it
   cannot be emulated. */
static const char *
cr_decode (struct vcpu *vcpu, struct cr_write *w)
{
  uint8_t insn[DECODE_INSN_MAX];
  size_t len = vcpu_fetch_insn (vcpu, insn);
  struct x86_prefixes prefixes;
  size_t p = x86_read_prefixes (insn, len, &prefixes);
  uint32_t cr0 = vcpu_guest_cr (vcpu, 0);

  if (p + 2 > len || insn[p] != OP_TWO_BYTE)
    return "not a control-register write";
  uint8_t op = insn[p + 1];
  if (op == OP2_CLTS)
    {
      *w = (struct cr_write) { 0, cr0 & ~CR0_TS, p + 2 };
      return NULL;
    }
  if (p + 3 > len)
    return "instruction cut short";
  unsigned mod = x86_modrm_mod (insn[p + 2]), reg = x86_modrm_reg (insn[p + 2]);
  uint32_t operand = vcpu_get_reg (vcpu, x86_modrm_rm (insn[p + 2]));
  if (op == OP2_MOV_TO_CR)
    *w = (struct cr_write) { reg, operand, p + 3 };
  else if (op == OP2_GROUP7 && reg == GROUP7_LMSW && mod == 3)
    /* LMSW writes PE, MP, EM and TS, and cannot clear PE. */
    *w = (struct cr_write) { 0, (cr0 & ~LMSW_BITS) | (cr0 & CR0_PE)
                                | (operand & LMSW_BITS), p + 3 };
  else if (op == OP2_GROUP7 && reg == GROUP7_LMSW)
    return "LMSW with a memory operand is not emulated";
  else
    return "not a control-register write";
  return NULL;
}

/* Returns the CR4 bits this CPU lets a guest set.  Asked before
   every entry (vmcb_check_guest), so the answer is computed once. */
static uint32_t
cr4_allowed (void)
{
  static uint32_t allowed;
  if (allowed != 0)
    return allowed;

  uint32_t edx = cpuid (1, 0).edx;
  allowed = CR4_TSD | CR4_PCE;
  for (size_t i = 0; i < sizeof cr4_features / sizeof *cr4_features; i++)
    if (edx & cr4_features[i].cpuid_edx)
      allowed |= cr4_features[i].cr4;
  return allowed;
}

/* Returns true if the CPU accepts VALUE for CR0 (MOV CRn's #GP
   conditions): no reserved bit, no paging without protection, no
   not-write-through without cache disable. */
bool
cr_cr0_valid (uint64_t value)
{
  if (value & ~(uint64_t) CR0_DEFINED)
    return false;
  if ((value & CR0_PG) && !(value & CR0_PE))
    return false;
  return !((value & CR0_NW) && !(value & CR0_CD));
}

/* Returns true if the CPU accepts VALUE for CR4. */
bool
cr_cr4_valid (uint64_t value)
{
  return !(value & ~(uint64_t) cr4_allowed ());
}

/* Stores W's value, if legal, in VCPU's CR0, CR3 or CR4 and moves past
   the instruction; injects #GP(0) if not.  Under shadow paging the
   value is the guest's own, and the shadow decides what the CPU gets
   (hv/shadow.c). */
static enum exit_action
cr_apply (struct vcpu *vcpu, const struct cr_write *w)
{
  struct vmcb_save *s = &vcpu->vmcb->save;
  uint64_t value = w->value;

  if (w->cr == 0)
    value |= CR0_FIXED_ON;
  if ((w->cr == 0 && !cr_cr0_valid (value))
      || (w->cr == 4 && !cr_cr4_valid (value)))
    {
      vcpu_inject_exception (vcpu, VEC_GP, true, 0);
      return EXIT_RESUME;
    }
  if (vcpu->shadow != NULL)
    {
      /* The shadow needs the CPU's paging on, which needs protection. */
      if (w->cr == 0 && !(value & CR0_PE))
        return vm_fail (vcpu->vm, "the guest left protected mode, which "
                        "only nested paging can run");
      shadow_set_cr (vcpu, w->cr, value);
      vcpu_skip_to (vcpu, s->rip + w->length);
      return EXIT_RESUME;
    }
  uint64_t *reg = w->cr == 0 ? &s->cr0 : &s->cr4;
  /* The CPU did not carry out the write, so it did not drop the
     guest's translations as a change of paging mode requires. */
  if (*reg != value)
    vcpu->flush_tlb = true;
  *reg = value;
  vcpu_skip_to (vcpu, s->rip + w->length);
  return EXIT_RESUME;
}

/* CR0 and CR4 write exits.  Without decode assists (QEMU has none)
   the CPU does not say which register held the value, so the hv
   decodes the instruction. */
enum exit_action
exit_cr_write (struct vcpu *vcpu)
{
  unsigned cr = vcpu->vmcb->control.exit_code - SVM_EXIT_CR_WRITE;
  struct cr_write w;
  const char *problem = cr_decode (vcpu, &w);

  if (problem == NULL && w.cr != cr)
    problem = "the instruction names another control register";
  if (problem != NULL)
    return vm_fail (vcpu->vm, "CR%u write at eip %#"PRIx32": %s", cr,
                    (uint32_t) vcpu->vmcb->save.rip, problem);
  return cr_apply (vcpu, &w);
}

/* CR0, CR3 and CR4 read exits, under shadow paging only: MOV r32, CRn
   (0F 20 /r) and SMSW r (0F 01 /4, CR0's low bits) get the guest's own
   value, not the one the CPU runs with. */
enum exit_action
exit_cr_read (struct vcpu *vcpu)
{
  unsigned cr = vcpu->vmcb->control.exit_code - SVM_EXIT_CR0_READ;
  uint8_t insn[DECODE_INSN_MAX];
  size_t len = vcpu_fetch_insn (vcpu, insn);
  struct x86_prefixes prefixes;
  size_t p = x86_read_prefixes (insn, len, &prefixes);
  uint32_t value = vcpu_guest_cr (vcpu, cr);

  if (p + 3 <= len && insn[p] == OP_TWO_BYTE
      && x86_modrm_mod (insn[p + 2]) == 3)
    {
      unsigned reg = x86_modrm_reg (insn[p + 2]);
      unsigned rm = x86_modrm_rm (insn[p + 2]);
      if (insn[p + 1] == OP2_MOV_FROM_CR && reg == cr)
        {
          vcpu_set_reg (vcpu, rm, value);
          vcpu_skip_to (vcpu, vcpu->vmcb->save.rip + p + 3);
          return EXIT_RESUME;
        }
      if (insn[p + 1] == OP2_GROUP7 && reg == GROUP7_SMSW && cr == 0)
        {
          uint32_t old = vcpu_get_reg (vcpu, rm);
          vcpu_set_reg (vcpu, rm, prefixes.operand_size
                                  ? (old & 0xffff0000u) | (value & 0xffff)
                                  : value);
          vcpu_skip_to (vcpu, vcpu->vmcb->save.rip + p + 3);
          return EXIT_RESUME;
        }
    }
  return vm_fail (vcpu->vm, "CR%u read at eip %#"PRIx32" that the hv cannot "
                  "emulate", cr, (uint32_t) vcpu->vmcb->save.rip);
}
