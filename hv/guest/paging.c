/* A tiny page-table builder for guests that run with paging on, in
   either 32-bit format: 2-level (4 KiB pages through a page directory)
   or PAE (a 4-entry PDPT, directories and tables of 64-bit entries).
   The hv's nested tables sit under whichever the guest picks, so
   every access then takes a two-dimensional walk.  Tables come from a
   small pool in the guest's own memory; there is no unmapping. */

#include <string.h>
#include "hv/guest/guest.h"

#define PAGE_SIZE 4096
#define POOL_PAGES 12                   /* Tables available. */

/* Entry bits, the same in both formats. */
#define PTE_P 0x1u                      /* Present. */
#define PTE_W 0x2u                      /* Writable. */
#define PTE_U 0x4u                      /* Reachable from ring 3. */

static uint8_t pool[POOL_PAGES][PAGE_SIZE] __attribute__ ((aligned (PAGE_SIZE)));
static unsigned pool_used;
static enum paging_mode mode;
static void *root;                      /* Page directory or PDPT. */

/* Returns a zeroed page from the pool; fails the test if none is left. */
static void *
table_alloc (void)
{
  if (pool_used == POOL_PAGES)
    fail ("paging: out of page-table pages");
  void *page = pool[pool_used++];
  memset (page, 0, PAGE_SIZE);
  return page;
}

/* Starts a new, empty set of tables in format M.  Paging must be off. */
void
paging_init (enum paging_mode m)
{
  pool_used = 0;
  mode = m;
  root = table_alloc ();
}

/* Returns the table that 32-bit entry E points to, creating it if E
   is empty.  Directory entries allow writes and ring 3: the last
   level alone decides what a page allows. */
static void *
next_table32 (uint32_t *e)
{
  if (!(*e & PTE_P))
    *e = (uint32_t) table_alloc () | PTE_P | PTE_W | PTE_U;
  return (void *) (*e & ~(PAGE_SIZE - 1));
}

/* Returns the table that 64-bit (PAE) entry E points to, creating it
   with entry flags FLAGS if E is empty. */
static void *
next_table64 (uint64_t *e, uint32_t flags)
{
  if (!(*e & PTE_P))
    *e = (uint32_t) table_alloc () | flags;
  return (void *) ((uint32_t) *e & ~(PAGE_SIZE - 1));
}

/* Maps virtual page VA to physical page PA with last-level entry bits
   FLAGS (PTE_P and any of PTE_W, PTE_U). */
static void
paging_map_flags (uint32_t va, uint32_t pa, uint32_t flags)
{
  if (mode == PAGING_LEGACY)
    {
      uint32_t *pt = next_table32 ((uint32_t *) root + (va >> 22));
      pt[(va >> 12) & 0x3ff] = (pa & ~(PAGE_SIZE - 1)) | flags;
    }
  else
    {
      /* PDPT entries have only P: PAE reserves the other bits there. */
      uint64_t *pd = next_table64 ((uint64_t *) root + (va >> 30), PTE_P);
      uint64_t *pt = next_table64 (pd + ((va >> 21) & 0x1ff),
                                   PTE_P | PTE_W | PTE_U);
      pt[(va >> 12) & 0x1ff] = (pa & ~(PAGE_SIZE - 1)) | flags;
    }
}

/* Maps virtual page VA to physical page PA for ring 0 only, WRITABLE
   or not. */
void
paging_map (uint32_t va, uint32_t pa, bool writable)
{
  paging_map_flags (va, pa, PTE_P | (writable ? PTE_W : 0));
}

/* Maps virtual page VA to physical page PA for ring 3 as well as
   ring 0, WRITABLE or not.  Mapping a page again replaces its entry,
   so a program may identity map all its memory for ring 0 first and
   then open its user sections to ring 3. */
void
paging_map_user (uint32_t va, uint32_t pa, bool writable)
{
  paging_map_flags (va, pa, PTE_P | PTE_U | (writable ? PTE_W : 0));
}

/* Maps [START, END) to itself, writable, for ring 0 only. */
void
paging_identity_map (uint32_t start, uint32_t end)
{
  for (uint32_t a = start & ~(PAGE_SIZE - 1); a < end; a += PAGE_SIZE)
    paging_map (a, a, true);
}

/* Turns paging on with the tables built so far. */
void
paging_enable (void)
{
  lcr3 ((uintptr_t) root);
  lcr4 (mode == PAGING_PAE ? rcr4 () | CR4_PAE : rcr4 () & ~CR4_PAE);
  lcr0 (rcr0 () | CR0_PG);
}

/* Turns paging off again.  The code running must be identity mapped. */
void
paging_disable (void)
{
  lcr0 (rcr0 () & ~CR0_PG);
}
