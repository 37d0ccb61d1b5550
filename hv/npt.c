/* Nested page tables: each VM's map from guest-physical to host
   memory, in the host's own PAE format (threads/pagedir.c builds and
   frees them, exactly as for processes), and the policy that fills
   it: guest RAM is backed on demand.

   Why on demand: a guest touches a small part of the RAM it is
   given, so allocating at first touch costs only what it uses, and
   the nested page fault that triggers it is the clearest example of
   what nested paging is for.  The price is one NPF exit per page the
   first time; a guest image's own pages are mapped while loading.

   A page of guest RAM is in one of three states: never touched (no
   entry, reads as zeros when first touched), resident (mapped to a
   host page), or in swap (no entry; its slot is in the VM's side
   table, struct npt_reclaim, and the next touch reads it back).  When
   the host has no page left, hv/reclaim.c evicts one of the VM's
   pages to swap to make room.

   MMIO holes are simply never mapped: an access to one faults, and
   hv/npf.c emulates the device.  Every RAM page is the VM's alone
   and mapped in its table only, so pagedir_destroy frees it with the
   table, and no other VM can reach it.

   For live migration (hv/migrate.c), the nested table also tells
   which pages the guest writes: dirty logging, the second part of
   this file. */

#include <debug.h>
#include <round.h>
#include <string.h>
#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/malloc.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

/* Returns how many pages VM's side table of swap slots takes. */
static size_t
npt_slot_pages (const struct vm *vm)
{
  return DIV_ROUND_UP (vm->ram_size / PGSIZE * sizeof (uint32_t), PGSIZE);
}

/* Gives VM a new, empty nested page table and an empty side table of
   swap slots.  Returns false if memory is short (VM's table and side
   table may then be set or null; npt_destroy frees them). */
bool
npt_create (struct vm *vm)
{
  vm->npt = pagedir_create_nested ();
  vm->reclaim.slot = palloc_get_multiple (PAL_ZERO, npt_slot_pages (vm));
  vm->reclaim.swapped = 0;
  vm->reclaim.hand = 0;
  vm->ram_pages = 0;
  return vm->npt != NULL && vm->reclaim.slot != NULL;
}

/* Frees VM's nested page table, its directories and tables, every RAM
   page it maps, the swap slots of its pages in swap, the side table
   and the dirty log, if VM is logged.  VM then has no RAM at all. */
void
npt_destroy (struct vm *vm)
{
  if (vm->reclaim.slot != NULL)
    {
      reclaim_release_swap (vm);
      palloc_free_multiple (vm->reclaim.slot, npt_slot_pages (vm));
    }
  npt_log_stop (vm);
  pagedir_destroy (vm->npt);
  vm->npt = NULL;
  vm->reclaim.slot = NULL;
  vm->ram_pages = 0;
}

/* Guest page GPA of VM no longer has the host page its nested entry
   pointed to: the entry was just cleared (the page went to swap, or
   the guest gave it back), and the host page is about to be freed.
   Anything that may still reach that host page through GPA must
   forget it now: the TLBs of VM's VCPUs (flushed at their next entry;
   none of them runs, see hv/reclaim.c), and under shadow paging their
   shadows, which point at host pages too: each starts over before its
   VCPU next runs (hv/shadow.c).  And if VM is logged for migration,
   the page counts as changed: a copy may have been made from the host
   page as it went. */
void
vm_page_gone (struct vm *vm, uint32_t gpa)
{
  vm_flush_tlbs (vm);
  npt_log_write (vm, gpa);
  if (vm->shadow_paging)
    shadow_page_gone (vm);
}

/* Returns the kernel address of guest-physical byte GPA of VM's RAM,
   first giving its page a host page if it has none: the contents it
   had in swap, or zeros on first touch (and then asking for a TLB
   flush before the guest runs again).  Another page of VM may be
   evicted to make room (hv/reclaim.c).  Returns a null pointer if GPA
   is not in the VM's RAM, or if no host page can be had (then
   VM->reclaim.short_why says why), or if the caller is not on the
   boot CPU (only it may allocate). */
void *
npt_translate (struct vm *vm, uint32_t gpa)
{
  void *guest_addr = (void *) (uintptr_t) gpa;

  if (gpa >= vm->ram_size)
    return NULL;
  void *host_addr = pagedir_get_page (vm->npt, guest_addr);
  if (host_addr != NULL)
    return host_addr;
  if (!vsched_on_boot_cpu ())
    return NULL;                /* Only the boot CPU may allocate. */

  void *page = reclaim_get_page (vm);
  if (page == NULL)
    return NULL;
  /* The page gets its contents before the nested table shows it:
     another VCPU of VM, running on another CPU, may reach it the
     moment it is mapped, and must find zeros (or what was swapped
     out), not what the host page held before, nor lose a write to a
     late clearing.  The slot is let go only once the page is mapped,
     so a failure loses nothing. */
  uint32_t page_no = gpa / PGSIZE;
  bool in_swap = vm->reclaim.slot[page_no] != 0;
  if (in_swap)
    reclaim_swap_read (vm, page_no, page);
  else
    memset (page, 0, PGSIZE);
  if (!pagedir_set_page (vm->npt, pg_round_down (guest_addr), page, true))
    {
      palloc_free_page (page);
      vm->reclaim.short_why = "no memory for a nested page table";
      return NULL;
    }
  if (in_swap)
    reclaim_swap_done (vm, page_no);
  vm->ram_pages++;
  vm_flush_tlbs (vm);
  npt_log_write (vm, gpa);      /* Mapped writable: no fault will log it. */
  return (uint8_t *) page + pg_ofs (guest_addr);
}

