/* The module linker: checks that a module file is a sane ELF32 i386
   relocatable object, lays its allocated sections out in one run of
   memory, resolves its undefined symbols against the kernel's export
   table, and applies its relocations there.

   A module file comes from a disk the kernel does not control, so
   every offset, size and index read from it is checked before use,
   and a bad one is refused with one line saying what is wrong.  The
   checks run in order, each relying on the ones before it: header,
   section headers, section names, symbol table, symbols. */

#include "threads/module-elf.h"
#include <inttypes.h>
#include <round.h>
#include <stdio.h>
#include <string.h>
#include "threads/export.h"
#include "threads/malloc.h"
#include "threads/module.h"
#include "threads/vaddr.h"

/* Most memory a module's sections may occupy together. */
#define MODULE_MEMORY_MAX (4 * 1024 * 1024)

/* Alignment of the tables (section headers, symbols, relocations)
   that the linker reads in place: their entries hold 32-bit words. */
#define ELF_TABLE_ALIGN 4

/* Refuses the module in IMAGE: prints "insmod: FILE: " and the rest,
   formatted like printf, as one line, and evaluates to false. */
#define ELF_REFUSE(IMAGE, ...) module_refuse ((IMAGE)->file_name, __VA_ARGS__)

/* Returns true if the SIZE bytes at OFFSET lie within IMAGE's file. */
static bool
elf_in_file (const struct module_image *image, uint32_t offset,
             uint32_t size)
{
  return offset <= image->size && size <= image->size - offset;
}

/* Returns true if IMAGE's file holds a table of entries of ENTRY_SIZE
   bytes at OFFSET, SIZE bytes long, aligned for reading in place. */
static bool
elf_table_ok (const struct module_image *image, uint32_t offset,
              uint32_t size, uint32_t entry_size)
{
  return elf_in_file (image, offset, size) && size % entry_size == 0
         && offset % ELF_TABLE_ALIGN == 0;
}

/* Returns the name of IMAGE's section INDEX (checked by then). */
static const char *
elf_section_name (const struct module_image *image, size_t index)
{
  return image->section_names + image->sections[index].sh_name;
}

/* Returns true if section S is loaded into memory. */
static bool
elf_is_loaded (const struct elf32_section *s)
{
  return (s->sh_flags & ELF_SHF_ALLOC) != 0;
}

/* Checks IMAGE's file header: an ELF32, little-endian, i386
   relocatable object whose section header table lies in the file. */
static bool
elf_check_header (struct module_image *image)
{
  const struct elf32_header *h = (const struct elf32_header *) image->data;

  if (image->size < sizeof *h
      || memcmp (h->e_ident, ELF_MAGIC, ELF_MAGIC_SIZE))
    return ELF_REFUSE (image, "not an ELF file (bad magic number)");
  /* e_machine sits at the same offset in 64-bit files, so checking it
     first names the likelier mistake for an x86-64 object. */
  if (h->e_machine != ELF_MACHINE_386)
    return ELF_REFUSE (image, "machine %u is not i386 (%d): "
                       "compiled for another processor?",
                       h->e_machine, ELF_MACHINE_386);
  if (h->e_ident[ELF_IDENT_CLASS] != ELF_CLASS_32)
    return ELF_REFUSE (image, "not a 32-bit ELF file (class %u)",
                       h->e_ident[ELF_IDENT_CLASS]);
  if (h->e_ident[ELF_IDENT_DATA] != ELF_DATA_LSB)
    return ELF_REFUSE (image, "not little-endian (data encoding %u)",
                       h->e_ident[ELF_IDENT_DATA]);
  if (h->e_ident[ELF_IDENT_VERSION] != ELF_VERSION_CURRENT
      || h->e_version != ELF_VERSION_CURRENT)
    return ELF_REFUSE (image, "unknown ELF version");
  if (h->e_type != ELF_TYPE_REL)
    return ELF_REFUSE (image, "ELF type %u is not a relocatable object "
                       "(link modules with ld -r)", h->e_type);
  if (h->e_shentsize != sizeof (struct elf32_section)
      || h->e_shnum == 0 || h->e_shnum >= ELF_SHN_LORESERVE)
    return ELF_REFUSE (image, "bad section header size or count");
  if (h->e_shoff > image->size
      || (image->size - h->e_shoff) / h->e_shentsize < h->e_shnum
      || h->e_shoff % ELF_TABLE_ALIGN != 0)
    return ELF_REFUSE (image, "section headers lie outside the file "
                       "(%zu bytes): truncated?", image->size);
  if (h->e_shstrndx == ELF_SHN_UNDEF || h->e_shstrndx >= h->e_shnum)
    return ELF_REFUSE (image, "bad section name table index %u",
                       h->e_shstrndx);
  image->header = h;
  image->sections = (const struct elf32_section *) (image->data + h->e_shoff);
  return true;
}

