/* Explains a general-protection fault (#GP) in ring 3 by decoding the
   faulting instruction, for the kill message and the ring demos.
   Only what a lecture needs: instructions that are privileged (ring 0
   only), those that depend on IOPL (Ringlet runs user code with IOPL
   0), and "int" through a gate user code may not use.  Encodings are
   from the Intel SDM vol. 2 opcode maps; prefixes and ModRM are read
   by the decoding front end shared with hv (lib/kernel/x86-decode.h). */

#include "userprog/decode.h"
#include <stdbool.h>
#include <stdio.h>
#include <x86-decode.h>

/* What ring 3 lacks to run an instruction. */
#define WHY_PRIV "is privileged: ring 0 only"
#define WHY_IOPL "needs CPL <= IOPL, and IOPL is 0"

/* The error code of a #GP raised by an "int" instruction names the
   gate: bit 1 set for an IDT entry, the vector in bits 3 and up. */
#define GP_ERROR_IDT 0x2
#define GP_ERROR_INDEX_SHIFT 3

/* A one-byte opcode. */
struct decode_op1
  {
    uint8_t opcode;
    const char *name;
    const char *why;
  };

static const struct decode_op1 decode_one_byte[] =
  {
    { 0xfa, "cli", WHY_IOPL },
    { 0xfb, "sti", WHY_IOPL },
    { 0xf4, "hlt", WHY_PRIV },
    { 0xe4, "in", WHY_IOPL }, { 0xe5, "in", WHY_IOPL },
    { 0xec, "in", WHY_IOPL }, { 0xed, "in", WHY_IOPL },
    { 0xe6, "out", WHY_IOPL }, { 0xe7, "out", WHY_IOPL },
    { 0xee, "out", WHY_IOPL }, { 0xef, "out", WHY_IOPL },
    { 0x6c, "ins", WHY_IOPL }, { 0x6d, "ins", WHY_IOPL },
    { 0x6e, "outs", WHY_IOPL }, { 0x6f, "outs", WHY_IOPL },
  };

/* A two-byte opcode 0x0f OPCODE, with REG the ModRM reg field it
   needs, or -1 for any. */
struct decode_op2
  {
    uint8_t opcode;
    int reg;
    const char *name;
  };

static const struct decode_op2 decode_two_byte[] =
  {
    { 0x00, 2, "lldt" }, { 0x00, 3, "ltr" },
    { 0x01, 2, "lgdt" }, { 0x01, 3, "lidt" },
    { 0x01, 6, "lmsw" }, { 0x01, 7, "invlpg" },
    { 0x06, -1, "clts" }, { 0x08, -1, "invd" }, { 0x09, -1, "wbinvd" },
    { 0x20, -1, "mov from %cr" }, { 0x22, -1, "mov to %cr" },
    { 0x21, -1, "mov from %dr" }, { 0x23, -1, "mov to %dr" },
    { 0x30, -1, "wrmsr" }, { 0x32, -1, "rdmsr" },
  };

#define ARRAY_CNT(A) (sizeof (A) / sizeof *(A))

/* Describes the two-byte opcode 0x0f OPCODE with ModRM byte MODRM
   into BUF, which it leaves as it is if that is not one we know. */
static void
decode_0f (uint8_t opcode, uint8_t modrm, char *buf, size_t size)
{
  int reg = x86_modrm_reg (modrm);

  for (size_t i = 0; i < ARRAY_CNT (decode_two_byte); i++)
    {
      const struct decode_op2 *op = &decode_two_byte[i];
      if (op->opcode != opcode || (op->reg >= 0 && op->reg != reg))
        continue;
      bool control_reg = opcode >= 0x20 && opcode <= 0x23;
      if (control_reg)
        snprintf (buf, size, "%s%d " WHY_PRIV, op->name, reg);
      else
        snprintf (buf, size, "%s " WHY_PRIV, op->name);
      return;
    }
}

/* Writes into BUF (SIZE bytes) why the instruction whose first
   CODE_LEN bytes are at CODE raised #GP with ERROR_CODE in ring 3,
   e.g. "cli needs CPL <= IOPL, and IOPL is 0", or "" if that is not
   one this decoder knows. */
void
decode_gp (const uint8_t *code, size_t code_len, uint32_t error_code,
           char *buf, size_t size)
{
  struct x86_prefixes prefixes;
  size_t i;

  buf[0] = '\0';
  if (error_code & GP_ERROR_IDT)
    {
      snprintf (buf, size, "int $%#x: its gate's DPL is below CPL 3",
                (unsigned) (error_code >> GP_ERROR_INDEX_SHIFT));
      return;
    }
  i = x86_read_prefixes (code, code_len, &prefixes);
  if (i >= code_len)
    return;
  if (code[i] == 0x0f)
    {
      if (i + 1 < code_len)
        decode_0f (code[i + 1], i + 2 < code_len ? code[i + 2] : 0, buf, size);
      return;
    }
  for (size_t j = 0; j < ARRAY_CNT (decode_one_byte); j++)
    if (decode_one_byte[j].opcode == code[i])
      {
        snprintf (buf, size, "%s %s", decode_one_byte[j].name,
                  decode_one_byte[j].why);
        return;
      }
}
