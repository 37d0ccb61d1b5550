/* Reading and writing guest memory from the host: guest-physical
   bytes through the nested page table, and guest-linear bytes
   through the guest's own page tables first (off, 2-level or PAE,
   whatever the guest runs with).  Hypercall buffers and the
   instructions the MMIO emulation decodes come in this way, and the
   shadow pager walks the guest's tables here too (gmem_walk).
   Everything here is guest controlled, so every step is checked and
   a bad address is a false return, never a fault in the host. */

#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/pagedir.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

/* Guest page-table entry bits, the same in both formats. */
#define G_P  0x001u             /* Present. */
#define G_W  0x002u             /* Writable. */
#define G_U  0x004u             /* User. */
#define G_D  0x040u             /* Dirty (in a leaf). */
#define G_PS 0x080u             /* Large page (in a directory). */
#define G_NX (1ull << 63)       /* No-execute (PAE, with EFER.NXE). */

/* Copies SIZE bytes between guest-physical GPA of VM's RAM and BUF:
   into the guest if TO_GUEST, else out of it (marking the pages
   written, for the dirty logging of migration).  Returns false if
   any of them is outside RAM or host memory for a page runs out. */
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
        {
          memcpy (guest, host, chunk);
          npt_log_write (vm, gpa);      /* After: a copy may be made now. */
        }
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

/* Returns the kernel address of guest-physical GPA, a table entry of
   the guest, or a null pointer if it has no host page.  On the boot
   CPU (MAY_BACK) a page without one gets one, as touching it would. */
void *
gmem_page (struct vm *vm, uint32_t gpa, bool may_back)
{
  if (may_back)
    return npt_translate (vm, gpa);
  return pagedir_get_page (vm->npt, (void *) (uintptr_t) gpa);
}

/* Reads the guest's entry at guest-physical GPA, WIDTH 4 or 8 bytes,
   into *ENTRY, recording its address in W.  Returns GMEM_WALK_OK or why
   not. */
static enum gmem_walk_result
read_entry (struct vm *vm, uint64_t gpa, unsigned width, bool may_back,
            struct gmem_walk *w, uint64_t *entry)
{
  w->table = gpa;
  if (gpa >= vm->ram_size)
    return GMEM_WALK_OUTSIDE;
  uint32_t *p = gmem_page (vm, gpa, may_back);
  if (p == NULL)
    return GMEM_WALK_HOST;
  *entry = width == 8 ? *(volatile uint64_t *) p : *(volatile uint32_t *) p;
  w->entries[w->entry_cnt++] = p;
  return *entry & G_P ? GMEM_WALK_OK : GMEM_WALK_NOT_PRESENT;
}

/* Walks the guest's 2-level tables at CR3 for LINEAR into W. */
static enum gmem_walk_result
walk_legacy (struct vm *vm, uint32_t cr3, bool pse, uint32_t linear,
             bool may_back, struct gmem_walk *w)
{
  uint64_t pde, pte;
  enum gmem_walk_result r;

  r = read_entry (vm, (cr3 & ~PGMASK) + (linear >> 22) * 4, 4, may_back,
                  w, &pde);
  if (r != GMEM_WALK_OK)
    return r;
  w->writable = pde & G_W;
  w->user = pde & G_U;
  if (pse && (pde & G_PS))
    {
      w->large = true;
      w->dirty = pde & G_D;
      w->gpa = (pde & 0xffc00000u) | (linear & 0x003fffffu);
      return GMEM_WALK_OK;
    }
  r = read_entry (vm, (pde & ~PGMASK) + ((linear >> 12) & 0x3ff) * 4, 4,
                  may_back, w, &pte);
  if (r != GMEM_WALK_OK)
    return r;
  w->writable &= (pte & G_W) != 0;
  w->user &= (pte & G_U) != 0;
  w->dirty = pte & G_D;
  w->gpa = (pte & ~PGMASK) | (linear & PGMASK);
  return GMEM_WALK_OK;
}

