/* PAE page tables (see threads/pte.h for the format).

   Two kinds of table share this code:
   - a process table, from pagedir_create(): PDPT slots 0-2 are the
     process's own, slot 3 is the kernel's page directory, shared;
   - a nested table, from pagedir_create_nested(): all four slots are
     its own, for a guest's physical address space under the hv.

   Directories and page tables are allocated on demand from the kernel
   pool.  Intermediate entries carry P|W|U so that the leaf alone
   decides the access rights (nested walks are user accesses, so U is
   needed at every level there too); PDPT entries carry P only, since
   PAE reserves the other bits there. */

#include "threads/pagedir.h"
#include <string.h>
#include "threads/cpu.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

uint64_t kernel_pdpt[PDPT_CNT] __attribute__ ((aligned (32)));
uint64_t kernel_pd[PD_CNT] __attribute__ ((aligned (PGSIZE)));

/* Entry flags of directories and tables that point to a lower level. */
#define PDE_FLAGS (PTE_P | PTE_W | PTE_U)
#define PDPTE_FLAGS PTE_P

/* Removes the identity map of low memory that threads/start.S needed
   to turn paging on, leaving only the kernel's slot. */
void
pagedir_init (void)
{
  kernel_pdpt[0] = 0;
  pagedir_activate (NULL);
}

/* Returns true if PDPT shares the kernel's slot (a process table). */
static bool
is_process_table (const uint64_t *pdpt)
{
  return pdpt[PDPT_CNT - 1] == kernel_pdpt[PDPT_CNT - 1];
}

/* Returns a new, empty PDPT in its own zeroed page, or NULL if memory
   is short. */
static uint64_t *
new_pdpt (void)
{
  return palloc_get_page (PAL_ZERO);
}

/* Creates a process page table: no user mappings, the kernel mapped
   above PHYS_BASE.  Returns NULL if memory is short. */
uint64_t *
pagedir_create (void)
{
  uint64_t *pdpt = new_pdpt ();
  if (pdpt != NULL)
    pdpt[PDPT_CNT - 1] = kernel_pdpt[PDPT_CNT - 1];
  return pdpt;
}

/* Creates an empty nested page table, mapping nothing at all.
   Returns NULL if memory is short. */
uint64_t *
pagedir_create_nested (void)
{
  return new_pdpt ();
}

/* Frees page table PT and every page it maps. */
static void
destroy_pt (uint64_t *pt)
{
  for (unsigned i = 0; i < PT_CNT; i++)
    if (pt[i] & PTE_P)
      palloc_free_page (pte_get_page (pt[i]));
  palloc_free_page (pt);
}

/* Frees page directory PD, its tables and every page they map. */
static void
destroy_pd (uint64_t *pd)
{
  for (unsigned i = 0; i < PD_CNT; i++)
    if (pd[i] & PTE_P)
      destroy_pt (pte_get_page (pd[i]));
  palloc_free_page (pd);
}

/* Destroys PDPT: frees its own directories and tables and every page
   they map (never the kernel's slot).  PDPT must not be active. */
void
pagedir_destroy (uint64_t *pdpt)
{
  if (pdpt == NULL)
    return;
  ASSERT (pdpt != pagedir_active ());
  unsigned own_slots = is_process_table (pdpt) ? PDPT_CNT - 1 : PDPT_CNT;
  for (unsigned i = 0; i < own_slots; i++)
    if (pdpt[i] & PTE_P)
      destroy_pd (pte_get_page (pdpt[i]));
  palloc_free_page (pdpt);
}

/* Returns a zeroed kernel page for a directory or table, or NULL. */
static uint64_t *
new_table (void)
{
  return palloc_get_page (PAL_ZERO);
}

/* Returns the address of the leaf entry for VA in PDPT.  If the
   directory or table on the way is missing, creates it when CREATE
   is true and returns NULL otherwise (or when memory is short). */
static uint64_t *
lookup_pte (uint64_t *pdpt, const void *va, bool create)
{
  ASSERT (!is_process_table (pdpt) || is_user_vaddr (va));

  uint64_t *pdpte = &pdpt[pdpt_no (va)];
  if (!(*pdpte & PTE_P))
    {
      uint64_t *pd = create ? new_table () : NULL;
      if (pd == NULL)
        return NULL;
      *pdpte = pte_create (pd, PDPTE_FLAGS);
      /* The CPU caches the four PDPT entries when CR3 is loaded. */
      if (pdpt == pagedir_active ())
        pagedir_activate (pdpt);
    }

  uint64_t *pd = pte_get_page (*pdpte);
  uint64_t *pde = &pd[pd_no (va)];
  if (!(*pde & PTE_P))
    {
      uint64_t *pt = create ? new_table () : NULL;
      if (pt == NULL)
        return NULL;
      *pde = pte_create (pt, PDE_FLAGS);
    }
  ASSERT (!(*pde & PTE_PS));

  uint64_t *pt = pte_get_page (*pde);
  return &pt[pt_no (va)];
}

/* Drops any TLB entry for UPAGE if PDPT is the active table. */
static void
flush_if_active (uint64_t *pdpt, const void *upage)
{
  if (pdpt == pagedir_active ())
    invlpg (upage);
}

/* Maps page UPAGE in PDPT to kernel page KPAGE (which must come from
   the direct map, e.g. palloc), read-only or WRITABLE.  UPAGE must
   not be mapped already.  Returns false if memory for a table is
   short. */