/* Checks a string table: section INDEX of IMAGE must be one, ending
   in a null byte so that every name in it is terminated.  Stores its
   start and size in *TABLE and *SIZE.  WHAT names it in messages. */
static bool
elf_check_strings (struct module_image *image, size_t index,
                   const char *what, const char **table, size_t *size)
{
  const struct elf32_section *s;

  if (index == ELF_SHN_UNDEF || index >= image->header->e_shnum)
    return ELF_REFUSE (image, "%s: bad section index %zu", what, index);
  s = &image->sections[index];
  if (s->sh_type != ELF_SHT_STRTAB || s->sh_size == 0
      || image->data[s->sh_offset + s->sh_size - 1] != '\0')
    return ELF_REFUSE (image, "%s (section %zu) is not a "
                       "null-terminated string table", what, index);
  *table = (const char *) image->data + s->sh_offset;
  *size = s->sh_size;
  return true;
}

/* Checks every section header of IMAGE: contents inside the file,
   alignment a power of two, name inside the section name table. */
static bool
elf_check_sections (struct module_image *image)
{
  size_t i;

  for (i = 0; i < image->header->e_shnum; i++)
    {
      const struct elf32_section *s = &image->sections[i];
      if (s->sh_type != ELF_SHT_NOBITS && s->sh_type != ELF_SHT_NULL
          && !elf_in_file (image, s->sh_offset, s->sh_size))
        return ELF_REFUSE (image, "section %zu lies outside the file "
                           "(%zu bytes): truncated?", i, image->size);
      if ((s->sh_addralign & (s->sh_addralign - 1)) != 0)
        return ELF_REFUSE (image, "section %zu: alignment %"PRIu32
                           " is not a power of 2", i, s->sh_addralign);
    }
  if (!elf_check_strings (image, image->header->e_shstrndx,
                          "section name table", &image->section_names,
                          &image->section_names_size))
    return false;
  for (i = 0; i < image->header->e_shnum; i++)
    if (image->sections[i].sh_name >= image->section_names_size)
      return ELF_REFUSE (image, "section %zu: name outside the "
                         "section name table", i);
  return true;
}

/* Finds IMAGE's one symbol table and its string table and checks
   them. */
static bool
elf_check_symtab (struct module_image *image)
{
  const struct elf32_section *s = NULL;
  size_t i;

  for (i = 0; i < image->header->e_shnum; i++)
    if (image->sections[i].sh_type == ELF_SHT_SYMTAB)
      {
        if (s != NULL)
          return ELF_REFUSE (image, "more than one symbol table");
        s = &image->sections[i];
        image->symtab_index = i;
      }
  if (s == NULL)
    return ELF_REFUSE (image, "no symbol table");
  if (s->sh_entsize != sizeof (struct elf32_symbol)
      || !elf_table_ok (image, s->sh_offset, s->sh_size, s->sh_entsize))
    return ELF_REFUSE (image, "malformed symbol table");
  image->symbols = (const struct elf32_symbol *) (image->data + s->sh_offset);
  image->symbol_cnt = s->sh_size / sizeof (struct elf32_symbol);
  return elf_check_strings (image, s->sh_link, "symbol name table",
                            &image->strings, &image->strings_size);
}

/* Returns the name of IMAGE's symbol INDEX (checked by then). */
static const char *
elf_symbol_name (const struct module_image *image, size_t index)
{
  return image->strings + image->symbols[index].st_name;
}

/* Returns the header of the section IMAGE's symbol INDEX is defined
   in, or a null pointer for an undefined or absolute symbol (checked
   by then). */
static const struct elf32_section *
elf_symbol_section (const struct module_image *image, size_t index)
{
  uint16_t shndx = image->symbols[index].st_shndx;

  if (shndx == ELF_SHN_UNDEF || shndx >= ELF_SHN_LORESERVE)
    return NULL;
  return &image->sections[shndx];
}

/* Checks every symbol of IMAGE: name in the string table; defined in
   a real section and inside it, absolute, or undefined.  Common
   symbols are refused: gcc has defaulted to -fno-common since
   version 10. */