/* Walks the guest's PAE tables at CR3 for LINEAR into W.  NX says
   whether the no-execute bit means anything (EFER.NXE). */
static enum gmem_walk_result
walk_pae (struct vm *vm, uint32_t cr3, bool nx, uint32_t linear,
          bool may_back, struct gmem_walk *w)
{
  uint64_t pdpte, pde, pte;
  enum gmem_walk_result r;

  r = read_entry (vm, (cr3 & ~0x1fu) + (linear >> 30) * 8, 8, may_back, w,
                  &pdpte);
  if (r != GMEM_WALK_OK)
    return r;
  w->entry_cnt = 0;             /* PDPTEs have no accessed bit to set. */
  r = read_entry (vm, pte_addr (pdpte) + ((linear >> 21) & 511) * 8, 8,
                  may_back, w, &pde);
  if (r != GMEM_WALK_OK)
    return r;
  w->writable = pde & G_W;
  w->user = pde & G_U;
  w->nx = nx && (pde & G_NX);
  if (pde & G_PS)
    {
      w->large = true;
      w->dirty = pde & G_D;
      uint64_t base = pte_addr (pde) & ~(uint64_t) (LARGE_PGSIZE - 1);
      if (base >> 32)
        return GMEM_WALK_OUTSIDE;
      w->gpa = base | (linear & (LARGE_PGSIZE - 1));
      return GMEM_WALK_OK;
    }
  r = read_entry (vm, pte_addr (pde) + ((linear >> 12) & 511) * 8, 8,
                  may_back, w, &pte);
  if (r != GMEM_WALK_OK)
    return r;
  w->writable &= (pte & G_W) != 0;
  w->user &= (pte & G_U) != 0;
  w->nx |= nx && (pte & G_NX);
  w->dirty = pte & G_D;
  if (pte_addr (pte) >> 32)
    return GMEM_WALK_OUTSIDE;
  w->gpa = pte_addr (pte) | (linear & PGMASK);
  return GMEM_WALK_OK;
}


/* Walks the guest tables of VM for LINEAR, as a CPU with the guest's
   CR0, CR3 and CR4 would (2-level or PAE, large pages; NXE: EFER.NXE),
   into W.  With paging off the guest-physical address is LINEAR
   itself, every access allowed.  Reads the tables only: setting
   accessed and dirty bits is the caller's affair (W says where).
   MAY_BACK as for gmem_page. */
enum gmem_walk_result
gmem_walk (struct vm *vm, uint32_t cr0, uint32_t cr3, uint32_t cr4,
           bool nxe, uint32_t linear, bool may_back, struct gmem_walk *w)
{
  memset (w, 0, sizeof *w);
  if (!(cr0 & CR0_PG))
    {
      *w = (struct gmem_walk) { .gpa = linear, .writable = true,
                                .user = true, .dirty = true };
      return GMEM_WALK_OK;
    }
  if (cr4 & CR4_PAE)
    return walk_pae (vm, cr3, nxe, linear, may_back, w);
  return walk_legacy (vm, cr3, cr4 & CR4_PSE, linear, may_back, w);
}

/* Translates guest-linear address LINEAR the way VCPU's guest would,
   with its current CR0, CR3 and CR4 (its own values, also under
   shadow paging), into *GPA.  Returns false if the guest's tables do
   not map it (or are not in its RAM). */
bool
vcpu_linear_to_phys (struct vcpu *vcpu, uint32_t linear, uint32_t *gpa)
{
  struct gmem_walk w;

  if (gmem_walk (vcpu->vm, vcpu_guest_cr (vcpu, 0), vcpu_guest_cr (vcpu, 3),
                 vcpu_guest_cr (vcpu, 4),
                 vcpu->vmcb->save.efer & EFER_NXE, linear, true, &w)
      != GMEM_WALK_OK)
    return false;
  *gpa = w.gpa;
  return true;
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