bool
pagedir_set_page (uint64_t *pdpt, void *upage, void *kpage, bool writable)
{
  ASSERT (pg_ofs (upage) == 0);
  ASSERT (pg_ofs (kpage) == 0);
  ASSERT (is_kernel_vaddr (kpage));

  uint64_t *pte = lookup_pte (pdpt, upage, true);
  if (pte == NULL)
    return false;
  ASSERT (!(*pte & PTE_P));
  *pte = pte_create (kpage, PTE_P | PTE_U | (writable ? PTE_W : 0));
  return true;
}

/* Returns the kernel address of the byte that UADDR maps to in PDPT,
   or NULL if it is not mapped (or, in a process table, is not a user
   address). */
void *
pagedir_get_page (uint64_t *pdpt, const void *uaddr)
{
  if (is_process_table (pdpt) && !is_user_vaddr (uaddr))
    return NULL;
  uint64_t *pte = lookup_pte (pdpt, uaddr, false);
  if (pte == NULL || !(*pte & PTE_P))
    return NULL;
  return (uint8_t *) pte_get_page (*pte) + pg_ofs (uaddr);
}

/* Unmaps UPAGE in PDPT, if mapped; the page itself is not freed.
   Later accesses fault. */
void
pagedir_clear_page (uint64_t *pdpt, void *upage)
{
  ASSERT (pg_ofs (upage) == 0);
  uint64_t *pte = lookup_pte (pdpt, upage, false);
  if (pte != NULL && (*pte & PTE_P))
    {
      *pte &= ~PTE_P;
      flush_if_active (pdpt, upage);
    }
}

/* Returns true if leaf entry bit BIT is set for UPAGE in PDPT. */
static bool
test_bit (uint64_t *pdpt, const void *upage, uint64_t bit)
{
  uint64_t *pte = lookup_pte (pdpt, upage, false);
  return pte != NULL && (*pte & bit) != 0;
}

/* Sets or clears leaf entry bit BIT for UPAGE in PDPT, if it has an
   entry. */
static void
set_bit (uint64_t *pdpt, const void *upage, uint64_t bit, bool value)
{
  uint64_t *pte = lookup_pte (pdpt, upage, false);
  if (pte == NULL)
    return;
  if (value)
    *pte |= bit;
  else
    {
      *pte &= ~bit;
      flush_if_active (pdpt, upage);
    }
}

/* Returns true if UPAGE was written since its dirty bit was cleared. */
bool
pagedir_is_dirty (uint64_t *pdpt, const void *upage)
{
  return test_bit (pdpt, upage, PTE_D);
}

/* Sets the dirty bit of UPAGE to DIRTY. */
void
pagedir_set_dirty (uint64_t *pdpt, const void *upage, bool dirty)
{
  set_bit (pdpt, upage, PTE_D, dirty);
}

/* Returns true if UPAGE was touched since its accessed bit was cleared. */
bool
pagedir_is_accessed (uint64_t *pdpt, const void *upage)
{
  return test_bit (pdpt, upage, PTE_A);
}

/* Sets the accessed bit of UPAGE to ACCESSED. */
void
pagedir_set_accessed (uint64_t *pdpt, const void *upage, bool accessed)
{
  set_bit (pdpt, upage, PTE_A, accessed);
}

/* Loads PDPT into CR3 (the kernel's table if PDPT is NULL), which
   also flushes the TLB. */
void
pagedir_activate (uint64_t *pdpt)
{
  if (pdpt == NULL)
    pdpt = kernel_pdpt;
  lcr3 (vtop (pdpt));
}

/* Returns the table now in CR3. */
uint64_t *
pagedir_active (void)
{
  return ptov (rcr3 () & ~0x1fu);
}

/* Flags of a device window: a 2 MiB kernel page, writable, uncached
   (memory-mapped registers must see every access). */
#define DEVICE_WINDOW_FLAGS (PTE_P | PTE_W | PTE_PS | PTE_PWT | PTE_PCD)

/* Maps the 2 MiB-aligned stretch of physical address space holding
   PADDR (a device's registers, such as the I/O APIC's) into the
   kernel's address space, uncached, and returns the kernel address of
   PADDR, or NULL if no window is free.  Windows take the kernel page
   directory's slots from the top down, far above the RAM that
   threads/start.S maps from the bottom up. */
void *
pagedir_map_device (uintptr_t paddr)
{
  uintptr_t base = paddr & ~(LARGE_PGSIZE - 1);
  for (unsigned slot = PD_CNT - 1; slot > 0; slot--)
    if (!(kernel_pd[slot] & PTE_P))
      {
        uint8_t *window = (uint8_t *) PHYS_BASE + slot * LARGE_PGSIZE;
        kernel_pd[slot] = base | DEVICE_WINDOW_FLAGS;
        invlpg (window);
        return window + (paddr - base);
      }
  return NULL;
}

/* Removes the device window holding VA, made by pagedir_map_device(). */
void
pagedir_unmap_device (void *va)
{
  unsigned slot = pd_no (va);
  ASSERT (pdpt_no (va) == PDPT_CNT - 1);
  ASSERT ((kernel_pd[slot] & (PTE_P | PTE_PS)) == (PTE_P | PTE_PS));
  kernel_pd[slot] = 0;
  invlpg (pg_round_down (va));
}
