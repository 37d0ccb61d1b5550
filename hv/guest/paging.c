/* A tiny page-table builder for guests that run with paging on, in
   either 32-bit format: 2-level (4 KiB pages through a page directory)
   or PAE (a 4-entry PDPT, directories and tables of 64-bit entries).
   The hv's nested tables sit under whichever the guest picks, so
   every access then takes a two-dimensional walk.  Tables come from a
   small pool in the guest's own memory.

   A program that wants processes makes more address spaces: each new
   one shares the first space's tables (its "kernel") and gets its own
   tables for the top-level slots the first space left empty; pages
   there can be unmapped, and the space freed. */

#include <string.h>
#include "hv/guest/guest.h"

#define PAGE_SIZE 4096
#define POOL_PAGES 12                   /* Tables available at once. */

/* Entry bits, the same in both formats. */
#define PTE_P 0x1u                      /* Present. */
#define PTE_W 0x2u                      /* Writable. */
#define PTE_U 0x4u                      /* Reachable from ring 3. */

/* Top-level entries: a page directory has 1,024, a PDPT 4. */
#define TOP_ENTRIES_LEGACY 1024
#define TOP_ENTRIES_PAE 4
#define PAE_ENTRIES 512                 /* In a PAE directory or table. */

static uint8_t pool[POOL_PAGES][PAGE_SIZE] __attribute__ ((aligned (PAGE_SIZE)));
static unsigned pool_used;              /* Pages never handed out start here. */
static void *pool_free;                 /* Freed pages, linked by first word. */
static enum paging_mode mode;
static void *root;                      /* Root (directory or PDPT) edited. */
static void *first_root;                /* The first space's root. */
static void *loaded_root;               /* Root in CR3 with paging on, or NULL. */

/* Returns a zeroed page from the pool; fails the test if none is left. */
static void *
table_alloc (void)
{
  void *page;
  if (pool_free != NULL)
    {
      page = pool_free;
      pool_free = *(void **) page;
    }
  else if (pool_used < POOL_PAGES)
    page = pool[pool_used++];
  else
    fail ("paging: out of page-table pages");
  memset (page, 0, PAGE_SIZE);
  return page;
}

/* Gives the table at address FRAME (a page-aligned entry's address
   part) back to the pool. */
static void
table_free (uint32_t frame)
{
  void *page = (void *) (frame & ~(PAGE_SIZE - 1));
  *(void **) page = pool_free;
  pool_free = page;
}

/* Starts a new, empty set of tables in format M, the first space.
   Paging must be off. */
