/* Debug-register accesses.  hv/vmcb.c intercepts every read and write
   of DR0-DR7, and the guest's values live in its struct vcpu, never in
   the CPU: no breakpoint or watchpoint is ever armed for a guest, and
   the VMCB's DR7 keeps every enable bit clear.

   Why: QEMU 7.2 does not re-arm its breakpoints at VMRUN or #VMEXIT.
   A watchpoint a guest left enabled in DR7 outlives its VM, and the
   next write to DR7 (by another guest or the host) removes it as the
   kind the new DR7 names, not the kind it is, and the simulator dies
   with SIGSEGV (docs/design.md, "Simulator facts").  So a guest reads
   back what it wrote to DR0-DR3 and DR7 but gets no #DB from them.
   DR6 stays the VMCB's, which the CPU updates for single steps. */

#include <inttypes.h>
#include <x86-decode.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* Instruction bytes (AMD APM vol. 3): MOV r32, DRn is 0F 21 /r and
   MOV DRn, r32 is 0F 23 /r, always with a register operand. */
#define OP_TWO_BYTE     0x0f
#define OP2_MOV_FROM_DR 0x21
#define OP2_MOV_TO_DR   0x23

/* DR6: bits that read as one, and bits a write may change (B0-B3, BD,
   BS, BT). */
#define DR6_FIXED_ON  0xffff0ff0u
#define DR6_WRITABLE  0x0000e00fu

/* DR7: bit 10 reads as one; a write may change the enables (L0-G3, LE,
   GE) and the type and length fields.  GD, which would make debug-
   register accesses trap, is not kept: those accesses already exit. */
#define DR7_FIXED_ON  0x00000400u
#define DR7_WRITABLE  0xffff03ffu

/* Returns the value the guest of VCPU reads from DR (0-3, 6 or 7). */
static uint32_t
dr_read (const struct vcpu *vcpu, unsigned dr)
{
  if (dr < 4)
    return vcpu->dr[dr];
  if (dr == 6)
    return (uint32_t) vcpu->vmcb->save.dr6;
  return (vcpu->dr7 & DR7_WRITABLE) | DR7_FIXED_ON;
}

/* Stores VALUE as what the guest of VCPU wrote to DR (0-3, 6 or 7). */
static void
dr_write (struct vcpu *vcpu, unsigned dr, uint32_t value)
{
  if (dr < 4)
    vcpu->dr[dr] = value;
  else if (dr == 6)
    vcpu->vmcb->save.dr6 = (value & DR6_WRITABLE) | DR6_FIXED_ON;
  else
    vcpu->dr7 = (value & DR7_WRITABLE) | DR7_FIXED_ON;
}

/* Debug-register read and write exits.  Without decode assists (QEMU
   has none) the CPU does not say which general register is involved,
   so the hv decodes the MOV itself. */
enum exit_action
exit_dr_access (struct vcpu *vcpu)
{
  struct vmcb_save *s = &vcpu->vmcb->save;
  uint32_t code = vcpu->vmcb->control.exit_code;
  bool write = code >= SVM_EXIT_DR0_WRITE;
  unsigned dr = code - (write ? SVM_EXIT_DR0_WRITE : SVM_EXIT_DR0_READ);
  uint8_t insn[DECODE_INSN_MAX];
  size_t len = vcpu_fetch_insn (vcpu, insn);
  struct x86_prefixes prefixes;
  size_t p = x86_read_prefixes (insn, len, &prefixes);

  if (p + 3 > len || insn[p] != OP_TWO_BYTE
      || insn[p + 1] != (write ? OP2_MOV_TO_DR : OP2_MOV_FROM_DR)
      || x86_modrm_reg (insn[p + 2]) != dr)
    return vm_fail (vcpu->vm, "DR%u %s at eip %#"PRIx32": not the MOV the "
                    "exit names", dr, write ? "write" : "read",
                    (uint32_t) s->rip);
  if (s->cpl != 0)
    {
      vcpu_inject_exception (vcpu, VEC_GP, true, 0);
      return EXIT_RESUME;
    }
  if (dr == 4 || dr == 5)
    {
      /* With CR4.DE set they are reserved; without, DR6 and DR7. */
      if (s->cr4 & CR4_DE)
        {
          vcpu_inject_exception (vcpu, VEC_UD, false, 0);
          return EXIT_RESUME;
        }
      dr += 2;
    }
  unsigned reg = x86_modrm_rm (insn[p + 2]);
  if (write)
    dr_write (vcpu, dr, vcpu_get_reg (vcpu, reg));
  else
    vcpu_set_reg (vcpu, reg, dr_read (vcpu, dr));
  vcpu_skip_to (vcpu, s->rip + p + 3);
  return EXIT_RESUME;
}
