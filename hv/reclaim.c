/* Guest memory the host can take back: when the host has no free page
   for a VM's RAM, one of that VM's pages goes to swap (hv/gswap.c)
   and its nested entry is cleared, and the nested page fault that
   follows the guest's next touch brings it back (hv/npt.c,
   npt_translate); and a cooperative guest gives pages back itself,
   with the balloon hypercall.  So a VM whose RAM is larger than the
   host's free memory still runs to the end.

   The policy: a clock over the VM's guest pages, using the accessed
   bit of their nested entries, which the CPU sets at every nested
   walk that reaches the page.  The hand sweeps the guest pages in
   order; a resident page whose bit is set gets it cleared and a
   second chance, the first one found clear is the victim.  It is the
   cheapest approximation of "least recently used" that the hardware
   keeps for us: the guest's code, stack and page tables are touched
   all the time and stay, the pages of a sweep it is done with go.
   Every eviction flushes the VM's TLB entries, so the CPU walks again
   and sets the bits anew.  Under shadow paging (hv/shadow.c) the CPU
   never walks the nested table and sets no bit there, so the clock
   takes pages in the order of its hand; and every eviction makes the
   VM's shadows start over.  A page is written to swap whether or not
   it changed since it came back (no slot is kept for a clean page):
   simpler, and the tests' pages all change.

   The SMP rule: victims are taken only from the VM that needs the
   page, only if it has one VCPU, and only on the boot CPU, in that
   VCPU's own exit (or its restart).  Then no VCPU of the VM is in
   guest mode anywhere: its only one waits for this exit to end (in
   state RUNNING on a machine of one CPU, HOST on the boot CPU's list
   otherwise, hv/vsched.c), so no guest can write a page while it is
   copied to swap, nor keep using a host page after it is freed; its
   TLB entries are flushed before it runs again.  Nothing waits for
   anything: no lock is held across the swap I/O, which sleeps as the
   emulated disks' I/O does (hv/vdev/ide-disk.c), so it cannot
   deadlock.  A VM of several VCPUs is never paged out (another of its
   VCPUs may be in the guest on another CPU, and clearing an entry
   would need that CPU to flush its TLB at once): when the host has no
   page for it, it fails, as it did before there was swap.  Nor are
   pages taken from other VMs: memory a VM holds comes back when it
   ends or gives it back with the balloon.  The balloon follows the
   same rule (one VCPU; the hypercall is handled on the boot CPU). */

#include <inttypes.h>
#include <stdio.h>
#include "hv/hv.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* Returns true if pages of VM may be evicted now: see the SMP rule at
   the top of this file.  A VM not started yet is being built by a
   host thread, outside any exit of it. */
static bool
reclaim_allowed (const struct vm *vm)
{
  return vm->vcpu_cnt == 1 && vm->started && vsched_on_boot_cpu ();
}

/* Moves VM's clock hand over its guest pages and returns the number
   of the first resident page whose accessed bit is clear, clearing
   the bits it passes.  Returns false if VM has no resident page. */
static bool
reclaim_pick (struct vm *vm, uint32_t *page_no)
{
  uint32_t pages = vm->ram_size / PGSIZE;

  /* Two turns: the first may only clear bits. */
  for (uint32_t looked = 0; looked < 2 * pages; looked++)
    {
      uint32_t no = vm->reclaim.hand;
      void *upage = (void *) (uintptr_t) (no * PGSIZE);
      vm->reclaim.hand = (no + 1) % pages;
      if (pagedir_get_page (vm->npt, upage) == NULL)
        continue;
      if (pagedir_is_accessed (vm->npt, upage))
        pagedir_set_accessed (vm->npt, upage, false);
      else
        {
          *page_no = no;
          return true;
        }
    }
  return false;
}

/* Writes one of VM's resident pages to swap and frees its host page.
   Returns false, with the reason in VM->reclaim.short_why, if it
   cannot.  Sleeps for the disk. */
static bool
reclaim_evict (struct vm *vm)
{
  uint32_t page_no, slot;

  if (!gswap_present ())
    vm->reclaim.short_why = "no swap partition to evict its pages to";
  else if (!reclaim_allowed (vm))
    vm->reclaim.short_why = "a VM of several VCPUs is not paged out";
  else if (!reclaim_pick (vm, &page_no))
    vm->reclaim.short_why = "none of its pages is left to evict";
  else if (!gswap_alloc (&slot))
    vm->reclaim.short_why = "swap is full";
  else
    {
      uint32_t gpa = page_no * PGSIZE;
      void *upage = (void *) (uintptr_t) gpa;
      void *kpage = pagedir_get_page (vm->npt, upage);
      gswap_write (slot, kpage);
      pagedir_clear_page (vm->npt, upage);
      vm_page_gone (vm, gpa);
      palloc_free_page (kpage);
      vm->reclaim.slot[page_no] = slot + 1;
      vm->reclaim.swapped++;
      vm->ram_pages--;
      vm->reclaim.evictions++;
      return true;
    }
  return false;
}

/* Returns a host page (contents undefined) for one of VM's guest
   pages, evicting others of VM's pages to swap until the host has
   one.  Returns a null pointer if none can be had, with the reason in
   VM->reclaim.short_why.  The boot CPU only; may sleep. */
