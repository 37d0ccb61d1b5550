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
   Anything else makes the caller end the VM. */

#include <string.h>
#include "hv/hv.h"

#define PREFIX_OPSIZE 0x66

/* Returns true if B is a segment-override prefix. */
static bool
is_segment_prefix (uint8_t b)
{
  return b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x64
         || b == 0x65;
}

/* Returns the length of the ModRM byte at MODRM and the SIB byte and
   displacement after it, or 0 if it names a register rather than
   memory, or runs past END. */
static unsigned
modrm_length (const uint8_t *modrm, const uint8_t *end)
{
  unsigned mod = *modrm >> 6, rm = *modrm & 7;
  unsigned length = 1;

  if (mod == 3)
    return 0;
  if (rm == 4)
    {
      if (modrm + 1 >= end)
        return 0;
      length++;
      if (mod == 0 && (modrm[1] & 7) == 5)
        length += 4;                    /* SIB with no base: disp32. */
    }
  else if (mod == 0 && rm == 5)
    length += 4;                        /* disp32 alone. */
  if (mod == 1)
    length += 1;
  else if (mod == 2)
    length += 4;
  return modrm + length <= end ? length : 0;
}

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
  unsigned modrm_len = modrm_length (p, end);
  if (modrm_len == 0)
    return false;
  out->reg = (*p >> 3) & 7;
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
  const uint8_t *p = insn, *end = insn + len;
  unsigned size = 4;

  memset (out, 0, sizeof *out);
  for (; p < end && (*p == PREFIX_OPSIZE || is_segment_prefix (*p)); p++)
    if (*p == PREFIX_OPSIZE)
      size = 2;
  if (p >= end)
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
