/* The ELF32 file format as the kernel reads it: the file header,
   section headers, symbols and relocations of i386 objects, with the
   numbers the module loader checks.  Field offsets follow the System V
   ABI's ELF specification and its i386 supplement. */
#ifndef THREADS_ELF_H
#define THREADS_ELF_H

#include <stdint.h>

/* e_ident[]: indexes and the values we accept. */
#define ELF_IDENT_SIZE 16
#define ELF_IDENT_CLASS 4               /* EI_CLASS */
#define ELF_IDENT_DATA 5                /* EI_DATA */
#define ELF_IDENT_VERSION 6             /* EI_VERSION */
#define ELF_CLASS_32 1                  /* ELFCLASS32 */
#define ELF_DATA_LSB 1                  /* ELFDATA2LSB: little-endian */
#define ELF_VERSION_CURRENT 1           /* EV_CURRENT */
#define ELF_MAGIC "\177ELF"             /* e_ident[0..3] */
#define ELF_MAGIC_SIZE 4

/* e_type and e_machine values. */
#define ELF_TYPE_REL 1                  /* ET_REL: relocatable object */
#define ELF_MACHINE_386 3               /* EM_386 */

/* The file header, at offset 0. */
struct elf32_header
  {
    uint8_t e_ident[ELF_IDENT_SIZE];    /* +0  Magic, class, data, version. */
    uint16_t e_type;                    /* +16 ELF_TYPE_*. */
    uint16_t e_machine;                 /* +18 ELF_MACHINE_*. */
    uint32_t e_version;                 /* +20 ELF_VERSION_CURRENT. */
    uint32_t e_entry;                   /* +24 Entry point (executables). */
    uint32_t e_phoff;                   /* +28 Program headers' offset. */
    uint32_t e_shoff;                   /* +32 Section headers' offset. */
    uint32_t e_flags;                   /* +36 Processor flags. */
    uint16_t e_ehsize;                  /* +40 Size of this header. */
    uint16_t e_phentsize;               /* +42 Size of a program header. */
    uint16_t e_phnum;                   /* +44 Number of program headers. */
    uint16_t e_shentsize;               /* +46 Size of a section header. */
    uint16_t e_shnum;                   /* +48 Number of section headers. */
    uint16_t e_shstrndx;                /* +50 Section of section names. */
  };
_Static_assert (sizeof (struct elf32_header) == 52, "ELF32 file header");

/* sh_type values. */
#define ELF_SHT_NULL 0                  /* Unused header. */
#define ELF_SHT_PROGBITS 1              /* Contents from the file. */
#define ELF_SHT_SYMTAB 2                /* Symbol table. */
#define ELF_SHT_STRTAB 3                /* String table. */
#define ELF_SHT_RELA 4                  /* Relocations with addends. */
#define ELF_SHT_NOBITS 8                /* Zero-filled, not in the file. */
#define ELF_SHT_REL 9                   /* Relocations, addend in place. */

/* sh_flags bits. */
#define ELF_SHF_WRITE 0x1               /* Writable at run time. */
#define ELF_SHF_ALLOC 0x2               /* Occupies memory at run time. */
#define ELF_SHF_EXECINSTR 0x4           /* Holds code. */

/* Special section indexes (st_shndx). */
#define ELF_SHN_UNDEF 0                 /* Undefined symbol. */
#define ELF_SHN_LORESERVE 0xff00        /* First reserved index. */
#define ELF_SHN_ABS 0xfff1              /* Absolute value. */
#define ELF_SHN_COMMON 0xfff2           /* Common block (-fcommon). */

/* A section header, at e_shoff + index * e_shentsize. */
struct elf32_section
  {
    uint32_t sh_name;                   /* +0  Name: offset in e_shstrndx. */
    uint32_t sh_type;                   /* +4  ELF_SHT_*. */
    uint32_t sh_flags;                  /* +8  ELF_SHF_*. */
    uint32_t sh_addr;                   /* +12 Address (0 in objects). */
    uint32_t sh_offset;                 /* +16 Contents' offset in file. */
    uint32_t sh_size;                   /* +20 Size in bytes. */
    uint32_t sh_link;                   /* +24 Linked section (by type). */
    uint32_t sh_info;                   /* +28 Extra (REL: target). */
    uint32_t sh_addralign;              /* +32 Alignment, power of 2 or 0. */
    uint32_t sh_entsize;                /* +36 Entry size for tables. */
  };
_Static_assert (sizeof (struct elf32_section) == 40, "ELF32 section header");

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

/* A symbol table entry. */
struct elf32_symbol
  {
    uint32_t st_name;                   /* +0  Name: offset in strings. */
    uint32_t st_value;                  /* +4  Offset in its section. */
    uint32_t st_size;                   /* +8  Size of the object. */
    uint8_t st_info;                    /* +12 Binding << 4 | type. */
    uint8_t st_other;                   /* +13 Visibility. */
    uint16_t st_shndx;                  /* +14 Section, or ELF_SHN_*. */
  };
_Static_assert (sizeof (struct elf32_symbol) == 16, "ELF32 symbol");

/* Symbol binding, st_info >> 4. */
#define ELF_SYMBOL_BIND(INFO) ((INFO) >> 4)
#define ELF_STB_GLOBAL 1                /* Visible outside its object. */

/* A relocation without addend (SHT_REL): the addend is the 32-bit
   word already at the place being relocated. */
struct elf32_rel
  {
    uint32_t r_offset;                  /* +0 Place: offset in section. */
    uint32_t r_info;                    /* +4 Symbol << 8 | type. */
  };
_Static_assert (sizeof (struct elf32_rel) == 8, "ELF32 relocation");

#define ELF_REL_SYMBOL(INFO) ((INFO) >> 8)
#define ELF_REL_TYPE(INFO) ((INFO) & 0xff)

/* i386 relocation types we apply (S: symbol, A: addend, P: place). */
#define ELF_R_386_NONE 0                /* Nothing. */
#define ELF_R_386_32 1                  /* S + A */
#define ELF_R_386_PC32 2                /* S + A - P */

#endif /* threads/elf.h */
