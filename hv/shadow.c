/* Shadow page tables: virtual memory for a guest without nested
   paging ("vmrun NAME+paging=shadow", or the kernel option
   -hv-paging=shadow for every VM).

   Under nested paging the CPU walks two sets of tables on a TLB miss:
   the guest's (linear to guest-physical) and the hv's (guest-physical
   to host).  Under shadow paging it walks one: a table the hv builds
   that maps guest-linear pages straight to the host pages behind
   them, loaded in the real CR3 while the guest believes its own
   tables are in use.  To keep that illusion the hv intercepts (see
   vmcb_init_shadow):
     - reads and writes of CR0, CR3 and CR4 (hv/cr.c): the guest sees
       and sets its own values, kept here; the CPU runs with paging on
       (PG and WP in CR0, PAE in CR4) and the shadow in CR3, whatever
       the guest asked for.  A guest with paging off runs on an
       identity shadow, filled in the same way;
     - every page fault (exit_page_fault): the hv walks the guest's
       tables for the faulting address.  If they allow the access, the
       hv sets the accessed and dirty bits the CPU would have set in
       them, copies the translation into the shadow, and the guest
       retries the instruction without knowing.  If they do not, the
       fault is the guest's own: it gets #PF with the error code and
       CR2 its tables explain;
     - INVLPG (exit_invlpg): the guest dropping one translation drops
       the shadow's copy.
   So the shadow behaves as a large software TLB: filled on a miss,
   emptied by a CR3 write or an INVLPG, exactly where the guest must
   already expect its TLB to forget.  A guest that edits its tables and
   does not invalidate sees stale translations, as it would on a real
   CPU.  Each VCPU has its own shadow: VCPUs have their own CR3 and
   TLB, and a guest kernel shoots down the others' TLBs itself.

   Dirty bits: a page the guest may write but has not is shadowed
   read-only, so the first write faults and sets the guest's dirty bit
   before the shadow allows writes.  MMIO is never shadowed: every
   access faults and is emulated (hv/npf.c).

   The shadow's format is always PAE, which maps 32-bit linear
   addresses whatever the guest's format.  Its four directories are
   fixed; page tables come from a pool of SHADOW_PT_MAX (64 MiB of
   address space) and when it runs out the whole shadow starts over.
   Nothing is allocated after the VCPU is made, so faults can be
   handled on any CPU. */

#include <debug.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <x86-decode.h>
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

/* The bits of a guest's page-table entry the shadow pager sets, the
   same in both formats (hv/gmem.c walks the tables). */
#define G_A  0x020u             /* Accessed. */
#define G_D  0x040u             /* Dirty (in a leaf). */

/* Page-fault error code bits. */
#define PF_P    0x01u           /* The page was present. */
#define PF_W    0x02u           /* A write. */
#define PF_U    0x04u           /* From ring 3. */
#define PF_RSVD 0x08u           /* A reserved bit was set. */
#define PF_I    0x10u           /* An instruction fetch. */

/* CR0 and CR4 bits whose change alters translations. */
#define CR0_PAGING (CR0_PG | CR0_WP)
#define CR4_PAGING (CR4_PAE | CR4_PSE | CR4_PGE)

/* Slots of 2 MiB in 4 GiB: one shadow directory entry each. */
#define SLOT_SHIFT 21
#define SLOT_CNT 2048

/* Walks VCPU's guest tables, with the guest's own CR0, CR3 and CR4,
   for LINEAR into W (hv/gmem.c). */
static enum gmem_walk_result
shadow_walk (const struct vcpu *vcpu, uint32_t linear, bool may_back,
             struct gmem_walk *w)
{
  const struct shadow *sh = vcpu->shadow;
  return gmem_walk (vcpu->vm, sh->cr0, sh->cr3, sh->cr4,
                    vcpu->vmcb->save.efer & EFER_NXE, linear, may_back, w);
}

/* Returns true if the guest's tables, as walked into W, allow the
   access that raised page-fault error code ERROR, under the guest's
   CR0.WP: with WP clear, the kernel may write read-only pages. */
static bool
walk_allows (const struct vcpu *vcpu, const struct gmem_walk *w, uint32_t error)
{
  bool user = error & PF_U;
  if (user && !w->user)
    return false;
  if ((error & PF_W) && !w->writable
      && (user || (vcpu->shadow->cr0 & CR0_WP)))
    return false;
  return !((error & PF_I) && w->nx);
}

