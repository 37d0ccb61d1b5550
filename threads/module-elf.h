/* Private interface between the module list (threads/module.c) and
   the ELF32 linker that checks a module file and links it in place
   (threads/module-elf.c).  Nothing outside those two files uses it. */
#ifndef THREADS_MODULE_ELF_H
#define THREADS_MODULE_ELF_H

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "threads/elf.h"

/* A module file while it is being loaded.  Everything points into the
   caller's copy of the file except OFFSETS and VALUES, which the
   linker allocates and module_elf_release frees. */
struct module_image
  {
    const char *file_name;              /* For messages. */
    const uint8_t *data;                /* The file's bytes. */
    size_t size;                        /* How many. */

    /* Filled in by module_elf_check. */
    const struct elf32_header *header;
    const struct elf32_section *sections; /* header->e_shnum of them. */
    const char *section_names;          /* Null-terminated table. */
    size_t section_names_size;
    size_t symtab_index;                /* Section of the symbol table. */
    const struct elf32_symbol *symbols;
    size_t symbol_cnt;
    const char *strings;                /* Symbol names, null-terminated. */
    size_t strings_size;

    /* Filled in by module_elf_layout and module_elf_resolve. */
    uint32_t *offsets;                  /* Per section: offset in memory. */
    size_t memory_size;                 /* Bytes all loaded sections need. */
    uint8_t *memory;                    /* Where they went, once placed. */
    uint32_t *values;                   /* Per symbol: its address. */
  };

bool module_elf_check (struct module_image *);
bool module_elf_layout (struct module_image *);
void module_elf_place (struct module_image *, uint8_t *memory);
bool module_elf_resolve (struct module_image *);
bool module_elf_relocate (struct module_image *);
void *module_elf_find_global (const struct module_image *, const char *name,
                              size_t *room);
void module_elf_release (struct module_image *);

#endif /* threads/module-elf.h */
