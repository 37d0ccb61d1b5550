/* The ELF32 loader: checks an executable's headers and maps its
   loadable segments into a process's address space, a page at a
   time through the pager (userprog/pager.h).  Everything in the
   file is untrusted: a header or segment that is malformed, overlaps
   another (shares a byte with it; sharing a page is fine), maps page
   0 or reaches kernel space makes the load fail with a message saying
   why, never a kernel panic.  Formats follow the System V ABI ("ELF
   Header", "Program Header") and its Intel386 supplement. */

#include "userprog/elf.h"
#include <round.h>
#include <stdbool.h>
#include <string.h>
#include "filesys/file.h"
#include "threads/elf.h"
#include "threads/malloc.h"
#include "threads/vaddr.h"
#include "userprog/pager.h"

/* Most program headers an executable may have. */
#define ELF_PHNUM_MAX 128

/* Reads SIZE bytes at offset OFS of FILE into BUF.  Returns NULL if
   all of them were read, else why not: PAST_END if the file ends
   first, "out of memory" if the file system had no memory to read
   them (it needs a buffer for a partial sector). */
static const char *
elf_read (struct file *file, void *buf, off_t size, uint32_t ofs,
          const char *past_end)
{
  if ((uint64_t) ofs + size > (uint64_t) file_length (file))
    return past_end;
  return file_read_at (file, buf, size, ofs) == size ? NULL : "out of memory";
}

/* Reads FILE's header into EHDR and checks that it describes an
   i386 executable.  Returns NULL if so, else why not. */
static const char *
elf_read_header (struct file *file, struct elf32_header *ehdr)
{
  const char *error = elf_read (file, ehdr, sizeof *ehdr, 0, "not an ELF file");
  if (error != NULL)
    return error;
  if (memcmp (ehdr->e_ident, ELF_MAGIC, ELF_MAGIC_SIZE))
    return "not an ELF file";
  if (ehdr->e_ident[ELF_IDENT_CLASS] != ELF_CLASS_32
      || ehdr->e_ident[ELF_IDENT_DATA] != ELF_DATA_LSB
      || ehdr->e_ident[ELF_IDENT_VERSION] != ELF_VERSION_CURRENT
      || ehdr->e_version != ELF_VERSION_CURRENT
      || ehdr->e_machine != ELF_MACHINE_386)
    return "not a 32-bit little-endian i386 ELF file";
  if (ehdr->e_type != ELF_TYPE_EXEC)
    return "not an executable (ELF type is not EXEC)";
  if (ehdr->e_phentsize != sizeof (struct elf32_segment)
      || ehdr->e_phnum > ELF_PHNUM_MAX)
    return "bad program header table size";
  if (!is_user_vaddr ((void *) ehdr->e_entry))
    return "entry point in kernel space";
  return NULL;
}

/* Reads the program header table of FILE, whose header is EHDR, into
   a new array for the caller to free, and stores it in *PHDRS.
   Returns NULL on success, else why not. */
static const char *
elf_read_phdrs (struct file *file, const struct elf32_header *ehdr,
                struct elf32_segment **phdrs)
{
  size_t size = ehdr->e_phnum * sizeof **phdrs;

  *phdrs = malloc (size > 0 ? size : 1);
  if (*phdrs == NULL)
    return "out of memory";
  return elf_read (file, *phdrs, size, ehdr->e_phoff,
                   "program header table beyond end of file");
}

/* Returns true if PHDR describes a segment to map: loadable and not
   empty. */
static bool
elf_is_loaded (const struct elf32_segment *phdr)
{
  return phdr->p_type == PT_LOAD && phdr->p_memsz > 0;
}

/* Checks program header PHDR of a file of FILE_LEN bytes.  Returns
   NULL if it is one we can run: a loadable segment that lies within
   the file and within user space above page 0, or a header that
   needs nothing done.  Else returns why not. */