/* Returns the page table of VCPU's shadow for 2 MiB slot SLOT, or a
   null pointer if it has none. */
static uint64_t *
shadow_table (const struct shadow *sh, unsigned slot)
{
  uint64_t pde = sh->pd[slot >> 9][slot & 511];
  return pde & PTE_P ? ptov (pte_addr (pde)) : NULL;
}

/* Drops every translation in VCPU's shadow: its page tables go back to
   the pool (each is cleared when it is next taken), and the VCPU's
   TLB entries go too. */
static void
shadow_flush (struct vcpu *vcpu)
{
  struct shadow *sh = vcpu->shadow;

  for (unsigned i = 0; i < sh->pt_used; i++)
    sh->pd[sh->pt_slot[i] >> 9][sh->pt_slot[i] & 511] = 0;
  sh->pt_used = 0;
  sh->recent_cnt = sh->recent_next = 0;
  memset (sh->large, 0, sizeof sh->large);
  sh->flushes++;
  vcpu->flush_tlb = true;
}

/* Puts the translation of LINEAR to host-physical HOST_PA in VCPU's
   shadow, allowing writes if WRITABLE and ring 3 if USER, execution
   unless NX.  LARGE says it is a piece of a guest's large page. */
static void
shadow_fill (struct vcpu *vcpu, uint32_t linear, uint32_t host_pa,
             bool writable, bool user, bool nx, bool large)
{
  struct shadow *sh = vcpu->shadow;
  unsigned slot = linear >> SLOT_SHIFT;
  uint64_t *pt = shadow_table (sh, slot);

  if (pt == NULL)
    {
      if (sh->pt_used == SHADOW_PT_MAX)
        {
          shadow_flush (vcpu);
          sh->full++;
        }
      pt = sh->pt[sh->pt_used];
      memset (pt, 0, PGSIZE);
      sh->pt_slot[sh->pt_used++] = slot;
      sh->pd[slot >> 9][slot & 511] = vtop (pt) | PTE_P | PTE_W | PTE_U;
    }
  uint64_t *pte = &pt[(linear >> PGBITS) & 511];
  /* A present entry is being changed (a write after reads, say): drop
     whatever the TLB holds of it. */
  if (*pte & PTE_P)
    vcpu->flush_tlb = true;
  *pte = host_pa | PTE_P | (writable ? PTE_W : 0) | (user ? PTE_U : 0)
         | (nx ? PTE_NX : 0);
  if (large)
    sh->large[slot / 32] |= 1u << (slot % 32);
  if (!user)
    {
      sh->recent[sh->recent_next] = linear & ~PGMASK;
      sh->recent_next = (sh->recent_next + 1) % SHADOW_RECENT;
      if (sh->recent_cnt < SHADOW_RECENT)
        sh->recent_cnt++;
    }
  sh->fills++;
}

/* Fills VCPU's shadow, just emptied by a CR3 write, with the kernel
   pages it filled last and the guest used since (RECENT, CNT of them),
   as the guest's new tables map them.  A guest kernel switching threads or processes writes CR3
   each time, and on a real CPU that empties the TLB of everything but
   global pages; here it also empties the shadow, and each kernel page
   the guest then touches (its stack, code, IDT, GDT) would cost an
   exit to fill again.  A CPU may fill its TLB from the current tables
   whenever it likes (and set accessed bits as it does), so filling
   these now, without a fault, is what the guest could see on a real
   CPU too.  Dirty bits are not touched: a page not yet dirty is filled
   read-only, as on a fault.  Pages of ring 3 are left to fault: they
   belong to one process and accessed bits there steer the guest's
   page replacement.  Only pages with host pages already are filled:
   this allocates nothing. */
static void
shadow_prefill (struct vcpu *vcpu, const uint32_t recent[], unsigned cnt)
{
  struct shadow *sh = vcpu->shadow;

  for (unsigned i = 0; i < cnt; i++)
    {
      struct gmem_walk w;
      uint32_t linear = recent[i];
      uint64_t *pt = shadow_table (sh, linear >> SLOT_SHIFT);
      if ((pt != NULL && (pt[(linear >> PGBITS) & 511] & PTE_P))
          || shadow_walk (vcpu, linear, false, &w) != GMEM_WALK_OK
          || w.user || w.gpa >= vcpu->vm->ram_size)
        continue;
      void *page = gmem_page (vcpu->vm, w.gpa, false);
      if (page == NULL)
        continue;
      for (unsigned j = 0; j < w.entry_cnt; j++)
        __atomic_fetch_or (w.entries[j], G_A, __ATOMIC_RELAXED);
      shadow_fill (vcpu, linear, vtop (pg_round_down (page)),
                   w.writable && w.dirty, false, w.nx, w.large);
      sh->prefilled++;
    }
}

