/* Virtual memory for user processes: the pager this lab registers
   with userprog (userprog/pager.h), and the vmstat system call.

   With it, a process's pages are only recorded when it loads (the
   supplemental page table, vm/page.c) and come into memory when first
   touched: the page-fault handler asks vm_fault, which finds the page
   and loads it, or grows the stack, or says the access is bad and the
   process must die.  Frames are shared by all processes and taken back
   by eviction when the user pool runs out (vm/frame.c); what cannot be
   read back from its file waits in swap (vm/swap.c).

   Stack growth.  A fault on an unknown page grows the stack if it
   looks like a stack access: at most STACK_SLACK bytes below the stack
   pointer (PUSHA writes 32 bytes below %esp before moving it; a
   system call's buffer on the stack lies above it), and no further
   than STACK_MAX below PHYS_BASE.  For a fault in the kernel, on a
   system call's user buffer, the stack pointer is the one the process
   had when it made the call. */

#include "vm/vm.h"
#include <debug.h>
#include <stdint.h>
#include <syscall-nr.h>
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "userprog/pager.h"
#include "userprog/syscall.h"
#include "vm/frame.h"
#include "vm/mmap.h"
#include "vm/page.h"
#include "vm/swap.h"

/* LAB vm: pager */
/* Most bytes the stack may grow to, below PHYS_BASE. */
#define STACK_MAX (8 * 1024 * 1024)

/* How far below the stack pointer a stack access may fall. */
#define STACK_SLACK 32

/* What vmstat returns for a counter it does not know. */
#define VMSTAT_UNKNOWN ((uint32_t) -1)

static const struct pager vm_pager;
static syscall_handler_func vm_sys_vmstat;

/* Sets up frames, swap and mmap, and takes over user pages from
   userprog.  Boot time: after the block devices have their roles and
   the file system is up, before the first process starts. */
void
vm_init (void)
{
  frame_init ();
  swap_init ();
  mmap_init ();
  pager_register (&vm_pager);
  syscall_register (SYS_VMSTAT, vm_sys_vmstat, 1);
}

/* Returns the running process's supplemental page table, or NULL in
   a kernel thread. */
static struct page_table *
vm_pages (void)
{
  return thread_current ()->pages;
}

/* Gives thread T, whose page table was just created, an empty
   supplemental page table.  Returns false if memory is short. */
static bool
vm_create (struct thread *t)
{
  t->pages = page_table_create (t->pagedir);
  return t->pages != NULL;
}

/* Frees every page of thread T, the running thread, whose mappings go
   first (their dirty pages back to their files). */
static void
vm_destroy (struct thread *t)
{
  if (t->pages == NULL)
    return;
  mmap_unmap_all (t->pages);
  page_table_destroy (t->pages);
  t->pages = NULL;
}

/* Records the page SRC describes, to be loaded on first touch.  A page
   already recorded (two segments share it) is loaded now and the new
   bytes added to it. */
static const char *
vm_map (const struct pager_page *src)
{
  struct page *p = page_lookup (vm_pages (), src->upage);
  if (p != NULL)
    return page_merge (p, src);
  enum page_origin origin = src->file != NULL ? PAGE_EXEC : PAGE_ZERO;
  return page_add (vm_pages (), src, origin) != NULL ? NULL : "out of memory";
}

/* Returns true if UPAGE is a page of the running process. */
static bool
vm_is_mapped (const void *upage)
{
  return page_lookup (vm_pages (), upage) != NULL;
}

/* Returns true if an access to ADDR, with the stack pointer at ESP
   (NULL if unknown), is one the stack may grow for (see the top of
   this file). */
static bool
vm_is_stack_access (const void *addr, const void *esp)
{
  uintptr_t a = (uintptr_t) addr;
  return (esp != NULL
          && a >= (uintptr_t) PHYS_BASE - STACK_MAX
          && a < (uintptr_t) PHYS_BASE
          && a + STACK_SLACK >= (uintptr_t) esp);
}

/* Resolves a fault at user address ADDR, a WRITE or a read, with the
   process's stack pointer at USER_ESP: loads the page, growing the
   stack for it if need be.  Called by the page-fault handler, with no
   locks held and interrupts on. */
static enum pager_fault
vm_fault (void *addr, bool write, void *user_esp)
{
  struct page_table *pt = vm_pages ();
  void *upage = pg_round_down (addr);

  ASSERT (!frame_lock_held ());
  if (pt == NULL)
    return PAGER_FAULT_BAD;
  struct page *p = page_lookup (pt, upage);
  if (p == NULL)
    {
      if (!vm_is_stack_access (addr, user_esp))
        return PAGER_FAULT_BAD;
      struct pager_page stack = { .upage = upage, .writable = true };
      p = page_add (pt, &stack, PAGE_ZERO);
      if (p == NULL)
        return PAGER_FAULT_NO_MEMORY;
    }
  if (write && !p->writable)
    return PAGER_FAULT_READ_ONLY;
  return page_load (p, false) ? PAGER_FAULT_RESOLVED : PAGER_FAULT_NO_MEMORY;
}

/* Returns how many pages the running process has in frames. */
static size_t
vm_held_pages (void)
{
  struct page_table *pt = vm_pages ();
  return pt != NULL ? pt->resident_cnt : 0;
}

/* The pager of this lab. */
static const struct pager vm_pager =
  {
    .create = vm_create,
    .destroy = vm_destroy,
    .map = vm_map,
    .is_mapped = vm_is_mapped,
    .fault = vm_fault,
    .held_pages = vm_held_pages,
  };

/* Returns how many swap slots the running process holds. */
static size_t
vm_held_slots (void)
{
  struct page_table *pt = vm_pages ();
  return pt != NULL ? pt->swapped_cnt : 0;
}

/* vmstat (COUNTER): returns the virtual-memory counter COUNTER (enum
   vmstat_counter in lib/syscall-nr.h), or -1 if there is none such.
   Free swap slots count the caller's own as free, as freepages does
   its pages (see pager_held_pages): a process measuring before and
   after some work sees only what others kept. */
static uint32_t
vm_sys_vmstat (const uint32_t args[])
{
  struct page_stats stats;

  page_get_stats (&stats);
  switch (args[0])
    {
    case VMSTAT_LOADS: return stats.loads;
    case VMSTAT_EVICTIONS: return frame_eviction_count ();
    case VMSTAT_SWAP_OUTS: return stats.swap_outs;
    case VMSTAT_SWAP_INS: return stats.swap_ins;
    case VMSTAT_WRITE_BACKS: return stats.write_backs;
    case VMSTAT_SWAP_FREE: return swap_free_count () + vm_held_slots ();
    case VMSTAT_SWAP_SLOTS: return swap_slot_count ();
    default: return VMSTAT_UNKNOWN;
    }
}
/* STUB:
void
vm_init (void)
{
}
*/
/* END LAB */
