/* Reading and writing guest memory from the host: guest-physical
   bytes through the nested page table, and guest-linear bytes
   through the guest's own page tables first (off, 2-level or PAE,
   whatever the guest runs with).  Hypercall buffers and the
   instructions the MMIO emulation decodes come in this way.
   Everything here is guest controlled, so every step is checked and
   a bad address is a false return, never a fault in the host. */

#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

/* Guest page-table entry bits (the same in both formats). */
#define GPTE_P  0x001u                  /* Present. */
#define GPTE_PS 0x080u                  /* Large page (in a directory). */

/* Copies SIZE bytes between guest-physical GPA of VM's RAM and BUF:
   into the guest if TO_GUEST, else out of it.  Returns false if any
   of them is outside RAM or host memory for a page runs out. */
static bool
vm_copy_phys (struct vm *vm, uint32_t gpa, void *buf, size_t size,
              bool to_guest)
{
  uint8_t *host = buf;

  while (size > 0)
    {
      size_t chunk = PGSIZE - pg_ofs ((void *) (uintptr_t) gpa);
      if (chunk > size)
        chunk = size;
      uint8_t *guest = npt_translate (vm, gpa);
      if (guest == NULL || gpa + chunk < gpa)
        return false;
      if (to_guest)
        memcpy (guest, host, chunk);
      else
        memcpy (host, guest, chunk);
      host += chunk;
      gpa += chunk;
      size -= chunk;
    }
  return true;
}

/* Copies SIZE bytes at guest-physical GPA of VM's RAM to DST.
   Returns false if any of them is outside RAM or host memory for a
   page runs out. */
bool
vm_read_phys (struct vm *vm, uint32_t gpa, void *dst, size_t size)
{
  return vm_copy_phys (vm, gpa, dst, size, false);
}

/* Copies SIZE bytes from SRC to guest-physical GPA of VM's RAM.
   Returns false if any of them is outside RAM or host memory for a
   page runs out (some may have been written by then). */
bool
vm_write_phys (struct vm *vm, uint32_t gpa, const void *src, size_t size)
{
  return vm_copy_phys (vm, gpa, (void *) src, size, true);
}

/* Reads the 32-bit guest page-table entry INDEX of the table at TABLE
   into *ENTRY; returns false if it is not in RAM or not present. */
static bool
read_entry32 (struct vm *vm, uint32_t table, unsigned index,
              uint32_t *entry)
{
  return vm_read_phys (vm, table + index * 4, entry, 4) && (*entry & GPTE_P);
}

/* Reads the 64-bit (PAE) guest entry at guest-physical ADDR into
   *ENTRY; returns false if it is not in RAM, not present, or points
   above 4 GiB, which a 32-bit guest-physical space cannot hold. */
static bool
read_entry64 (struct vm *vm, uint32_t addr, uint64_t *entry)
{
  return (vm_read_phys (vm, addr, entry, 8) && (*entry & GPTE_P)
          && (*entry & PTE_ADDR) < (1ull << 32));
}

/* Walks 2-level guest tables at CR3 (4 MiB pages allowed if PSE) for
   LINEAR. */
static bool
walk_legacy (struct vm *vm, uint32_t cr3, bool pse, uint32_t linear,
             uint32_t *gpa)
{
  uint32_t pde, pte;

  if (!read_entry32 (vm, cr3 & ~PGMASK, linear >> 22, &pde))
    return false;
  if (pse && (pde & GPTE_PS))
    {
      *gpa = (pde & 0xffc00000u) | (linear & 0x003fffffu);
      return true;
    }
  if (!read_entry32 (vm, pde & ~PGMASK, (linear >> 12) & 0x3ff, &pte))
    return false;
  *gpa = (pte & ~PGMASK) | (linear & PGMASK);
  return true;
}