/* ---- Dirty logging for live migration (hv/migrate.c) ----

   How it works: logging write-protects every present leaf of the VM's
   nested table (the leaves are the only entries that carry W: the
   directories above always allow writes, see threads/pagedir.c).  The
   guest's first write to such a page is a nested page fault, which
   marks the page in the VM's bitmap, makes its entry writable again
   and lets the guest repeat the write (npt_log_fault, called from
   hv/npf.c): one fault per page per round, however often the guest
   writes to it.  Collecting fetches the marks, clears them and
   protects those pages once more.  Pages that change other than by
   the guest's writes through its nested entries are marked as well
   (npt_log_write): a page backed for the first time or read back from
   swap (it comes back writable), a page that lost its host page (to
   swap or the balloon), and a page the hv wrote itself (hv/gmem.c).

   The lock.  Faults, marks, collections, start and stop exclude each
   other under LOG_LOCK, a spinlock taken with interrupts off (a leaf:
   nothing else is taken while it is held), so none sees another half
   done and the bitmap cannot be freed under a mark, whichever CPU
   makes it.  The entries themselves change with atomic operations on
   their low word: the CPU sets their accessed and dirty bits while
   guests run on other CPUs.

   The TLB.  A VCPU may still hold a writable translation of a page
   just protected, and write through it without a fault until its TLB
   is flushed.  VCPUs flush at their next entry (vm_flush_tlbs), and
   the flush is decided with interrupts off just before VMRUN
   (hv/vcpu.c), so on a machine of one CPU, where a host thread runs
   only while no guest does, that suffices.  With other CPUs, a VCPU
   may be in the guest elsewhere right now: npt_log_sync makes each
   such VCPU exit and waits until it has entered again, flushed, or
   left the guest.  Writes made before that are in the copy the caller
   makes after it; writes after it fault. */

/* Guards every VM's DIRTY_LOG and the marks in it (see above). */
static struct spinlock log_lock;

/* Takes LOG_LOCK with interrupts off; returns the old level. */
static enum intr_level
npt_log_lock (void)
{
  enum intr_level old_level = intr_disable ();
  spin_lock (&log_lock);
  return old_level;
}

/* Releases LOG_LOCK and restores interrupts to OLD_LEVEL. */
static void
npt_log_unlock (enum intr_level old_level)
{
  spin_unlock (&log_lock);
  intr_set_level (old_level);
}

/* Words of a bitmap with a bit for each of VM's guest pages. */
static size_t
npt_log_words (const struct vm *vm)
{
  return DIV_ROUND_UP (vm->ram_size / PGSIZE, 32);
}

/* Returns the nested leaf entry of VM for guest page GPA, or a null
   pointer if no page table covers GPA yet. */
static uint64_t *
npt_leaf (const struct vm *vm, uint32_t gpa)
{
  const void *va = (const void *) (uintptr_t) gpa;
  uint64_t pdpte = vm->npt[pdpt_no (va)];
  if (!(pdpte & PTE_P))
    return NULL;
  uint64_t pde = ((uint64_t *) pte_get_page (pdpte))[pd_no (va)];
  if (!(pde & PTE_P))
    return NULL;
  return &((uint64_t *) pte_get_page (pde))[pt_no (va)];
}

/* Allows writes through present leaf entry PTE (WRITABLE) or forbids
   them, atomically: the CPU may be setting its A or D bit. */
static void
npt_set_writable (uint64_t *pte, bool writable)
{
  uint32_t *low = (uint32_t *) pte;     /* W is in the low word. */
  if (writable)
    __atomic_fetch_or (low, (uint32_t) PTE_W, __ATOMIC_SEQ_CST);
  else
    __atomic_fetch_and (low, ~(uint32_t) PTE_W, __ATOMIC_SEQ_CST);
}

/* Allows or forbids writes to every page VM has in host memory. */
static void
npt_set_all_writable (struct vm *vm, bool writable)
{
  for (uint32_t gpa = 0; gpa < vm->ram_size; gpa += PGSIZE)
    {
      uint64_t *pte = npt_leaf (vm, gpa);
      if (pte != NULL && (*pte & PTE_P))
        npt_set_writable (pte, writable);
    }
}

/* Returns true if the boot CPU, the caller's, runs every VCPU: then no
   guest is in guest mode while a host thread runs. */
static bool
npt_one_cpu (void)
{
  return vsched_pcpu_count () == 1 && vsched_pcpu (0)->id == 0;
}

