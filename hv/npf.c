/* Nested page faults: the guest touched a guest-physical address its
   nested page table does not map, or wrote where it may only read.
   Three cases, by address:
     - guest RAM not yet backed: back it (hv/npt.c) and retry; or
       backed but write-protected while migration logs the pages the
       guest writes: log the page, let writes through, retry;
     - an MMIO hole: decode the instruction (hv/decode.c), let the
       device carry out the access, and move past it;
     - anything else: the guest reached outside its memory, which
       ends the VM (and could never reach another VM or the host). */

#include <debug.h>
#include <inttypes.h>
#include "hv/hv.h"

/* A device register window in guest-physical space. */
struct npf_mmio
  {
    uint32_t base;              /* First address. */
    uint32_t size;              /* Bytes. */
    const char *name;           /* For messages. */
    bool (*access) (struct vcpu *, uint32_t offset, bool write,
                    unsigned size, uint32_t *value);
  };

/* LAB hv: npf */
/* The MMIO holes. */
static const struct npf_mmio npf_mmio_devices[] =
  {
    { HV_VTIMER_BASE, HV_VTIMER_SIZE, "virtual timer", vdev_vtimer_mmio },
  };

/* Returns the MMIO device at GPA, or a null pointer. */
static const struct npf_mmio *
npf_find_mmio (uint32_t gpa)
{
  for (size_t i = 0; i < sizeof npf_mmio_devices / sizeof *npf_mmio_devices;
       i++)
    if (gpa - npf_mmio_devices[i].base < npf_mmio_devices[i].size)
      return &npf_mmio_devices[i];
  return NULL;
}

/* Reads the operand register of MOV: for a byte access, AL...BL or
   AH...BH (REG 4-7 name the high bytes). */
static uint32_t
npf_get_operand (struct vcpu *vcpu, const struct decode_mov *mov)
{
  if (mov->size == 1 && mov->reg >= 4)
    return vcpu_get_reg (vcpu, mov->reg - 4) >> 8;
  return vcpu_get_reg (vcpu, mov->reg);
}

/* Stores VALUE, loaded by MOV, in its destination register, leaving
   the bytes a narrow load does not write. */
static void
npf_set_operand (struct vcpu *vcpu, const struct decode_mov *mov,
                 uint32_t value)
{
  unsigned reg = mov->reg;
  unsigned shift = 0;
  uint32_t mask;

  if (mov->zero_extend || mov->size == 4)
    {
      vcpu_set_reg (vcpu, reg, value);
      return;
    }
  if (mov->size == 1 && reg >= 4)
    {
      reg -= 4;
      shift = 8;
    }
  mask = (mov->size == 1 ? 0xffu : 0xffffu) << shift;
  vcpu_set_reg (vcpu, reg, (vcpu_get_reg (vcpu, reg) & ~mask)
                           | ((value << shift) & mask));
}

/* Emulates the guest's access to MMIO device DEV at GPA. */
static enum exit_action
npf_emulate_mmio (struct vcpu *vcpu, const struct npf_mmio *dev,
                  uint32_t gpa)
{
  uint8_t insn[DECODE_INSN_MAX];
  struct decode_mov mov;
  size_t len = vcpu_fetch_insn (vcpu, insn);

  if (!decode_mov (insn, len, &mov))
    return vm_fail (vcpu->vm, "%s at %#"PRIx32" accessed by an instruction "
                    "the hv cannot emulate (first byte %#x)", dev->name, gpa,
                    len > 0 ? insn[0] : 0);

  uint32_t value = mov.immediate ? mov.imm : npf_get_operand (vcpu, &mov);
  if (!dev->access (vcpu, gpa - dev->base, mov.write, mov.size, &value))
    return vm_fail (vcpu->vm, "bad %u-byte %s of %s register %#"PRIx32,
                    mov.size, mov.write ? "write" : "read", dev->name,
                    gpa - dev->base);
  if (!mov.write)
    npf_set_operand (vcpu, &mov, value);
  vcpu_skip_to (vcpu, vcpu->vmcb->save.rip + mov.length);
  return EXIT_RESUME;
}

/* A nested page fault on DEV's registers at GPA.  Only a data access
   by the instruction at RIP can be emulated: if the CPU was walking
   the guest's page tables (EXITINFO1 bit 33), delivering an event
   (EXITINTINFO valid: the IDT or a stack in MMIO) or fetching code,
   the instruction at RIP did not make this access, and emulating it
   would do the wrong thing.  Those end the VM. */
