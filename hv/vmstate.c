/* A VM's state as records (hv/vmstate.h): taking a paused VM's VCPUs
   and devices out, checking records that came from outside, putting
   them into a VM that has not started, copying guest memory page by
   page; and with them the vmctl operation CLONE, a second VM in a
   paused VM's state.  Snapshots (hv/snapshot.c) write and read the
   same records, live migration (hv/migrate.c) copies them from VM to
   VM.  docs/hv.md section 13 tells what a VM's state is.

   Records may come from a file a user handed RESTORE: every field of
   one is checked before the hv uses it (indexes into the devices'
   arrays, transfers within a disk, the guest's control registers), so
   that a forged record can at worst make a guest that the CPU refuses
   to run: its VM is killed, nothing else. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "hv/vmstate.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/malloc.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* ---- VCPUs ---- */

/* Takes VCPU's state, which is stopped, into R; its vtimer's next
   expiry as ticks from host tick NOW (expiries due by NOW counted
   first, as pending). */
void
vmstate_take_vcpu (struct vcpu *vcpu, int64_t now, struct vmstate_vcpu *r)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;

  vdev_vtimer_update (vcpu);    /* Expiries due by now are pending. */

  memset (r, 0, sizeof *r);
  r->save = vcpu->vmcb->save;
  r->save.cr0 = vcpu_guest_cr (vcpu, 0);
  r->save.cr3 = vcpu_guest_cr (vcpu, 3);
  r->save.cr4 = vcpu_guest_cr (vcpu, 4);
  r->int_ctl = c->int_ctl;
  r->int_vector = c->int_vector;
  r->int_state = c->int_state;
  r->event_inj = c->event_inj;
  r->vintr = (c->intercept_misc1 & INTERCEPT_VINTR) != 0;
  r->gpr[0] = vcpu->regs.ebx;
  r->gpr[1] = vcpu->regs.ecx;
  r->gpr[2] = vcpu->regs.edx;
  r->gpr[3] = vcpu->regs.esi;
  r->gpr[4] = vcpu->regs.edi;
  r->gpr[5] = vcpu->regs.ebp;
  memcpy (r->fpu, vcpu->regs.fpu_guest, FPU_IMAGE_SIZE);
  memcpy (r->dr, vcpu->dr, sizeof r->dr);
  r->dr7 = vcpu->dr7;
  r->vtimer = vcpu->vtimer;
  if (r->vtimer.period != 0)
    r->vtimer.next -= now;
  memcpy (r->ipi_pending, vcpu->ipi_pending, sizeof r->ipi_pending);
  r->pic_offered = vcpu->pic_offered;
  r->pic_redeliver = vcpu->pic_redeliver;
  r->pic_offer_rip = vcpu->pic_offer_rip;
  r->pic_offer_open = vcpu->pic_offer_open;
  const struct vsched_vcpu *s = &vcpu->sched;
  r->state = s->state == VCPU_PAUSED ? s->paused_from : s->state;
}

/* Returns why R cannot be a VCPU's state, or a null pointer. */
const char *
vmstate_check_vcpu (const struct vmstate_vcpu *r)
{
  if (r->state != VCPU_DOWN && r->state != VCPU_RUNNABLE
      && r->state != VCPU_BLOCKED)
    return "a VCPU in an impossible scheduling state";
  if (!cr_cr0_valid (r->save.cr0) || !cr_cr4_valid (r->save.cr4))
    return "a VCPU's CR0 or CR4 holds bits the CPU refuses";
  if ((r->save.efer & ~(uint64_t) (EFER_SVME | EFER_NXE))
      || !(r->save.efer & EFER_SVME))
    return "a VCPU's EFER holds bits a guest cannot have";
  if (r->pic_offered < -1 || r->pic_offered > 255
      || r->pic_redeliver < -1 || r->pic_redeliver > 255)
    return "a VCPU's interrupt state is out of range";
  if (r->vtimer.period != 0 && r->vtimer.next < 0)
    return "a VCPU's timer is due before the snapshot";
  return NULL;
}