/* Returns once no VCPU of VM can write through a translation its TLB
   took before VM's nested entries were last protected: each flushes
   at its next entry, and, with other CPUs, each one in the guest
   there is made to exit and waited for (see the top of this part).
   May sleep. */
static void
npt_log_sync (struct vm *vm)
{
  vm_flush_tlbs (vm);
  if (npt_one_cpu ())
    return;
  /* The flags must be seen set before IN_GUEST is read: a VCPU that
     enters after the read takes its flag with it. */
  __atomic_thread_fence (__ATOMIC_SEQ_CST);
  for (;;)
    {
      bool waiting = false;
      for (unsigned i = 0; i < vm->vcpu_cnt; i++)
        {
          struct vcpu *v = &vm->vcpus[i];
          if (__atomic_load_n (&v->flush_tlb, __ATOMIC_SEQ_CST)
              && __atomic_load_n (&v->sched.in_guest, __ATOMIC_SEQ_CST))
            waiting = true;
        }
      if (!waiting)
        return;
      vsched_kick_vm (vm);
      timer_sleep (1);
    }
}

/* Starts logging the pages of VM that its guest writes: every page it
   has in host memory is write-protected.  VM must use nested paging
   (under shadow paging the CPU never reads the nested entries).
   Returns false if memory for the bitmap is short.  A host thread on
   the boot CPU; may sleep. */
bool
npt_log_start (struct vm *vm)
{
  ASSERT (!vm->shadow_paging && vm->dirty_log == NULL);
  uint32_t *log = calloc (npt_log_words (vm), sizeof *log);
  if (log == NULL)
    return false;
  enum intr_level old_level = npt_log_lock ();
  vm->dirty_log = log;
  npt_set_all_writable (vm, false);
  npt_log_unlock (old_level);
  npt_log_sync (vm);
  return true;
}

/* Stores in BITMAP (a bit per guest page of VM) the pages written
   since logging started or since the last collection, clears those
   marks and write-protects the pages again.  Returns how many there
   are.  Once it returns, a later write to any of them is logged anew,
   so a copy made after the call holds every write made before it.
   A host thread on the boot CPU; may sleep. */
size_t
npt_log_collect (struct vm *vm, uint32_t *bitmap)
{
  size_t words = npt_log_words (vm);
  size_t count = 0;

  enum intr_level old_level = npt_log_lock ();
  ASSERT (vm->dirty_log != NULL);
  for (size_t i = 0; i < words; i++)
    {
      uint32_t bits = vm->dirty_log[i];
      vm->dirty_log[i] = 0;
      bitmap[i] = bits;
      for (; bits != 0; bits &= bits - 1)
        {
          uint32_t no = i * 32 + __builtin_ctz (bits);
          uint64_t *pte = npt_leaf (vm, no * PGSIZE);
          if (pte != NULL && (*pte & PTE_P))
            npt_set_writable (pte, false);
          count++;
        }
    }
  npt_log_unlock (old_level);
  npt_log_sync (vm);
  return count;
}

/* Stops logging VM's pages: every page is writable again and the
   bitmap is freed.  Nothing if VM is not logged.  The boot CPU. */
void
npt_log_stop (struct vm *vm)
{
  enum intr_level old_level = npt_log_lock ();
  uint32_t *log = vm->dirty_log;
  vm->dirty_log = NULL;
  if (log != NULL)
    npt_set_all_writable (vm, true);
  npt_log_unlock (old_level);
  vm_flush_tlbs (vm);
  free (log);
}

/* VM's guest wrote to guest page GPA, and the nested page fault says
   its entry is present: if VM is logged, marks the page dirty and
   lets writes through again.  Returns true if the guest may simply
   write again (its entry now allows it: logging's fault, or one that
   raced with another that let writes through or with the end of
   logging), false if the fault is none of logging's doing.  Any CPU,
   in the guest's exit. */
bool
npt_log_fault (struct vm *vm, uint32_t gpa)
{
  enum intr_level old_level = npt_log_lock ();
  uint64_t *pte = npt_leaf (vm, gpa);
  bool present = pte != NULL && (*pte & PTE_P);
  bool retry = present && (vm->dirty_log != NULL || (*pte & PTE_W));
  if (present && vm->dirty_log != NULL)
    {
      uint32_t no = gpa / PGSIZE;
      npt_set_writable (pte, true);
      vm->dirty_log[no / 32] |= 1u << (no % 32);
      vm->dirty_faults++;
    }
  npt_log_unlock (old_level);
  return retry;
}

/* Guest page GPA of VM changed, or its host page did, other than by a
   guest write through a protected entry: the hv wrote to it, backed
   it, read it back from swap or let its host page go.  If VM is
   logged, marks it dirty.  Any CPU. */
void
npt_log_write (struct vm *vm, uint32_t gpa)
{
  enum intr_level old_level = npt_log_lock ();
  uint32_t no = gpa / PGSIZE;
  if (vm->dirty_log != NULL && gpa < vm->ram_size)
    vm->dirty_log[no / 32] |= 1u << (no % 32);
  npt_log_unlock (old_level);
}