void *
reclaim_get_page (struct vm *vm)
{
  for (;;)
    {
      void *page = palloc_get_page (PAL_USER);
      if (page != NULL)
        return page;
      if (!reclaim_evict (vm))
        return NULL;
    }
}

/* Reads guest page PAGE_NO of VM, which is in swap, into KPAGE, its
   new host page.  Sleeps for the disk. */
void
reclaim_swap_read (struct vm *vm, uint32_t page_no, void *kpage)
{
  gswap_read (vm->reclaim.slot[page_no] - 1, kpage);
}

/* Frees the slot of guest page PAGE_NO of VM, read back by
   reclaim_swap_read into the host page now mapped for it. */
void
reclaim_swap_done (struct vm *vm, uint32_t page_no)
{
  gswap_free (vm->reclaim.slot[page_no] - 1);
  vm->reclaim.slot[page_no] = 0;
  vm->reclaim.swapped--;
  vm->reclaim.swap_ins++;
}

/* Frees guest page PAGE_NO of VM, resident or in swap, and clears its
   nested entry: a later touch gets a new page of zeros.  Returns true
   if it had a host page or a slot. */
bool
reclaim_drop (struct vm *vm, uint32_t page_no)
{
  uint32_t gpa = page_no * PGSIZE;
  void *upage = (void *) (uintptr_t) gpa;
  void *kpage = pagedir_get_page (vm->npt, upage);

  if (kpage != NULL)
    {
      pagedir_clear_page (vm->npt, upage);
      vm_page_gone (vm, gpa);
      palloc_free_page (kpage);
      vm->ram_pages--;
      return true;
    }
  if (vm->reclaim.slot[page_no] != 0)
    {
      gswap_free (vm->reclaim.slot[page_no] - 1);
      vm->reclaim.slot[page_no] = 0;
      vm->reclaim.swapped--;
      return true;
    }
  return false;
}

/* Frees the swap slot of every page of VM in swap, as its RAM is
   dropped (hv/npt.c). */
void
reclaim_release_swap (struct vm *vm)
{
  for (uint32_t no = 0; no < vm->ram_size / PGSIZE; no++)
    if (vm->reclaim.slot[no] != 0)
      {
        gswap_free (vm->reclaim.slot[no] - 1);
        vm->reclaim.slot[no] = 0;
      }
  vm->reclaim.swapped = 0;
}

/* HC_BALLOON for VM: gives back COUNT pages of RAM from guest-physical
   GPA on.  Returns how many had a host page or a slot, or HC_EINVAL,
   HC_EFAULT (hv/abi.h).  The boot CPU only. */
int32_t
reclaim_balloon (struct vm *vm, uint32_t gpa, uint32_t count)
{
  uint32_t pages = vm->ram_size / PGSIZE;

  if (gpa % PGSIZE != 0 || vm->vcpu_cnt != 1)
    return HC_EINVAL;
  if (gpa / PGSIZE > pages || count > pages - gpa / PGSIZE)
    return HC_EFAULT;
  int32_t released = 0;
  for (uint32_t no = gpa / PGSIZE; no < gpa / PGSIZE + count; no++)
    if (reclaim_drop (vm, no))
      released++;
  vm->reclaim.ballooned += released;
  return released;
}

/* Returns VM's memory count WHICH (HV_MEM_*, hv/abi.h), or HC_EINVAL
   for an unknown one.  Any CPU: each is one word. */
int32_t
reclaim_stat (const struct vm *vm, uint32_t which)
{
  const struct npt_reclaim *r = &vm->reclaim;
  switch (which)
    {
    case HV_MEM_RESIDENT: return vm->ram_pages;
    case HV_MEM_SWAPPED: return r->swapped;
    case HV_MEM_EVICTIONS: return r->evictions;
    case HV_MEM_SWAP_INS: return r->swap_ins;
    case HV_MEM_BALLOONED: return r->ballooned;
    default: return HC_EINVAL;
    }
}

/* Returns true if VM used swap or the balloon, so that its memory
   lines are worth printing (other VMs print none). */
static bool
reclaim_used (const struct vm *vm)
{
  return vm->reclaim.evictions != 0 || vm->reclaim.ballooned != 0;
}

/* Prints, for ended VM, where its RAM is and what eviction, swap and
   the balloon did, if it used them. */
void
reclaim_print_stats (const struct vm *vm)
{
  const struct npt_reclaim *r = &vm->reclaim;
  if (!reclaim_used (vm))
    return;
  printf ("hv: vm %d '%s' memory: %zu pages resident, %zu in swap; "
          "%"PRIu64" evicted, %"PRIu64" swapped in, %"PRIu64" ballooned\n",
          vm->id, vm->name, vm->ram_pages, r->swapped, r->evictions,
          r->swap_ins, r->ballooned);
}

/* Prints how many of the host's swap slots are free after VM's were
   freed, if VM used swap. */
void
reclaim_print_swap (const struct vm *vm)
{
  size_t total;
  if (vm->reclaim.evictions == 0)
    return;
  size_t free = gswap_free_count (&total);
  printf ("hv: vm %d '%s' destroyed: %zu of %zu swap slots free\n",
          vm->id, vm->name, free, total);
}
