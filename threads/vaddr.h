/* Virtual addresses: page arithmetic and the kernel's direct map of
   physical memory at PHYS_BASE. */
#ifndef THREADS_VADDR_H
#define THREADS_VADDR_H

#include <stdbool.h>
#include <stdint.h>
#include <debug.h>
#include "threads/loader.h"

/* An address splits into a page number (high bits) and an offset
   inside the 4 KiB page (the low PGBITS bits, from bit PGSHIFT). */
#define PGBITS  12
#define PGSHIFT 0
#define PGSIZE  (1 << PGBITS)
#define PGMASK  ((uintptr_t) PGSIZE - 1)

/* Where VA lies inside its page, 0 to PGSIZE - 1. */
static inline unsigned
pg_ofs (const void *va)
{
  return (uintptr_t) va & PGMASK;
}

/* Which page VA lies in, counting pages from address 0. */
static inline uintptr_t
pg_no (const void *va)
{
  return (uintptr_t) va >> PGBITS;
}

/* The start of the page holding VA. */
static inline void *
pg_round_down (const void *va)
{
  uintptr_t a = (uintptr_t) va;
  return (void *) (a - (a & PGMASK));
}

/* VA itself if it starts a page, else the start of the page after. */
static inline void *
pg_round_up (const void *va)
{
  return pg_round_down ((const uint8_t *) va + PGMASK);
}

/* The kernel sees all of physical memory in one window: physical
   byte P is at virtual address PHYS_BASE + P.  The same boundary ends
   user space, which owns every address below it. */
#define PHYS_BASE ((void *) LOADER_PHYS_BASE)

/* True if VADDR belongs to user space. */
static inline bool
is_user_vaddr (const void *vaddr)
{
  return (uintptr_t) vaddr < LOADER_PHYS_BASE;
}

/* True if VADDR belongs to the kernel's half of every address
   space. */
static inline bool
is_kernel_vaddr (const void *vaddr)
{
  return !is_user_vaddr (vaddr);
}

/* The direct-map address of physical address PADDR, which must lie
   below the window's size. */
static inline void *
ptov (uintptr_t paddr)
{
  ASSERT (paddr < LOADER_PHYS_BASE);
  return (uint8_t *) PHYS_BASE + paddr;
}

/* The physical address behind direct-map address VADDR. */
static inline uintptr_t
vtop (const void *vaddr)
{
  ASSERT (!is_user_vaddr (vaddr));
  return (uintptr_t) vaddr - LOADER_PHYS_BASE;
}

#endif /* threads/vaddr.h */