/* Puts R, checked, into VCPU of a VM not started: its VMCB's guest
   state (its own control fields stay, but for the interrupt state),
   registers, FPU, timer and interrupts, its shadow starting afresh.
   The VCPU stays out of the scheduler: PAUSED, or DOWN. */
void
vmstate_put_vcpu (struct vcpu *vcpu, const struct vmstate_vcpu *r)
{
  struct vmcb_control *c = &vcpu->vmcb->control;
  struct vmcb_save *s = &vcpu->vmcb->save;

  *s = r->save;
  c->int_ctl = (r->int_ctl & (V_IRQ | V_TPR_MASK | (0xfu << V_INTR_PRIO_SHIFT)
                              | V_IGN_TPR)) | V_INTR_MASKING;
  c->int_vector = r->int_vector & 0xff;
  c->int_state = r->int_state & INT_STATE_SHADOW;
  c->event_inj = r->event_inj;
  if (r->vintr)
    c->intercept_misc1 |= INTERCEPT_VINTR;
  else
    c->intercept_misc1 &= ~INTERCEPT_VINTR;
  vcpu->regs.ebx = r->gpr[0];
  vcpu->regs.ecx = r->gpr[1];
  vcpu->regs.edx = r->gpr[2];
  vcpu->regs.esi = r->gpr[3];
  vcpu->regs.edi = r->gpr[4];
  vcpu->regs.ebp = r->gpr[5];
  memcpy (vcpu->regs.fpu_guest, r->fpu, FPU_IMAGE_SIZE);
  memcpy (vcpu->dr, r->dr, sizeof vcpu->dr);
  vcpu->dr7 = r->dr7;
  vcpu->vtimer = r->vtimer;     /* NEXT: vm_resume_vm adds the tick. */
  memcpy (vcpu->ipi_pending, r->ipi_pending, sizeof vcpu->ipi_pending);
  vcpu->pic_offered = r->pic_offered;
  vcpu->pic_redeliver = r->pic_redeliver;
  vcpu->pic_offer_rip = r->pic_offer_rip;
  vcpu->pic_offer_open = r->pic_offer_open != 0;
  if (vcpu->shadow != NULL)
    shadow_reset (vcpu);        /* Takes CR0, CR3, CR4 from the VMCB. */
  vcpu->flush_tlb = true;
  if (r->state == VCPU_DOWN)
    vcpu->sched.state = VCPU_DOWN;
  else
    {
      vcpu->sched.state = VCPU_PAUSED;
      vcpu->sched.paused_from = r->state;
    }
}

/* ---- Devices ---- */

/* Takes VM's devices' state into R. */
void
vmstate_take_devices (const struct vm *vm, struct vmstate_devices *r)
{
  memset (r, 0, sizeof *r);
  r->console = vm->console;
  r->vga = vm->vga;
  r->serial = vm->serial;
  r->pic = vm->pic;
  r->pit = vm->pit;
  r->rtc = vm->rtc;
  r->kbc = vm->kbc;
  r->power = vm->power;
  r->ide = vm->ide;
  for (unsigned c = 0; c < VDEV_IDE_CHANNELS; c++)
    for (unsigned u = 0; u < VDEV_IDE_UNITS; u++)
      r->ide.channel[c].drive[u].store = NULL;
  r->tsc_offset = vm->tsc_offset;
  r->ioio_unknown = vm->ioio_unknown;
}

/* Returns why R cannot be the devices' state of VM (whose disks are
   attached), or a null pointer. */
