/* PAE page-table entries.  A virtual address is split three ways:

    31 30 29            21 20            12 11                 0
   +-----+----------------+----------------+--------------------+
   |PDPT |   PD index     |   PT index     |    page offset     |
   +-----+----------------+----------------+--------------------+

   CR3 holds the physical address of a 32-byte page-directory-pointer
   table (PDPT) of four 64-bit entries, each naming a page directory of
   512 entries, each naming a page table of 512 entries.  Ringlet's
   kernel occupies PDPT slot 3 (0xc0000000 and up), shared by every
   address space; slots 0-2 are a process's own.  Nested page tables
   in the hypervisor use exactly this format. */
#ifndef THREADS_PTE_H
#define THREADS_PTE_H

#include <stdint.h>
#include "threads/vaddr.h"

#define PTSHIFT PGBITS                  /* First page-table index bit. */
#define PTBITS  9                       /* Number of page-table index bits. */
#define PTSPAN  (1ul << (PTBITS + PGBITS))  /* Bytes one page table covers. */
#define PDSHIFT (PTSHIFT + PTBITS)      /* First page-directory index bit. */
#define PDBITS  9                       /* Number of page-directory index bits. */
#define PDPTSHIFT (PDSHIFT + PDBITS)    /* First PDPT index bit (30). */
#define PDPT_CNT 4                      /* Entries in a PDPT. */
#define PD_CNT   512                    /* Entries in a page directory. */
#define PT_CNT   512                    /* Entries in a page table. */
#define LARGE_PGSIZE (1ul << PDSHIFT)   /* A 2 MiB page, mapped by a PDE. */

/* Indexes of virtual address VA at each level. */
static inline unsigned pdpt_no (const void *va) {
  return (uintptr_t) va >> PDPTSHIFT;
}
static inline unsigned pd_no (const void *va) {
  return ((uintptr_t) va >> PDSHIFT) & (PD_CNT - 1);
}
static inline unsigned pt_no (const void *va) {
  return ((uintptr_t) va >> PTSHIFT) & (PT_CNT - 1);
}

/* Entry bits (Intel SDM vol. 3 section 4.4; AMD APM vol. 2 section 5.3). */
#define PTE_P    0x001ull               /* Present. */
#define PTE_W    0x002ull               /* Writable (not in PDPT entries). */
#define PTE_U    0x004ull               /* User-accessible (not in PDPT entries). */
#define PTE_PWT  0x008ull               /* Write-through. */
#define PTE_PCD  0x010ull               /* Cache disabled. */
#define PTE_A    0x020ull               /* Accessed (set by the CPU). */
#define PTE_D    0x040ull               /* Dirty (set by the CPU, leaf only). */
#define PTE_PS   0x080ull               /* 2 MiB page (in a PDE). */
#define PTE_G    0x100ull               /* Global. */
#define PTE_AVL  0xe00ull               /* Bits free for the OS. */
#define PTE_NX   (1ull << 63)           /* No-execute (needs EFER.NXE). */
#define PTE_ADDR 0x000ffffffffff000ull  /* Physical frame address. */

/* Returns the physical address an entry points to. */
static inline uint64_t pte_addr (uint64_t pte) {
  return pte & PTE_ADDR;
}

/* Returns the kernel virtual address of the table or page that
   entry PTE points to (which must lie in the direct map). */
static inline void *pte_get_page (uint64_t pte) {
  return ptov ((uintptr_t) pte_addr (pte));
}

/* Returns an entry pointing to kernel page PAGE with FLAGS. */
static inline uint64_t pte_create (const void *page, uint64_t flags) {
  return (uint64_t) vtop (page) | flags;
}

#endif /* threads/pte.h */