static bool
elf_check_symbols (struct module_image *image)
{
  size_t i;

  for (i = 0; i < image->symbol_cnt; i++)
    {
      const struct elf32_symbol *sym = &image->symbols[i];
      if (sym->st_name >= image->strings_size)
        return ELF_REFUSE (image, "symbol %zu: name outside the "
                           "symbol name table", i);
      if (sym->st_shndx == ELF_SHN_COMMON)
        return ELF_REFUSE (image, "common symbol '%s' (compile with "
                           "-fno-common)", elf_symbol_name (image, i));
      if (sym->st_shndx == ELF_SHN_UNDEF || sym->st_shndx == ELF_SHN_ABS)
        continue;
      if (sym->st_shndx >= image->header->e_shnum)
        return ELF_REFUSE (image, "symbol %zu ('%s'): bad section "
                           "index %u", i, elf_symbol_name (image, i),
                           sym->st_shndx);
      if (sym->st_value > image->sections[sym->st_shndx].sh_size)
        return ELF_REFUSE (image, "symbol %zu ('%s') lies outside "
                           "its section", i, elf_symbol_name (image, i));
    }
  return true;
}

/* Checks IMAGE's file from its header down to its symbols, filling in
   the fields of IMAGE that point into it.  Returns true if it may be
   loaded; otherwise prints why not and returns false. */
bool
module_elf_check (struct module_image *image)
{
  return (elf_check_header (image) && elf_check_sections (image)
          && elf_check_symtab (image) && elf_check_symbols (image));
}

/* Gives each loaded section of IMAGE its offset in one run of memory,
   honouring its alignment (up to a page, since the run will be
   page-aligned), and sets IMAGE->memory_size.  Returns false, having
   printed why, if the sections need too much or no memory. */
bool
module_elf_layout (struct module_image *image)
{
  size_t n = image->header->e_shnum;
  size_t size = 0;
  size_t i;

  image->offsets = calloc (n, sizeof *image->offsets);
  if (image->offsets == NULL)
    return ELF_REFUSE (image, "out of memory");
  for (i = 0; i < n; i++)
    {
      const struct elf32_section *s = &image->sections[i];
      if (!elf_is_loaded (s))
        continue;
      if (s->sh_addralign > PGSIZE)
        return ELF_REFUSE (image, "section '%s' wants %"PRIu32"-byte "
                           "alignment, more than a page",
                           elf_section_name (image, i), s->sh_addralign);
      size = ROUND_UP (size, s->sh_addralign > 0 ? s->sh_addralign : 1);
      if (s->sh_size > MODULE_MEMORY_MAX - size)
        return ELF_REFUSE (image, "sections need more than the %d-byte "
                           "limit of memory", MODULE_MEMORY_MAX);
      image->offsets[i] = size;
      size += s->sh_size;
    }
  if (size == 0)
    return ELF_REFUSE (image, "no sections to load");
  image->memory_size = size;
  return true;
}

/* Copies IMAGE's loaded sections to their places in MEMORY, a run of
   IMAGE->memory_size zeroed bytes, which leaves SHT_NOBITS sections
   (.bss) zero. */
void
module_elf_place (struct module_image *image, uint8_t *memory)
{
  size_t i;

  image->memory = memory;
  for (i = 0; i < image->header->e_shnum; i++)
    {
      const struct elf32_section *s = &image->sections[i];
      if (elf_is_loaded (s) && s->sh_type != ELF_SHT_NOBITS)
        memcpy (memory + image->offsets[i], image->data + s->sh_offset,
                s->sh_size);
    }
}

/* Computes the address of every symbol of IMAGE, whose sections are
   placed: a defined symbol's place in memory, an absolute symbol's
   value, an undefined symbol's address in the export table.  A symbol
   of a section that is not loaded gets 0; relocating against one is
   refused later.  Returns false, having printed its name, if an
   undefined symbol is not exported. */
bool
module_elf_resolve (struct module_image *image)
{
  size_t i;

  image->values = calloc (image->symbol_cnt, sizeof *image->values);
  if (image->values == NULL)
    return ELF_REFUSE (image, "out of memory");
  for (i = 0; i < image->symbol_cnt; i++)
    {
      const struct elf32_symbol *sym = &image->symbols[i];
      const struct elf32_section *s = elf_symbol_section (image, i);
      const char *name = elf_symbol_name (image, i);
      const struct export *e;

      if (sym->st_shndx == ELF_SHN_ABS)
        image->values[i] = sym->st_value;
      else if (s != NULL)
        {
          if (elf_is_loaded (s))
            image->values[i] = (uint32_t) image->memory
                               + image->offsets[sym->st_shndx] + sym->st_value;
        }
      else if (*name != '\0')
        {
          e = export_find (name);
          if (e == NULL)
            return ELF_REFUSE (image, "undefined symbol '%s' (not "
                               "exported by the kernel)", name);
          image->values[i] = (uint32_t) e->address;
        }
    }
  return true;
}