const char *
vmstate_check_devices (const struct vm *vm, const struct vmstate_devices *r)
{
  if (r->console.len >= VDEV_CONSOLE_LINE)
    return "the console's line is longer than its buffer";
  if (r->kbc.head >= VDEV_KBC_QUEUE || r->kbc.count > VDEV_KBC_QUEUE)
    return "the keyboard controller's queue is out of range";
  if (r->rtc.index >= sizeof r->rtc.cmos)
    return "the clock's register index is out of range";
  for (unsigned i = 0; i < 2; i++)
    if (r->pic.chip[i].priority_low > 7 || r->pic.chip[i].icw_step > 4)
      return "an interrupt controller's state is out of range";
  for (unsigned i = 0; i < 3; i++)
    {
      const struct vdev_pit_channel *ch = &r->pit.ch[i];
      if (ch->mode > 7 || ch->access < 1 || ch->access > 3
          || ch->reload < 1 || ch->reload > 65536 || ch->latch_bytes > 2)
        return "a timer channel's state is out of range";
    }
  for (unsigned c = 0; c < VDEV_IDE_CHANNELS; c++)
    {
      const struct vdev_ide_channel *ch = &r->ide.channel[c];
      for (unsigned u = 0; u < VDEV_IDE_UNITS; u++)
        if (ch->drive[u].present != vm->ide.channel[c].drive[u].present
            || (ch->drive[u].present
                && ch->drive[u].sectors != vm->ide.channel[c].drive[u].sectors))
          return "its disks differ from the disks attached";
      if (ch->xfer == VDEV_IDE_XFER_NONE)
        continue;
      if (ch->xfer > VDEV_IDE_XFER_OUT || ch->xfer_unit >= VDEV_IDE_UNITS
          || ch->pos >= VDEV_IDE_SECTOR
          || !ch->drive[ch->xfer_unit].present
          || ch->xfer_lba > ch->drive[ch->xfer_unit].sectors
          || ch->xfer_left > ch->drive[ch->xfer_unit].sectors - ch->xfer_lba)
        return "a disk transfer is outside its disk";
    }
  return NULL;
}

/* Puts R, checked, into VM's devices; the disks stay the ones VM has
   attached. */
void
vmstate_put_devices (struct vm *vm, const struct vmstate_devices *r)
{
  struct vdev_ide attached = vm->ide;
  vm->console = r->console;
  vm->vga = r->vga;
  vm->serial = r->serial;
  vm->pic = r->pic;
  vm->pit = r->pit;
  vm->rtc = r->rtc;
  vm->kbc = r->kbc;
  vm->power = r->power;
  vm->ide = r->ide;
  for (unsigned c = 0; c < VDEV_IDE_CHANNELS; c++)
    for (unsigned u = 0; u < VDEV_IDE_UNITS; u++)
      {
        struct vdev_ide_drive *d = &vm->ide.channel[c].drive[u];
        const struct vdev_ide_drive *a = &attached.channel[c].drive[u];
        d->store = a->store;
        d->first = a->first;
        strlcpy (d->file, a->file, sizeof d->file);
      }
  vm->tsc_offset = r->tsc_offset;
  vm->ioio_unknown = r->ioio_unknown;
}

/* ---- Memory ---- */

/* Copies guest page GPA of SRC into KPAGE: from its host page, or
   from swap.  Returns false if SRC never touched it. */
bool
vmstate_take_page (struct vm *src, uint32_t gpa, void *kpage)
{
  const void *page = pagedir_get_page (src->npt, (void *) (uintptr_t) gpa);
  if (page != NULL)
    {
      memcpy (kpage, page, PGSIZE);
      return true;
    }
  if (src->reclaim.slot != NULL && src->reclaim.slot[gpa / PGSIZE] != 0)
    {
      reclaim_swap_read (src, gpa / PGSIZE, kpage);
      return true;
    }
  return false;
}

/* Returns true if SRC has contents for guest page GPA. */
bool
vmstate_has_page (struct vm *src, uint32_t gpa)
{
  return (pagedir_get_page (src->npt, (void *) (uintptr_t) gpa) != NULL
          || (src->reclaim.slot != NULL
              && src->reclaim.slot[gpa / PGSIZE] != 0));
}

/* Copies page GPA from SRC to DST (hv/hv.h).  SRC may be running
   (live migration): reading its page from swap sleeps, and meanwhile
   the page may come back from swap, freeing the slot; then it is read
   again from where it is now.  A page SRC has no contents for any
   more (given back by its balloon since an earlier copy) goes from
   DST too, so that it reads as zeros there as well. */
