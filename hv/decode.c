/* Decoding the instructions a guest uses to reach MMIO, so that a
   nested page fault on a device register can be carried out by the
   hv: which register or immediate, which size, which direction, and
   how long the instruction is.  QEMU gives no decode assist, so the
   hv reads the bytes at the guest's EIP and decodes them itself.

   Only the MOV family that C compilers emit for volatile accesses is
   understood (32-bit addressing, optional operand-size and segment
   prefixes):
     88/89 /r   MOV r/m, reg      8A/8B /r   MOV reg, r/m
     C6/C7 /0   MOV r/m, imm      A0-A3      MOV between EAX and moffs32
     0F B6/B7   MOVZX reg, r/m8 or r/m16
   Anything else makes the caller end the VM.  Prefixes and ModRM
   are read by the decoding front end shared with the kernel
   (lib/kernel/x86-decode.h). */

#include <string.h>
#include <x86-decode.h>
#include "hv/hv.h"

/* Reads a SIZE-byte little-endian immediate at P. */
static uint32_t
read_imm (const uint8_t *p, unsigned size)
{
  uint32_t v = 0;
  memcpy (&v, p, size);
  return v;
}

/* Decodes the ModRM forms (88-8B, C6/C7, 0F B6/B7) whose opcode ends
   just before P, filling in OUT; WITH_IMM if an immediate of OUT->size
   follows.  Returns false if malformed or past END. */
static bool
decode_modrm (const uint8_t *insn, const uint8_t *p, const uint8_t *end,
              bool with_imm, struct decode_mov *out)
{
  if (p >= end)
    return false;
  size_t modrm_len = x86_modrm_memory_length (p, end);
  if (modrm_len == 0)
    return false;
  out->reg = x86_modrm_reg (*p);
  p += modrm_len;
  if (with_imm)
    {
      if (out->reg != 0 || p + out->size > end)
        return false;                   /* C6/C7 need /0. */
      out->immediate = true;
      out->imm = read_imm (p, out->size);
      p += out->size;
    }
  out->length = p - insn;
  return true;
}

/* Decodes the instruction in INSN (LEN bytes available) into OUT.
   Returns false if it is not one of the forms above. */
bool
decode_mov (const uint8_t *insn, size_t len, struct decode_mov *out)
{
  const uint8_t *end = insn + len;
  struct x86_prefixes prefixes;
  const uint8_t *p = insn + x86_read_prefixes (insn, len, &prefixes);
  unsigned size = prefixes.operand_size ? 2 : 4;

  memset (out, 0, sizeof *out);
  /* 16-bit addressing, LOCK and REP never reach MMIO here. */
  if (p >= end || prefixes.address_size || prefixes.lock_or_rep)
    return false;

  uint8_t op = *p++;
  out->size = (op & 1) ? size : 1;
  switch (op)
    {
    case 0x88: case 0x89:
      out->write = true;
      return decode_modrm (insn, p, end, false, out);
    case 0x8a: case 0x8b:
      return decode_modrm (insn, p, end, false, out);
    case 0xc6: case 0xc7:
      out->write = true;
      return decode_modrm (insn, p, end, true, out);
    case 0xa0: case 0xa1: case 0xa2: case 0xa3:
      if (p + 4 > end)
        return false;
      out->write = op >= 0xa2;
      out->reg = REG_EAX;
      out->length = p + 4 - insn;
      return true;
    case 0x0f:
      if (p >= end || (*p != 0xb6 && *p != 0xb7))
        return false;
      out->size = *p == 0xb6 ? 1 : 2;
      out->zero_extend = true;
      return decode_modrm (insn, p + 1, end, false, out);
    default:
      return false;
    }
}