/* Gives VCPU's guest the page fault its own tables explain, at LINEAR
   with error code ERROR.  A page fault while the CPU was delivering
   another page fault or a contributory exception is a double fault, as
   on the CPU; one while delivering a double fault ends the VM. */
static enum exit_action
shadow_reflect (struct vcpu *vcpu, uint32_t linear, uint32_t error)
{
  uint64_t info = vcpu->vmcb->control.exit_int_info;
  unsigned vector = info & EVENT_VECTOR_MASK;

  vcpu->shadow->reflected++;
  vcpu->vmcb->save.cr2 = linear;
  if ((info & EVENT_VALID) && (info & EVENT_TYPE_MASK) == EVENT_TYPE_EXCEPT)
    {
      if (vector == VEC_DF)
        return vm_fail (vcpu->vm, "triple fault (a page fault while "
                        "delivering a double fault)");
      if (vector == 0 || (vector >= 10 && vector <= VEC_PF))
        {
          vcpu_inject_exception (vcpu, VEC_DF, true, 0);
          return EXIT_RESUME;
        }
    }
  vcpu_inject_exception (vcpu, VEC_PF, true, error);
  return EXIT_RESUME;
}

/* Returns true if VCPU's page fault can be handled on the CPU it ran
   on (hv/exit.c, exit_needs_host): its guest's tables and the page
   they lead to all have host pages, so handling it allocates nothing
   and prints nothing.  A fault on MMIO, or one that would make a
   double fault, goes to the boot CPU. */
bool
shadow_fault_anywhere (struct vcpu *vcpu)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  struct gmem_walk w;
  enum gmem_walk_result r = shadow_walk (vcpu, c->exit_info2, false, &w);

  if (c->exit_int_info & EVENT_VALID)
    return false;
  if (r == GMEM_WALK_NOT_PRESENT)
    return true;
  if (r != GMEM_WALK_OK)
    return false;
  if (!walk_allows (vcpu, &w, c->exit_info1))
    return true;
  return (w.gpa < vcpu->vm->ram_size
          && gmem_page (vcpu->vm, w.gpa, false) != NULL);
}

/* #PF: EXITINFO1 is the error code, EXITINFO2 the faulting address.
   The shadow lacked the translation (or allowed less than the access
   wanted); the guest's tables decide whose fault it is. */