bool
vmstate_copy_page (struct vm *dst, struct vm *src, uint32_t gpa)
{
  gpa &= ~PGMASK;
  if (gpa >= src->ram_size || gpa >= dst->ram_size)
    return true;
  uint32_t no = gpa / PGSIZE;
  for (;;)
    {
      const void *from = pagedir_get_page (src->npt, (void *) (uintptr_t) gpa);
      uint32_t slot = src->reclaim.slot[no];
      if (from == NULL && slot == 0)
        {
          reclaim_drop (dst, no);
          return true;
        }
      uint8_t *to = npt_translate (dst, gpa);
      if (to == NULL)
        return false;
      if (from != NULL)
        {
          memcpy (to, from, PGSIZE);
          return true;
        }
      gswap_read (slot - 1, to);
      if (src->reclaim.slot[no] == slot)
        return true;
    }
}

/* ---- Whole machines ---- */

/* Records the clocks of SRC, paused, in DST, about to continue it. */
static void
clocks_copy (struct vm *dst, const struct vm *src)
{
  dst->saved_ns = vdev_host_ns (src);
  dst->saved_ticks = timer_ticks () - src->start_tick;
  dst->saved_tsc = msr_guest_tsc (src);
  dst->restored = true;
}

/* Copies everything but memory from SRC to DST (hv/hv.h).  Returns
   false, having changed nothing, if memory for the copy is short. */
bool
vmstate_copy_machine (struct vm *dst, struct vm *src)
{
  struct vmstate_vcpu *r = malloc (sizeof *r);
  struct vmstate_devices *d = malloc (sizeof *d);
  int64_t now = timer_ticks ();

  if (r != NULL && d != NULL)
    {
      for (unsigned i = 0; i < src->vcpu_cnt; i++)
        {
          vmstate_take_vcpu (&src->vcpus[i], now, r);
          vmstate_put_vcpu (&dst->vcpus[i], r);
        }
      vmstate_take_devices (src, d);
      vmstate_put_devices (dst, d);
      clocks_copy (dst, src);
    }
  free (r);
  free (d);
  return r != NULL && d != NULL;
}

/* Claims VM number ID for SAVE, SAVE_SIZE or CLONE, which need it
   paused: returns it, or a null pointer and *STATUS. */
struct vm *
vmstate_claim_paused (int id, int *status)
{
  struct vm *vm = vm_claim (id, status);
  if (vm != NULL && (!vm->started || !vm->sched.paused))
    {
      vm_release (vm);
      *status = VMCTL_ENOTPAUSED;
      return NULL;
    }
  return vm;
}

/* The vmctl operation CLONE. */
int
vm_clone (int id, const char *name)
{
  int status;
  struct vm *src = vmstate_claim_paused (id, &status);
  if (src == NULL)
    return status;
  for (unsigned d = 0; d < VMCTL_DISK_MAX; d++)
    if (src->ide.channel[d / VDEV_IDE_UNITS].drive[d % VDEV_IDE_UNITS].present)
      {
        if (!src->quiet)
          printf ("hv: cannot clone vm %d '%s': two VMs would write one "
                  "disk file\n", src->id, src->name);
        vm_release (src);
        return VMCTL_ESTATE;
      }

  char clone_name[VMCTL_NAME_MAX + 1];
  if (name == NULL)
    {
      strlcpy (clone_name, src->name, sizeof clone_name - 1);
      strlcat (clone_name, "+", sizeof clone_name);
      name = clone_name;
    }
  char why[VMCTL_WHY_MAX + 1];
  struct vm *dst = vm_create_like (src, name, &status, why, sizeof why);
  if (dst == NULL)
    {
      if (!src->quiet)
        printf ("hv: cannot clone vm %d '%s': %s\n", src->id, src->name, why);
      vm_release (src);
      return status;
    }
  bool ok = true;
  for (uint32_t gpa = 0; gpa < src->ram_size && ok; gpa += PGSIZE)
    ok = vmstate_copy_page (dst, src, gpa);
  if (ok)
    ok = vmstate_copy_machine (dst, src);
  vm_release (src);
  if (!ok)
    {
      vm_discard (dst);
      return VMCTL_ENOMEM;
    }
  int new_id = dst->id;
  vm_release (dst);
  return new_id;
}