/* Applies one relocation REL of section TARGET of IMAGE.  Returns
   false, having printed why, if it cannot be applied. */
static bool
elf_apply (struct module_image *image, size_t target,
           const struct elf32_rel *rel)
{
  const struct elf32_section *t = &image->sections[target];
  const struct elf32_section *s;
  size_t sym = ELF_REL_SYMBOL (rel->r_info);
  unsigned type = ELF_REL_TYPE (rel->r_info);
  uint8_t *place;
  uint32_t word;

  if (type == ELF_R_386_NONE)
    return true;
  if (type != ELF_R_386_32 && type != ELF_R_386_PC32)
    return ELF_REFUSE (image, "relocation type %u not supported", type);
  if (t->sh_size < sizeof word || rel->r_offset > t->sh_size - sizeof word)
    return ELF_REFUSE (image, "relocation outside section '%s'",
                       elf_section_name (image, target));
  if (sym >= image->symbol_cnt)
    return ELF_REFUSE (image, "relocation names symbol %zu of %zu",
                       sym, image->symbol_cnt);
  s = elf_symbol_section (image, sym);
  if (s != NULL && !elf_is_loaded (s))
    return ELF_REFUSE (image, "relocation against '%s', which is not "
                       "loaded", elf_symbol_name (image, sym));

  /* The addend is the word already in place; it may be unaligned. */
  place = image->memory + image->offsets[target] + rel->r_offset;
  memcpy (&word, place, sizeof word);
  word += image->values[sym];
  if (type == ELF_R_386_PC32)
    word -= (uint32_t) place;
  memcpy (place, &word, sizeof word);
  return true;
}

/* Applies the relocations of REL, section INDEX of IMAGE, if they are
   for a loaded section (those for debugging sections are not). */
static bool
elf_relocate_section (struct module_image *image, size_t index)
{
  const struct elf32_section *s = &image->sections[index];
  const struct elf32_rel *rels;
  size_t i;

  if (s->sh_info >= image->header->e_shnum)
    return ELF_REFUSE (image, "relocation section '%s': bad target",
                       elf_section_name (image, index));
  if (!elf_is_loaded (&image->sections[s->sh_info]))
    return true;
  if (s->sh_link != image->symtab_index
      || image->sections[s->sh_info].sh_type == ELF_SHT_NOBITS
      || s->sh_entsize != sizeof *rels
      || !elf_table_ok (image, s->sh_offset, s->sh_size, s->sh_entsize))
    return ELF_REFUSE (image, "malformed relocation section '%s'",
                       elf_section_name (image, index));

  rels = (const struct elf32_rel *) (image->data + s->sh_offset);
  for (i = 0; i < s->sh_size / sizeof *rels; i++)
    if (!elf_apply (image, s->sh_info, &rels[i]))
      return false;
  return true;
}

/* Applies every relocation of IMAGE, whose sections are placed and
   whose symbols are resolved.  Returns false, having printed why, on
   a relocation the kernel does not support or a malformed one. */
bool
module_elf_relocate (struct module_image *image)
{
  size_t i;

  for (i = 0; i < image->header->e_shnum; i++)
    {
      uint32_t type = image->sections[i].sh_type;
      if (type == ELF_SHT_RELA)
        return ELF_REFUSE (image, "RELA relocations not supported "
                           "(i386 objects use REL)");
      if (type == ELF_SHT_REL && !elf_relocate_section (image, i))
        return false;
    }
  return true;
}

/* Returns the address in memory of the global symbol NAME defined in
   a loaded section of IMAGE, storing in *ROOM how many bytes of its
   section follow it; returns a null pointer if there is none. */
void *
module_elf_find_global (const struct module_image *image, const char *name,
                        size_t *room)
{
  size_t i;

  for (i = 0; i < image->symbol_cnt; i++)
    {
      const struct elf32_symbol *sym = &image->symbols[i];
      const struct elf32_section *s = elf_symbol_section (image, i);
      if (ELF_SYMBOL_BIND (sym->st_info) != ELF_STB_GLOBAL || s == NULL
          || !elf_is_loaded (s) || strcmp (elf_symbol_name (image, i), name))
        continue;
      *room = s->sh_size - sym->st_value;
      return (void *) image->values[i];
    }
  return NULL;
}

/* Frees what the linker allocated for IMAGE (not its memory run, which
   belongs to the caller). */
void
module_elf_release (struct module_image *image)
{
  free (image->offsets);
  free (image->values);
  image->offsets = NULL;
  image->values = NULL;
}