enum exit_action
exit_page_fault (struct vcpu *vcpu)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  struct vm *vm = vcpu->vm;
  uint32_t linear = c->exit_info2;
  uint32_t error = c->exit_info1;
  struct gmem_walk w;

  if (vcpu->shadow == NULL || (error & PF_RSVD))
    {
      vcpu_dump (vcpu);
      return vm_fail (vm, "hv bug: %s at %#"PRIx32" (error %#"PRIx32")",
                      vcpu->shadow == NULL
                      ? "page fault intercepted under nested paging"
                      : "reserved bit in a shadow entry", linear, error);
    }

  enum gmem_walk_result r = shadow_walk (vcpu, linear, true, &w);
  if (r == GMEM_WALK_OUTSIDE && w.table <= UINT32_MAX
      && npf_mmio_name (w.table) != NULL)
    return vm_fail (vm, "its page-table walk reached the %s at %#"PRIx32
                    " (only data accesses are emulated)",
                    npf_mmio_name (w.table), (uint32_t) w.table & ~PGMASK);
  if (r == GMEM_WALK_OUTSIDE)
    return vm_fail (vm, "its page tables for %#"PRIx32" lead outside its "
                    "memory", linear);
  if (r == GMEM_WALK_HOST)
    return vm_fail (vm, "out of host memory for its page tables: %s",
                    vm->reclaim.short_why);
  if (r == GMEM_WALK_NOT_PRESENT)
    return shadow_reflect (vcpu, linear, error & (PF_W | PF_U | PF_I));
  if (!walk_allows (vcpu, &w, error))
    return shadow_reflect (vcpu, linear,
                           PF_P | (error & (PF_W | PF_U | PF_I)));

  /* The guest's tables allow it: set the bits the CPU would have. */
  bool write = error & PF_W;
  for (unsigned i = 0; i < w.entry_cnt; i++)
    __atomic_fetch_or (w.entries[i], G_A, __ATOMIC_RELAXED);
  if (write && w.entry_cnt > 0)
    {
      __atomic_fetch_or (w.entries[w.entry_cnt - 1], G_D, __ATOMIC_RELAXED);
      w.dirty = true;
    }

  if (w.gpa >= vm->ram_size)
    {
      if (npf_mmio_name (w.gpa) != NULL)
        return npf_emulate_mmio_at (vcpu, w.gpa, error & PF_I);
      return vm_fail (vm, "%s guest-physical %#"PRIx32", outside its memory",
                      error & PF_I ? "executed at"
                      : write ? "wrote to" : "read from", w.gpa);
    }
  void *page = npt_translate (vm, w.gpa);
  if (page == NULL)
    return vm_fail (vm, "out of host memory for guest RAM at %#"PRIx32": %s",
                    w.gpa, vm->reclaim.short_why);

  /* Writable only once dirty, so the first write comes here to set the
     dirty bit.  A kernel write to a read-only page under CR0.WP = 0 is
     allowed, but then the shadow keeps ring 3 out, which would not be
     allowed to write. */
  bool writable = w.writable && w.dirty;
  bool user = w.user;
  if (write && !w.writable)
    {
      writable = true;
      user = false;
    }
  shadow_fill (vcpu, linear, vtop (pg_round_down (page)), writable, user,
               w.nx, w.large);
  return EXIT_RESUME;
}

/* Drops VCPU's shadow translation of LINEAR, and all of the large
   guest page it was part of, if it was. */
static void
shadow_invalidate (struct vcpu *vcpu, uint32_t linear)
{
  struct shadow *sh = vcpu->shadow;
  unsigned slot = linear >> SLOT_SHIFT;
  /* A 4 MiB page of 2-level tables covers two slots. */
  unsigned pair = slot ^ (sh->cr4 & CR4_PAE ? 0 : 1);
  bool large = (sh->large[slot / 32] | sh->large[pair / 32])
               & ((1u << (slot % 32)) | (1u << (pair % 32)));

  if (large)
    {
      unsigned slots[2] = { slot, pair };
      for (unsigned i = 0; i < 2; i++)
        {
          uint64_t *pt = shadow_table (sh, slots[i]);
          if (pt != NULL)
            memset (pt, 0, PGSIZE);
          sh->large[slots[i] / 32] &= ~(1u << (slots[i] % 32));
        }
    }
  else
    {
      uint64_t *pt = shadow_table (sh, slot);
      if (pt != NULL)
        pt[(linear >> PGBITS) & 511] = 0;
    }
  sh->invlpgs++;
  vcpu->flush_tlb = true;
}

/* Returns the base of the segment that prefix byte PREFIX overrides
   to, in VCPU's guest. */
static uint32_t
segment_base (const struct vcpu *vcpu, uint8_t prefix)
{
  const struct vmcb_save *s = &vcpu->vmcb->save;
  switch (prefix)
    {
    case 0x26: return s->es.base;
    case 0x2e: return s->cs.base;
    case 0x36: return s->ss.base;
    case 0x64: return s->fs.base;
    case 0x65: return s->gs.base;
    default: return s->ds.base;
    }
}

/* Reads a little-endian 32-bit displacement at P. */
static uint32_t
read_disp32 (const uint8_t *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t) p[3] << 24;
}

/* Computes the offset the memory operand at MODRM names (32-bit
   addressing, its bytes already checked present), and whether it is
   on the stack segment by default (based on ESP or EBP). */
static uint32_t
modrm_offset (const struct vcpu *vcpu, const uint8_t *modrm, bool *stack)
{
  unsigned mod = x86_modrm_mod (*modrm), rm = x86_modrm_rm (*modrm);
  const uint8_t *p = modrm + 1;
  uint32_t offset = 0;
  unsigned base = rm;

  *stack = false;
  if (rm == 4)
    {
      uint8_t sib = *p++;
      unsigned index = (sib >> 3) & 7;
      base = sib & 7;
      if (index != REG_ESP)
        offset += vcpu_get_reg (vcpu, index) << (sib >> 6);
    }
  if (mod == 0 && base == REG_EBP)
    {
      offset += read_disp32 (p);
      return offset;
    }
  offset += vcpu_get_reg (vcpu, base);
  *stack = base == REG_ESP || base == REG_EBP;
  if (mod == 1)
    offset += (int8_t) *p;
  else if (mod == 2)
    offset += read_disp32 (p);
  return offset;
}

