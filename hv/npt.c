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
   table, and no other VM can reach it. */

#include <round.h>
#include <string.h>
#include "hv/hv.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
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
   page it maps, the swap slots of its pages in swap and the side
   table.  VM then has no RAM at all. */
void
npt_destroy (struct vm *vm)
{
  if (vm->reclaim.slot != NULL)
    {
      reclaim_release_swap (vm);
      palloc_free_multiple (vm->reclaim.slot, npt_slot_pages (vm));
    }
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
   VCPU next runs (hv/shadow.c). */
void
vm_page_gone (struct vm *vm, uint32_t gpa UNUSED)
{
  vm_flush_tlbs (vm);
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
  return (uint8_t *) page + pg_ofs (guest_addr);
}
