/* Page allocator: hands out runs of 4 KiB pages of physical memory,
   seen through the kernel's direct map, from two pools.

   All RAM from 1 MiB to the top of memory is split in two: the
   kernel pool, for the kernel's own data (thread pages, page tables,
   the heap), and the user pool, for the pages of user processes and
   guests.  Keeping them apart means a process that eats all of user
   memory cannot starve the kernel.  The "-ul=N" option caps the user
   pool at N pages; the rest goes to the kernel.

   Each pool keeps a bitmap with one bit per page (set = in use),
   stored in the pool's own first pages.  Allocation is first fit over
   the bitmap.

   Synchronization: the scheduler frees a dead thread's page with
   interrupts off, so freeing must never sleep.  Every change to a
   bitmap is therefore made with interrupts off (on one CPU that makes
   it atomic), and freeing takes no lock.  Allocators also hold their
   pool's lock while they search, so that the run one of them finds
   stays free until it is marked: meanwhile frees only clear bits. */

#include "threads/palloc.h"
#include <string.h>
#include <stdint.h>
#include <round.h>
#include <debug.h>
#include <bitmap.h>
#include "threads/init.h"
#include "threads/interrupt.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

/* Physical address where the pools begin.  Everything below is the
   real-mode world: the BIOS data, the boot sector, the kernel image,
   the initial thread's page, video memory and the BIOS ROM. */
#define PALLOC_FIRST_PADDR 0x100000

/* Byte written over freed pages in debug builds, so that code still
   using a page it freed reads values that stand out. */
#define PALLOC_POISON 0xcc

/* One pool of pages. */
struct palloc_pool
  {
    uint8_t *base;              /* Kernel address of the first page. */
    size_t page_cnt;            /* Pages handed out from BASE on. */
    struct bitmap *in_use;      /* Bit I set: page I is taken. */
    struct lock search_lock;    /* Held by allocators while searching. */
  };

static struct palloc_pool palloc_kernel_pool;
static struct palloc_pool palloc_user_pool;

static void palloc_pool_init (struct palloc_pool *, uint8_t *start,
                              size_t page_cnt);
static void *palloc_pool_take (struct palloc_pool *, size_t page_cnt);
static bool palloc_pool_owns (const struct palloc_pool *, const void *page);
static struct palloc_pool *palloc_pool_of (const void *page);
static size_t palloc_pool_free_count (struct palloc_pool *);

/* Splits physical memory from 1 MiB to the end of RAM between the
   kernel and user pools, half each, except that the user pool gets
   at most USER_PAGE_LIMIT pages (SIZE_MAX: no limit).  Called once
   during boot, after thread_init () (the pools' locks need a current
   thread) and before anything allocates pages.  Prints nothing. */
void
palloc_init (size_t user_page_limit)
{
  uint8_t *free_start = ptov (PALLOC_FIRST_PADDR);
  size_t first_page = PALLOC_FIRST_PADDR / PGSIZE;
  size_t half, user_share, kernel_share;

  ASSERT (init_ram_pages > first_page);
  half = (init_ram_pages - first_page) / 2;
  user_share = half < user_page_limit ? half : user_page_limit;
  kernel_share = init_ram_pages - first_page - user_share;

  palloc_pool_init (&palloc_kernel_pool, free_start, kernel_share);
  palloc_pool_init (&palloc_user_pool, free_start + kernel_share * PGSIZE,
                    user_share);
}

/* Obtains PAGE_CNT contiguous free pages and returns the kernel
   virtual address of the first, or a null pointer if no run that
   long is free (or PAGE_CNT is 0).  FLAGS: PAL_USER takes the pages
   from the user pool, otherwise the kernel pool; PAL_ZERO fills them
   with zeros; PAL_ASSERT panics instead of returning a null pointer.
   May sleep (on the pool's lock), so not from an interrupt handler. */
void *
palloc_get_multiple (enum palloc_flags flags, size_t page_cnt)
{
  struct palloc_pool *pool = (flags & PAL_USER) ? &palloc_user_pool
                                                : &palloc_kernel_pool;
  void *pages;

  if (page_cnt == 0)
    return NULL;
  pages = palloc_pool_take (pool, page_cnt);
  if (pages == NULL)
    {
      if (flags & PAL_ASSERT)
        PANIC ("palloc_get: out of pages");
      return NULL;
    }
  if (flags & PAL_ZERO)
    memset (pages, 0, page_cnt * PGSIZE);
  return pages;
}