/* INVLPG m: the guest drops its translation of one linear address.
   Without decode assists the CPU does not say which, so the hv
   decodes the instruction (0F 01 /7, any addressing form). */
enum exit_action
exit_invlpg (struct vcpu *vcpu)
{
  uint8_t insn[DECODE_INSN_MAX];
  size_t len = vcpu_fetch_insn (vcpu, insn);
  struct x86_prefixes prefixes;
  size_t p = x86_read_prefixes (insn, len, &prefixes);
  uint8_t segment = 0;
  size_t operand;

  for (size_t i = 0; i < p; i++)
    if (x86_is_segment_prefix (insn[i]))
      segment = insn[i];
  if (vcpu->shadow == NULL || p + 3 > len || insn[p] != 0x0f
      || insn[p + 1] != 0x01 || x86_modrm_reg (insn[p + 2]) != 7
      || prefixes.address_size
      || (operand = x86_modrm_memory_length (&insn[p + 2], insn + len)) == 0)
    return vm_fail (vcpu->vm, "INVLPG at eip %#"PRIx32" that the hv cannot "
                    "decode", (uint32_t) vcpu->vmcb->save.rip);

  bool stack;
  uint32_t offset = modrm_offset (vcpu, &insn[p + 2], &stack);
  uint32_t base = (segment != 0 ? segment_base (vcpu, segment)
                   : stack ? vcpu->vmcb->save.ss.base
                   : vcpu->vmcb->save.ds.base);
  shadow_invalidate (vcpu, base + offset);
  vcpu_skip_to (vcpu, vcpu->vmcb->save.rip + p + 2 + operand);
  return EXIT_RESUME;
}

/* Loads the CPU's view of VCPU's control registers into its VMCB: the
   guest's, with paging always on, in PAE format, through the shadow.
   WP is always on too, so that read-only shadow entries hold the
   kernel back as well (for the dirty bits). */
static void
shadow_load (struct vcpu *vcpu)
{
  struct shadow *sh = vcpu->shadow;
  struct vmcb_save *s = &vcpu->vmcb->save;

  s->cr0 = sh->cr0 | CR0_PG | CR0_WP;
  s->cr3 = vtop (sh->pdpt);
  s->cr4 = (sh->cr4 & ~(uint32_t) CR4_PSE) | CR4_PAE;
}

/* Returns the guest's value of control register CR (0, 3 or 4). */
uint32_t
shadow_get_cr (const struct vcpu *vcpu, unsigned cr)
{
  const struct shadow *sh = vcpu->shadow;
  return cr == 0 ? sh->cr0 : cr == 3 ? sh->cr3 : sh->cr4;
}

/* Sets the guest's control register CR (0, 3 or 4) to VALUE, which
   hv/cr.c has checked, dropping the shadow when the guest's
   translations change: at every CR3 write (the shadow holds no global
   pages, so it keeps none), and when paging is turned on or off, WP
   changes or the format does. */
void
shadow_set_cr (struct vcpu *vcpu, unsigned cr, uint32_t value)
{
  struct shadow *sh = vcpu->shadow;

  if (cr == 0)
    {
      if ((sh->cr0 ^ value) & CR0_PAGING)
        shadow_flush (vcpu);
      sh->cr0 = value;
    }
  else if (cr == 3)
    {
      /* The kernel pages filled lately that the guest has used since:
         the CPU set the accessed bit of their shadow entries. */
      uint32_t recent[SHADOW_RECENT];
      unsigned cnt = 0;
      for (unsigned i = 0; i < sh->recent_cnt; i++)
        {
          uint32_t linear = sh->recent[i];
          uint64_t *pt = shadow_table (sh, linear >> SLOT_SHIFT);
          if (pt != NULL
              && (pt[(linear >> PGBITS) & 511] & (PTE_P | PTE_A))
                 == (PTE_P | PTE_A))
            recent[cnt++] = linear;
        }
      shadow_flush (vcpu);
      sh->cr3 = value;
      if (sh->cr0 & CR0_PG)
        shadow_prefill (vcpu, recent, cnt);
    }
  else
    {
      if ((sh->cr4 ^ value) & CR4_PAGING)
        shadow_flush (vcpu);
      sh->cr4 = value;
    }
  shadow_load (vcpu);
}

