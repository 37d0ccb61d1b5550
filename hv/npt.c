/* Nested page tables: each VM's map from guest-physical to host
   memory, in the host's own PAE format (threads/pagedir.c builds and
   frees them, exactly as for processes), and the policy that fills
   it: guest RAM is backed on demand.

   Why on demand: a guest touches a small part of the RAM it is
   given, so allocating at first touch costs only what it uses, and
   the nested page fault that triggers it is the clearest example of
   what nested paging is for.  The price is one NPF exit per page the
   first time; a guest image's own pages are mapped while loading.

   MMIO holes are simply never mapped: an access to one faults, and
   hv/npf.c emulates the device.  Every RAM page is the VM's alone
   and mapped in its table only, so pagedir_destroy frees it with the
   table, and no other VM can reach it. */

#include "hv/hv.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* Returns a new, empty nested page table, or a null pointer if
   memory is short. */
uint64_t *
npt_create (void)
{
  return pagedir_create_nested ();
}

/* Frees nested page table NPT, its directories and tables, and every
   RAM page it maps. */
void
npt_destroy (uint64_t *npt)
{
  pagedir_destroy (npt);
}

/* Returns the kernel address of guest-physical byte GPA of VM's RAM,
   first backing its page with a new zeroed host page if it has none
   (and then asking for a TLB flush before the guest runs again).
   Returns a null pointer if GPA is not in the VM's RAM or host memory
   is short. */
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

  void *page = palloc_get_page (PAL_USER | PAL_ZERO);
  if (page == NULL)
    return NULL;
  if (!pagedir_set_page (vm->npt, pg_round_down (guest_addr), page, true))
    {
      palloc_free_page (page);
      return NULL;
    }
  vm->ram_pages++;
  vm_flush_tlbs (vm);
  return (uint8_t *) page + pg_ofs (guest_addr);
}