static const char *
elf_check_phdr (const struct elf32_segment *phdr, off_t file_len)
{
  if (phdr->p_type == PT_DYNAMIC || phdr->p_type == PT_INTERP
      || phdr->p_type == PT_SHLIB)
    return "dynamically linked (only static executables run)";
  if (!elf_is_loaded (phdr))
    return NULL;                /* Notes, stack flags, empty segments. */

  uint64_t mem_end = (uint64_t) phdr->p_vaddr + phdr->p_memsz;
  uint64_t file_end = (uint64_t) phdr->p_offset + phdr->p_filesz;
  if (phdr->p_offset % PGSIZE != phdr->p_vaddr % PGSIZE)
    return "segment's file offset and address differ within a page";
  if (file_end > (uint64_t) file_len)
    return "segment beyond end of file";
  if (phdr->p_memsz < phdr->p_filesz)
    return "segment smaller in memory than in the file";
  if (phdr->p_vaddr < PGSIZE)
    return "segment maps page 0";
  if (mem_end > (uint64_t) (uintptr_t) PHYS_BASE)
    return "segment reaches kernel space";
  return NULL;
}

/* Returns true if loadable segments A and B share a byte. */
static bool
elf_overlap (const struct elf32_segment *a, const struct elf32_segment *b)
{
  return (a->p_vaddr < b->p_vaddr + b->p_memsz
          && b->p_vaddr < a->p_vaddr + a->p_memsz);
}

/* Checks the CNT program headers PHDRS of a file of FILE_LEN bytes,
   each on its own and loaded segments pairwise.  Returns NULL if all
   is well, else what is wrong. */
static const char *
elf_check_phdrs (const struct elf32_segment *phdrs, unsigned cnt,
                 off_t file_len)
{
  for (unsigned i = 0; i < cnt; i++)
    {
      const char *error = elf_check_phdr (&phdrs[i], file_len);
      if (error != NULL)
        return error;
      for (unsigned j = 0; j < i; j++)
        if (elf_is_loaded (&phdrs[i]) && elf_is_loaded (&phdrs[j])
            && elf_overlap (&phdrs[i], &phdrs[j]))
          return "segments overlap";
    }
  return NULL;
}

/* Maps checked segment PHDR of FILE into the running process's
   address space, page by page, through the pager: each page gets the
   part of the segment's file bytes that falls in it, and zeros for
   the rest (no other segment shares its bytes).  Returns NULL on
   success, else why not. */
static const char *
elf_load_segment (struct file *file, const struct elf32_segment *phdr)
{
  uintptr_t start = phdr->p_vaddr;
  uintptr_t file_end = start + phdr->p_filesz;
  uintptr_t end = start + phdr->p_memsz;
  const char *error = NULL;

  for (uintptr_t page = ROUND_DOWN (start, PGSIZE);
       error == NULL && page < end; page += PGSIZE)
    {
      /* The part of the file's bytes that falls in this page. */
      uintptr_t lo = start > page ? start : page;
      uintptr_t hi = file_end < page + PGSIZE ? file_end : page + PGSIZE;
      struct pager_page p =
        {
          .upage = (void *) page,
          .writable = (phdr->p_flags & PF_W) != 0,
          .file = lo < hi ? file : NULL,
          .ofs = phdr->p_offset + (lo - start),
          .page_ofs = lo - page,
          .read_bytes = lo < hi ? hi - lo : 0,
        };
      error = pager_map (&p);
    }
  return error;
}

/* Loads executable FILE into the (empty) user part of the running
   process's address space and sets *ENTRY to its entry point.  FILE
   must stay open while the process lives.  Returns NULL on success,
   else a short description of what is wrong with the file; pages
   mapped before the failure stay, for the process's exit to free. */
const char *
elf_load (struct file *file, void (**entry) (void))
{
  struct elf32_header ehdr;
  struct elf32_segment *phdrs = NULL;

  const char *error = elf_read_header (file, &ehdr);
  if (error == NULL)
    error = elf_read_phdrs (file, &ehdr, &phdrs);
  if (error == NULL)
    error = elf_check_phdrs (phdrs, ehdr.e_phnum, file_length (file));
  for (unsigned i = 0; error == NULL && i < ehdr.e_phnum; i++)
    if (elf_is_loaded (&phdrs[i]))
      error = elf_load_segment (file, &phdrs[i]);
  free (phdrs);

  if (error == NULL)
    *entry = (void (*) (void)) ehdr.e_entry;
  return error;
}