/* Gives VCPU a shadow (its VM runs under shadow paging): the root,
   the four directories and the pool of tables.  Returns false if
   memory is short (shadow_destroy frees what was got). */
bool
shadow_init (struct vcpu *vcpu)
{
  struct shadow *sh = calloc (1, sizeof *sh);

  vcpu->shadow = sh;
  if (sh == NULL || (sh->pdpt = palloc_get_page (PAL_ZERO)) == NULL)
    return false;
  for (unsigned i = 0; i < 4; i++)
    {
      sh->pd[i] = palloc_get_page (PAL_ZERO);
      if (sh->pd[i] == NULL)
        return false;
      sh->pdpt[i] = vtop (sh->pd[i]) | PTE_P;
    }
  for (unsigned i = 0; i < SHADOW_PT_MAX; i++)
    if ((sh->pt[i] = palloc_get_page (0)) == NULL)
      return false;
  vmcb_init_shadow (vcpu->vmcb);
  return true;
}

/* Frees VCPU's shadow, if it has one, even a half-made one. */
void
shadow_destroy (struct vcpu *vcpu)
{
  struct shadow *sh = vcpu->shadow;

  if (sh == NULL)
    return;
  for (unsigned i = 0; i < SHADOW_PT_MAX; i++)
    palloc_free_page (sh->pt[i]);
  for (unsigned i = 0; i < 4; i++)
    palloc_free_page (sh->pd[i]);
  palloc_free_page (sh->pdpt);
  free (sh);
  vcpu->shadow = NULL;
}

/* Takes the control registers vmcb_init_guest has just put in VCPU's
   VMCB as the guest's own, and starts with an empty shadow under
   them. */
void
shadow_reset (struct vcpu *vcpu)
{
  struct shadow *sh = vcpu->shadow;
  const struct vmcb_save *s = &vcpu->vmcb->save;

  sh->cr0 = s->cr0;
  sh->cr3 = s->cr3;
  sh->cr4 = s->cr4;
  sh->epoch = __atomic_load_n (&vcpu->vm->shadow_epoch, __ATOMIC_ACQUIRE);
  shadow_flush (vcpu);
  sh->flushes = 0;
  shadow_load (vcpu);
}

/* Called before VCPU enters its guest: if a page of its VM's RAM has
   lost its host page since the shadow was built (shadow_page_gone),
   the shadow may still point at it, so it starts over. */
void
shadow_before_entry (struct vcpu *vcpu)
{
  struct shadow *sh = vcpu->shadow;
  uint32_t epoch = __atomic_load_n (&vcpu->vm->shadow_epoch,
                                    __ATOMIC_ACQUIRE);
  if (sh->epoch != epoch)
    {
      sh->epoch = epoch;
      shadow_flush (vcpu);
    }
}

/* Tells VM's shadows that a page of its RAM lost its host page (it was
   given back or evicted): each drops everything before it next runs. */
void
shadow_page_gone (struct vm *vm)
{
  __atomic_add_fetch (&vm->shadow_epoch, 1, __ATOMIC_RELEASE);
}

/* Prints what VM's shadows did, summed over its VCPUs, if it ran
   under shadow paging. */
void
shadow_print_stats (const struct vm *vm)
{
  uint64_t fills = 0, reflected = 0, flushes = 0, full = 0, invlpgs = 0;
  uint64_t prefilled = 0;

  if (!vm->shadow_paging)
    return;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      const struct shadow *sh = vm->vcpus[i].shadow;
      if (sh == NULL)
        continue;
      fills += sh->fills;
      reflected += sh->reflected;
      flushes += sh->flushes;
      full += sh->full;
      invlpgs += sh->invlpgs;
      prefilled += sh->prefilled;
    }
  printf ("hv: vm %d shadow paging: %"PRIu64" entries filled (%"PRIu64
          " at CR3 writes), %"PRIu64" faults passed to the guest, %"PRIu64
          " flushes (%"PRIu64" when full), %"PRIu64" INVLPGs\n", vm->id,
          fills, prefilled, reflected, flushes, full, invlpgs);
}
