/* PAE page tables: the kernel's own, each process's, and the nested
   page tables of hypervisor guests, which use the very same format.
   A table is named by its page-directory-pointer table (PDPT). */
#ifndef THREADS_PAGEDIR_H
#define THREADS_PAGEDIR_H

#include <stdbool.h>
#include <stdint.h>
#include "threads/pte.h"

/* The kernel's tables, built by threads/start.S: slot 3 of
   KERNEL_PDPT holds KERNEL_PD, which maps physical memory at PHYS_BASE
   with 2 MiB pages.  Every process table shares that slot. */
extern uint64_t kernel_pdpt[PDPT_CNT];
extern uint64_t kernel_pd[PD_CNT];

void pagedir_init (void);

uint64_t *pagedir_create (void);
uint64_t *pagedir_create_nested (void);
void pagedir_destroy (uint64_t *pdpt);

bool pagedir_set_page (uint64_t *pdpt, void *upage, void *kpage, bool writable);
void *pagedir_get_page (uint64_t *pdpt, const void *uaddr);
void pagedir_clear_page (uint64_t *pdpt, void *upage);
bool pagedir_is_dirty (uint64_t *pdpt, const void *upage);
void pagedir_set_dirty (uint64_t *pdpt, const void *upage, bool dirty);
bool pagedir_is_accessed (uint64_t *pdpt, const void *upage);
void pagedir_set_accessed (uint64_t *pdpt, const void *upage, bool accessed);

void *pagedir_map_device (uintptr_t paddr);
void pagedir_unmap_device (void *va);

void pagedir_activate (uint64_t *pdpt);
uint64_t *pagedir_active (void);

#endif /* threads/pagedir.h */