static enum exit_action
npf_mmio (struct vcpu *vcpu, const struct npf_mmio *dev, uint32_t gpa)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  const char *what = NULL;

  if (c->exit_info1 & NPF_GUEST_WALK)
    what = "its page-table walk";
  else if (c->exit_int_info & EVENT_VALID)
    what = "event delivery";
  else if (c->exit_info1 & NPF_FETCH)
    what = "a code fetch";
  if (what == NULL)
    return npf_emulate_mmio (vcpu, dev, gpa);
  return vm_fail (vcpu->vm, "%s reached the %s at %#"PRIx32" (only data "
                  "accesses are emulated)", what, dev->name, gpa);
}

/* Returns the name of the device whose MMIO hole holds guest-physical
   GPA, or a null pointer if none does. */
const char *
npf_mmio_name (uint32_t gpa)
{
  const struct npf_mmio *dev = npf_find_mmio (gpa);
  return dev != NULL ? dev->name : NULL;
}

/* Emulates the access to MMIO at GPA that the instruction at VCPU's
   RIP made, as a shadow page fault reports it (hv/shadow.c): FETCH
   if the CPU was fetching code there.  The same rules as for a nested
   page fault: only a data access by that instruction, outside event
   delivery, can be emulated. */
enum exit_action
npf_emulate_mmio_at (struct vcpu *vcpu, uint32_t gpa, bool fetch)
{
  const struct npf_mmio *dev = npf_find_mmio (gpa);
  const char *what = NULL;

  ASSERT (dev != NULL);
  if (vcpu->vmcb->control.exit_int_info & EVENT_VALID)
    what = "event delivery";
  else if (fetch)
    what = "a code fetch";
  if (what == NULL)
    return npf_emulate_mmio (vcpu, dev, gpa);
  return vm_fail (vcpu->vm, "%s reached the %s at %#"PRIx32" (only data "
                  "accesses are emulated)", what, dev->name, gpa);
}

/* NPF: EXITINFO2 is the guest-physical address, EXITINFO1 a page-fault
   error code (bit 1: write, bit 4: instruction fetch) and where the
   fault happened (bit 32: the access, bit 33: the guest's table
   walk). */
enum exit_action
exit_npf (struct vcpu *vcpu)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  struct vm *vm = vcpu->vm;
  uint64_t gpa = c->exit_info2;
  const struct npf_mmio *dev;

  if (gpa < vm->ram_size)
    {
      /* A write to a page that dirty logging protects (hv/npt.c): the
         page is marked dirty and the same instruction runs again, this
         time writing.  The TLB may still hold the read-only entry. */
      if ((c->exit_info1 & (NPF_PRESENT | NPF_WRITE))
          == (NPF_PRESENT | NPF_WRITE) && npt_log_fault (vm, gpa))
        {
          vcpu->flush_tlb = true;
          return EXIT_RESUME;
        }
      /* Otherwise guest RAM is mapped writable and user-accessible once
         backed, so a fault on a backed page would repeat for ever. */
      if (c->exit_info1 & NPF_PRESENT)
        {
          vcpu_dump (vcpu);
          return vm_fail (vm, "nested page fault on backed RAM at %#"PRIx64,
                          gpa);
        }
      /* Backs the page: with zeros on first touch, or with what it
         held before it went to swap (hv/reclaim.c). */
      if (npt_translate (vm, gpa) == NULL)
        return vm_fail (vm, "out of host memory for guest RAM at %#"PRIx64
                        ": %s", gpa, vm->reclaim.short_why);
      return EXIT_RESUME;
    }
  if (gpa <= UINT32_MAX && (dev = npf_find_mmio (gpa)) != NULL)
    return npf_mmio (vcpu, dev, gpa);
  return vm_fail (vm, "%s guest-physical %#"PRIx64", outside its memory",
                  c->exit_info1 & NPF_FETCH ? "executed at"
                  : c->exit_info1 & NPF_WRITE ? "wrote to" : "read from",
                  gpa);
}
/* STUB:
const char *
npf_mmio_name (uint32_t gpa UNUSED)
{
  return NULL;
}

enum exit_action
npf_emulate_mmio_at (struct vcpu *vcpu, uint32_t gpa UNUSED,
                     bool fetch UNUSED)
{
  return vm_fail (vcpu->vm, "MMIO is not emulated yet");
}

enum exit_action
exit_npf (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "nested page faults are not handled yet");
}
*/
/* END LAB */
