/* Loading ELF32 executables into a process's address space, and the
   parts of the format only executables have: program headers, which
   describe the segments to map (System V ABI, "Program Header").  The
   file header and the other shared numbers are in threads/elf.h. */
#ifndef USERPROG_ELF_H
#define USERPROG_ELF_H

#include <stdint.h>
#include "threads/elf.h"

/* Segment permission flags. */
#define PF_X 1                  /* Executable. */
#define PF_W 2                  /* Writable. */
#define PF_R 4                  /* Readable. */

struct file;
const char *elf_load (struct file *, void (**entry) (void));

#endif /* userprog/elf.h */