void
paging_init (enum paging_mode m)
{
  pool_used = 0;
  pool_free = NULL;
  loaded_root = NULL;
  mode = m;
  root = first_root = table_alloc ();
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

/* Index of VA's top-level entry in the current format. */
static unsigned
top_index (uint32_t va)
{
  return mode == PAGING_LEGACY ? va >> 22 : va >> 30;
}

/* Returns the top-level entry of space ROOT_ at index I, whatever the
   format (a PAE entry's high half is always zero here). */
static uint32_t
top_entry (void *root_, unsigned i)
{
  return mode == PAGING_LEGACY ? ((uint32_t *) root_)[i]
                               : (uint32_t) ((uint64_t *) root_)[i];
}

/* Fails the test if VA lies in a table a later space shares with the
   first one: mapping there would change every space. */
static void
check_not_shared (uint32_t va)
{
  unsigned i = top_index (va);
  if (root != first_root && (top_entry (first_root, i) & PTE_P))
    fail ("paging: %#x lies in the first space's shared tables",
          (unsigned) va);
}

/* Returns the address of VA's last-level entry in the space being
   edited, creating the tables on the way.  The entry is 32 bits wide
   in 2-level format, 64 in PAE (the high half stays zero). */
static uint32_t *
leaf_entry (uint32_t va)
{
  check_not_shared (va);
  if (mode == PAGING_LEGACY)
    {
      uint32_t *pt = next_table32 ((uint32_t *) root + (va >> 22));
      return pt + ((va >> 12) & 0x3ff);
    }
  /* PDPT entries have only P: PAE reserves the other bits there. */
  uint64_t *pd = next_table64 ((uint64_t *) root + (va >> 30), PTE_P);
  uint64_t *pt = next_table64 (pd + ((va >> 21) & 0x1ff),
                               PTE_P | PTE_W | PTE_U);
  return (uint32_t *) (pt + ((va >> 12) & 0x1ff));
}

/* Maps virtual page VA to physical page PA with last-level entry bits
   FLAGS (PTE_P and any of PTE_W, PTE_U). */
static void
paging_map_flags (uint32_t va, uint32_t pa, uint32_t flags)
{
  *leaf_entry (va) = (pa & ~(PAGE_SIZE - 1)) | flags;
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

/* Unmaps virtual page VA in the space being edited (tables stay) and,
   if that space is the one in use, drops VA's TLB entry with INVLPG. */
void
paging_unmap (uint32_t va)
{
  *leaf_entry (va) = 0;
  if (root == loaded_root)
    invlpg ((const void *) va);
}

/* Turns paging on with the tables built so far in the space being
   edited. */
void
paging_enable (void)
{
  lcr3 ((uintptr_t) root);
  lcr4 (mode == PAGING_PAE ? rcr4 () | CR4_PAE : rcr4 () & ~CR4_PAE);
  lcr0 (rcr0 () | CR0_PG);
  loaded_root = root;
}

/* Turns paging off again.  The code running must be identity mapped. */
void
paging_disable (void)
{
  lcr0 (rcr0 () & ~CR0_PG);
  loaded_root = NULL;
}

/* Makes a new address space in the current format and returns its
   root (the value for CR3); later paging_map* and paging_unmap calls
   edit it.  It shares the first space's tables (copies of its
   top-level entries as they are now), so it may map only in the
   top-level slots the first space left empty: 4 MiB each in 2-level
   format, 1 GiB in PAE. */
uint32_t
paging_space_new (void)
{
  root = table_alloc ();
  unsigned n = mode == PAGING_LEGACY ? TOP_ENTRIES_LEGACY : TOP_ENTRIES_PAE;
  memcpy (root, first_root, n * (mode == PAGING_LEGACY ? 4 : 8));
  return (uint32_t) root;
}

/* Returns the first space's root, the one paging_init made. */
uint32_t
paging_space_first (void)
{
  return (uint32_t) first_root;
}

/* Makes SPACE (a root returned by paging_space_new or
   paging_space_first) the space edited and, if paging is on, the one
   in use: loads it into CR3, which flushes the TLB. */
void
paging_space_switch (uint32_t space)
{
  root = (void *) space;
  if (loaded_root != NULL)
    {
      lcr3 (space);
      loaded_root = root;
    }
}

/* Gives back to the pool SPACE, made by paging_space_new, and the
   tables it does not share with the first space.  SPACE must not be
   in use; the first space becomes the one edited. */
void
paging_space_free (uint32_t space)
{
  void *old = (void *) space;
  ASSERT (old != first_root && old != loaded_root);
  unsigned n = mode == PAGING_LEGACY ? TOP_ENTRIES_LEGACY : TOP_ENTRIES_PAE;
  for (unsigned i = 0; i < n; i++)
    {
      uint32_t e = top_entry (old, i);
      if (!(e & PTE_P) || e == top_entry (first_root, i))
        continue;
      if (mode == PAGING_PAE)
        {
          uint64_t *pd = (uint64_t *) (e & ~(PAGE_SIZE - 1));
          for (unsigned j = 0; j < PAE_ENTRIES; j++)
            if (pd[j] & PTE_P)
              table_free ((uint32_t) pd[j]);
        }
      table_free (e);
    }
  table_free (space);
  root = first_root;
}
