/* Loading ELF32 executables into a process's address space, and the
   parts of the format only executables have: program headers, which
   describe the segments to map (System V ABI, "Program Header").  The
   file header and the other shared numbers are in threads/elf.h. */
#ifndef USERPROG_ELF_H
#define USERPROG_ELF_H

#include <stdint.h>

/* e_type of an executable. */
#define ELF_TYPE_EXEC 2

/* A program header: one segment. */
struct elf32_segment
  {
    uint32_t p_type;            /* +0x00 Segment type (PT_*). */
    uint32_t p_offset;          /* +0x04 Offset in the file. */
    uint32_t p_vaddr;           /* +0x08 Virtual address. */
    uint32_t p_paddr;           /* +0x0c Physical address (unused). */
    uint32_t p_filesz;          /* +0x10 Bytes in the file. */
    uint32_t p_memsz;           /* +0x14 Bytes in memory (rest zeroed). */
    uint32_t p_flags;           /* +0x18 PF_* permissions. */
    uint32_t p_align;           /* +0x1c Alignment. */
  };
_Static_assert (sizeof (struct elf32_segment) == 0x20, "ELF32 program header");

/* Segment types. */
#define PT_LOAD 1               /* Loadable segment. */
#define PT_DYNAMIC 2            /* Dynamic linking information. */
#define PT_INTERP 3             /* Name of a program interpreter. */
#define PT_SHLIB 5              /* Reserved, unspecified semantics. */

/* Segment permission flags. */
#define PF_X 1                  /* Executable. */
#define PF_W 2                  /* Writable. */
#define PF_R 4                  /* Readable. */

struct file;
const char *elf_load (struct file *, void (**entry) (void));

#endif /* userprog/elf.h */