/* Walks PAE guest tables at CR3 for LINEAR. */
static bool
walk_pae (struct vm *vm, uint32_t cr3, uint32_t linear, uint32_t *gpa)
{
  uint64_t pdpte, pde, pte;
  void *la = (void *) (uintptr_t) linear;

  if (!read_entry64 (vm, (cr3 & ~0x1fu) + pdpt_no (la) * 8, &pdpte)
      || !read_entry64 (vm, (uint32_t) pte_addr (pdpte) + pd_no (la) * 8,
                        &pde))
    return false;
  if (pde & GPTE_PS)
    {
      *gpa = ((uint32_t) pte_addr (pde) & ~(LARGE_PGSIZE - 1))
             | (linear & (LARGE_PGSIZE - 1));
      return true;
    }
  if (!read_entry64 (vm, (uint32_t) pte_addr (pde) + pt_no (la) * 8, &pte))
    return false;
  *gpa = (uint32_t) pte_addr (pte) | pg_ofs (la);
  return true;
}

/* Translates guest-linear address LINEAR the way VCPU's guest would,
   with its current CR0, CR3 and CR4 (its own values, also under
   shadow paging), into *GPA.  Returns false if the guest's tables do
   not map it (or are not in its RAM). */
bool
vcpu_linear_to_phys (struct vcpu *vcpu, uint32_t linear, uint32_t *gpa)
{
  uint32_t cr0 = vcpu_guest_cr (vcpu, 0);
  uint32_t cr3 = vcpu_guest_cr (vcpu, 3);
  uint32_t cr4 = vcpu_guest_cr (vcpu, 4);

  if (!(cr0 & CR0_PG))
    {
      *gpa = linear;
      return true;
    }
  if (cr4 & CR4_PAE)
    return walk_pae (vcpu->vm, cr3, linear, gpa);
  return walk_legacy (vcpu->vm, cr3, cr4 & CR4_PSE, linear, gpa);
}

/* Copies SIZE bytes between guest-linear LINEAR, as VCPU's guest maps
   it, and BUF: into the guest if TO_GUEST, else out of it.  Returns
   false if any of them is not mapped to guest RAM. */
static bool
vcpu_copy_linear (struct vcpu *vcpu, uint32_t linear, void *buf,
                  size_t size, bool to_guest)
{
  uint8_t *host = buf;

  while (size > 0)
    {
      size_t chunk = PGSIZE - pg_ofs ((void *) (uintptr_t) linear);
      uint32_t gpa;
      if (chunk > size)
        chunk = size;
      if (!vcpu_linear_to_phys (vcpu, linear, &gpa)
          || !vm_copy_phys (vcpu->vm, gpa, host, chunk, to_guest))
        return false;
      host += chunk;
      linear += chunk;
      size -= chunk;
    }
  return true;
}

/* Copies SIZE bytes at guest-linear LINEAR to DST.  Returns false if
   any of them is not mapped to guest RAM. */
bool
vcpu_read_linear (struct vcpu *vcpu, uint32_t linear, void *dst,
                  size_t size)
{
  return vcpu_copy_linear (vcpu, linear, dst, size, false);
}

/* Copies SIZE bytes from SRC to guest-linear LINEAR.  Returns false if
   any of them is not mapped to guest RAM (some may have been written
   by then). */
bool
vcpu_write_linear (struct vcpu *vcpu, uint32_t linear, const void *src,
                   size_t size)
{
  return vcpu_copy_linear (vcpu, linear, (void *) src, size, true);
}

/* Copies the instruction at VCPU's CS:EIP into INSN, which has room
   for DECODE_INSN_MAX bytes: that many, or fewer if the instruction
   is near the end of what the guest's tables map.  Returns the number
   of bytes copied. */
size_t
vcpu_fetch_insn (struct vcpu *vcpu, uint8_t insn[])
{
  const struct vmcb_save *s = &vcpu->vmcb->save;
  uint32_t linear = s->cs.base + s->rip;
  size_t len = DECODE_INSN_MAX;

  while (len > 0 && !vcpu_read_linear (vcpu, linear, insn, len))
    len--;
  return len;
}