/* Shorthand for a single page: palloc_get_multiple (HOW, 1). */
void *
palloc_get_page (enum palloc_flags how)
{
  return palloc_get_multiple (how, 1);
}

/* Frees the PAGE_CNT pages starting at PAGES, which must have been
   obtained together from palloc_get_multiple () (or be pages of
   such a run) and still be in use.  A null PAGES does nothing.  In
   debug builds the pages are filled with PALLOC_POISON first.  Does
   not sleep: callable with interrupts off, as the scheduler does. */
void
palloc_free_multiple (void *pages, size_t page_cnt)
{
  struct palloc_pool *pool;
  enum intr_level old_level;
  size_t first;

  if (pages == NULL || page_cnt == 0)
    return;
  ASSERT (pg_ofs (pages) == 0);
  pool = palloc_pool_of (pages);
  first = pg_no (pages) - pg_no (pool->base);
  ASSERT (first + page_cnt <= pool->page_cnt);

#ifndef NDEBUG
  memset (pages, PALLOC_POISON, page_cnt * PGSIZE);
#endif

  old_level = intr_disable ();
  ASSERT (bitmap_all (pool->in_use, first, page_cnt));
  bitmap_set_multiple (pool->in_use, first, page_cnt, false);
  intr_set_level (old_level);
}

/* Shorthand for a single page: palloc_free_multiple (KPAGE, 1). */
void
palloc_free_page (void *kpage)
{
  palloc_free_multiple (kpage, 1);
}

/* Returns the number of free pages in the kernel and user pools
   together.  Leak tests compare it before and after their work.
   Does not sleep. */
size_t
palloc_free_count (void)
{
  return (palloc_pool_free_count (&palloc_kernel_pool)
          + palloc_pool_free_count (&palloc_user_pool));
}

/* Sets up POOL to manage the PAGE_CNT pages starting
   at kernel address START.  The pool's bitmap takes the first of
   those pages; the pool hands out the rest.  A pool too small to
   hold its bitmap and one page more (as "-ul=0" makes the user pool)
   is left empty, with no bitmap.  Boot time only. */
static void
palloc_pool_init (struct palloc_pool *pool, uint8_t *start, size_t page_cnt)
{
  size_t map_pages = DIV_ROUND_UP (bitmap_buf_size (page_cnt), PGSIZE);

  lock_init (&pool->search_lock);
  if (page_cnt <= map_pages)
    {
      pool->in_use = NULL;
      pool->base = start;
      pool->page_cnt = 0;
      return;
    }
  page_cnt -= map_pages;
  pool->in_use = bitmap_create_in_buf (page_cnt, start,
                                         map_pages * PGSIZE);
  pool->base = start + map_pages * PGSIZE;
  pool->page_cnt = page_cnt;
}

/* Marks the first run of PAGE_CNT free pages in POOL as in use and
   returns its first page, or a null pointer if there is no such run.
   May sleep. */
static void *
palloc_pool_take (struct palloc_pool *pool, size_t page_cnt)
{
  enum intr_level old_level;
  size_t first;

  if (pool->in_use == NULL)
    return NULL;
  lock_acquire (&pool->search_lock);
  first = bitmap_scan (pool->in_use, 0, page_cnt, false);
  if (first != BITMAP_ERROR)
    {
      old_level = intr_disable ();
      bitmap_set_multiple (pool->in_use, first, page_cnt, true);
      intr_set_level (old_level);
    }
  lock_release (&pool->search_lock);

  if (first == BITMAP_ERROR)
    return NULL;
  return pool->base + first * PGSIZE;
}

/* Returns true if PAGE is one of the pages POOL hands out. */
static bool
palloc_pool_owns (const struct palloc_pool *pool, const void *page)
{
  const uint8_t *p = page;
  return p >= pool->base && p < pool->base + pool->page_cnt * PGSIZE;
}

/* Returns the pool that handed out PAGE, which must come from one. */
static struct palloc_pool *
palloc_pool_of (const void *page)
{
  struct palloc_pool *pool = &palloc_user_pool;

  if (!palloc_pool_owns (pool, page))
    pool = &palloc_kernel_pool;
  ASSERT (palloc_pool_owns (pool, page));
  return pool;
}

/* Returns the number of free pages in POOL.  Does not sleep. */
static size_t
palloc_pool_free_count (struct palloc_pool *pool)
{
  enum intr_level old_level;
  size_t free_cnt;

  if (pool->in_use == NULL)
    return 0;
  old_level = intr_disable ();
  free_cnt = bitmap_count (pool->in_use, 0, pool->page_cnt, false);
  intr_set_level (old_level);
  return free_cnt;
}
