/* The front end of x86 instruction decoding in 32-bit code, shared by
   the kernel's decoders (userprog/decode.c, which names the
   instruction behind a user #GP, and hv/decode.c, which decodes the
   MOVs a guest aims at MMIO): legacy prefixes, and the ModRM byte with
   the SIB byte and displacement that may follow it.  Encodings are
   those of the Intel SDM vol. 2, chapter 2.  Inline, because hv.ko
   compiles its own copy rather than reaching into the kernel. */
#ifndef LIB_KERNEL_X86_DECODE_H
#define LIB_KERNEL_X86_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The legacy prefixes found before an opcode. */
struct x86_prefixes
  {
    bool operand_size;          /* 0x66: 16-bit operands. */
    bool address_size;          /* 0x67: 16-bit addressing. */
    bool segment;               /* 0x26 0x2e 0x36 0x3e 0x64 0x65. */
    bool lock_or_rep;           /* 0xf0 LOCK, 0xf2 REPNE, 0xf3 REP. */
  };

/* Returns true if BYTE is one of the six segment-override prefixes. */
static inline bool
x86_is_segment_prefix (uint8_t byte)
{
  return byte == 0x26 || byte == 0x2e || byte == 0x36 || byte == 0x3e
         || byte == 0x64 || byte == 0x65;
}

/* Records the prefix BYTE in *P.  Returns false, changing nothing, if
   BYTE is not a legacy prefix. */
static inline bool
x86_note_prefix (uint8_t byte, struct x86_prefixes *p)
{
  if (byte == 0x66)
    p->operand_size = true;
  else if (byte == 0x67)
    p->address_size = true;
  else if (byte == 0xf0 || byte == 0xf2 || byte == 0xf3)
    p->lock_or_rep = true;
  else if (x86_is_segment_prefix (byte))
    p->segment = true;
  else
    return false;
  return true;
}

/* Reads the prefixes at the start of the LEN bytes at CODE into *P.
   Returns the offset of the first byte that is not a prefix (the
   opcode), which is LEN if the bytes run out first. */
static inline size_t
x86_read_prefixes (const uint8_t *code, size_t len, struct x86_prefixes *p)
{
  size_t at = 0;

  *p = (struct x86_prefixes) { false, false, false, false };
  while (at < len && x86_note_prefix (code[at], p))
    at++;
  return at;
}

/* The fields of a ModRM byte: mod (bits 7-6), reg (5-3), rm (2-0). */
static inline unsigned x86_modrm_mod (uint8_t modrm) { return modrm >> 6; }
static inline unsigned x86_modrm_reg (uint8_t modrm) { return (modrm >> 3) & 7; }
static inline unsigned x86_modrm_rm (uint8_t modrm) { return modrm & 7; }

/* For a ModRM byte at MODRM that names a memory operand, returns the
   bytes it occupies with the SIB byte and displacement that follow it
   (32-bit addressing).  Returns 0 if it names a register (mod 3) or
   if those bytes run past END. */
static inline size_t
x86_modrm_memory_length (const uint8_t *modrm, const uint8_t *end)
{
  unsigned mod = x86_modrm_mod (*modrm), rm = x86_modrm_rm (*modrm);
  size_t length = 1;

  if (mod == 3)
    return 0;
  if (rm == 4)
    {
      /* A SIB byte follows; base 5 with mod 0 means disp32, no base. */
      if (modrm + 1 >= end)
        return 0;
      length += 1 + (mod == 0 && (modrm[1] & 7) == 5 ? 4 : 0);
    }
  else if (mod == 0 && rm == 5)
    length += 4;                        /* disp32 alone. */
  if (mod == 1)
    length += 1;                        /* disp8. */
  else if (mod == 2)
    length += 4;                        /* disp32. */
  return length <= (size_t) (end - modrm) ? length : 0;
}

#endif /* lib/kernel/x86-decode.h */
