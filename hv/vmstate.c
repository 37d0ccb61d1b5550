/* A VM's state as data: taking a paused VM's VCPUs and devices out as
   records, checking records that came from outside and putting them
   into another VM, copying guest memory page by page, and on top of
   that the vmctl operations SAVE (a snapshot, written to a stream),
   RESTORE (a snapshot read back into a new VM) and CLONE (a second
   VM with the same state).  Live migration (hv/migrate.c) uses the
   same pieces.  docs/hv.md section 13 describes the stream's format.

   A snapshot file is input from outside: a user may hand RESTORE any
   file.  So every record carries a CRC-32 of its bytes, and every
   field of a record is checked before the hv uses it (indexes into
   the devices' arrays, transfers within a disk, the guest's control
   registers), so that a forged snapshot can at worst make a guest
   that the CPU refuses to run: its VM is killed, nothing else. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/malloc.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* The stream (docs/hv.md, 13.3): a header record, one record per
   VCPU, a devices record, one record per guest page that has
   contents, and an end record.  Each record is a struct
   vmstate_record followed by SIZE bytes whose CRC-32 is CRC. */
#define VMSTATE_MAGIC 0x53534c52u       /* "RLSS" in memory order. */
#define VMSTATE_VERSION 1

enum vmstate_type
  {
    REC_HEADER = 1,
    REC_VCPU,
    REC_DEVICES,
    REC_PAGE,
    REC_END
  };

struct vmstate_record
  {
    uint32_t magic;             /* VMSTATE_MAGIC. */
    uint32_t type;              /* enum vmstate_type. */
    uint32_t size;              /* Bytes that follow. */
    uint32_t crc;               /* Their CRC-32. */
  };

/* What a VM is: enough to make an empty one like it. */
struct vmstate_header
  {
    uint32_t version;           /* VMSTATE_VERSION. */
    uint32_t vcpu_size;         /* sizeof (struct vmstate_vcpu)... */
    uint32_t devices_size;      /* ...and of struct vmstate_devices: a
                                   different hv build may not match. */
    char name[VMCTL_NAME_MAX + 1];
    uint32_t ram_size;          /* Bytes of guest RAM. */
    uint32_t vcpu_cnt;
    uint32_t shadow;            /* 1: shadow paging. */
    uint32_t tdf;
    uint32_t weight, cap;
    uint32_t console_prefix;
    char disk[VMCTL_DISK_MAX][VDEV_IDE_FILE_MAX + 1]; /* "" = none. */
    uint64_t host_ns;           /* Its clocks when it was saved. */
    int64_t ticks;
    uint64_t guest_tsc;
    uint32_t page_cnt;          /* Page records that follow. */
  };

/* One VCPU. */
struct vmstate_vcpu
  {
    struct vmcb_save save;      /* CR0, CR3 and CR4 the guest's own. */
    uint32_t int_ctl;           /* V_IRQ, V_TPR, V_INTR_PRIO... */
    uint32_t int_vector;
    uint64_t int_state;         /* Interrupt shadow. */
    uint64_t event_inj;         /* An event injected at the next entry. */
    uint32_t vintr;             /* 1: the VINTR exit is wanted. */
    uint32_t gpr[6];            /* EBX, ECX, EDX, ESI, EDI, EBP. */
    uint8_t fpu[FPU_IMAGE_SIZE];
    uint32_t dr[4], dr7;
    struct vdev_vtimer vtimer;  /* NEXT counts ticks from the save. */
    uint32_t ipi_pending[8];
    int32_t pic_offered, pic_redeliver;
    uint32_t pic_offer_rip;
    uint32_t pic_offer_open;
    uint32_t state;             /* VCPU_DOWN, VCPU_RUNNABLE or VCPU_BLOCKED. */
  };

/* The devices, with the IDE drives' host pointers cleared. */
struct vmstate_devices
  {
    struct vdev_console console;
    struct vdev_vga vga;
    struct vdev_serial serial;
    struct vdev_pic pic;
    struct vdev_pit pit;
    struct vdev_rtc rtc;
    struct vdev_kbc kbc;
    struct vdev_power power;
    struct vdev_ide ide;
    uint64_t tsc_offset;
    uint32_t ioio_unknown;
  };

/* A page record's contents. */
struct vmstate_page
  {
    uint32_t gpa;
    uint8_t data[PGSIZE];
  };

/* The end record: how many records came before it. */
struct vmstate_end
  {
    uint32_t records;
  };

/* ---- CRC-32 (the polynomial of Ethernet and zip, reflected) ---- */

/* Returns the CRC-32 of SIZE bytes at DATA, continuing from CRC (0 to
   start). */
static uint32_t
crc32_update (uint32_t crc, const void *data, size_t size)
{
  const uint8_t *p = data;
  crc = ~crc;
  while (size-- > 0)
    {
      crc ^= *p++;
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

/* ---- VCPUs ---- */

/* Takes VCPU's state, which is stopped, into R; its vtimer's next
   expiry as ticks from host tick NOW (expiries due by NOW counted
   first, as pending). */
static void
vcpu_take (struct vcpu *vcpu, int64_t now, struct vmstate_vcpu *r)
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
static const char *
vcpu_check (const struct vmstate_vcpu *r)
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
static void
vcpu_put (struct vcpu *vcpu, const struct vmstate_vcpu *r)
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
static void
devices_take (const struct vm *vm, struct vmstate_devices *r)
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
static const char *
devices_check (const struct vm *vm, const struct vmstate_devices *r)
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
static void
devices_put (struct vm *vm, const struct vmstate_devices *r)
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
static bool
page_take (struct vm *src, uint32_t gpa, void *kpage)
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
static bool
page_has (struct vm *src, uint32_t gpa)
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
          vcpu_take (&src->vcpus[i], now, r);
          vcpu_put (&dst->vcpus[i], r);
        }
      devices_take (src, d);
      devices_put (dst, d);
      clocks_copy (dst, src);
    }
  free (r);
  free (d);
  return r != NULL && d != NULL;
}

/* ---- The stream ---- */

/* Bytes a record of SIZE bytes takes in the stream. */
#define REC_BYTES(SIZE) (sizeof (struct vmstate_record) + (SIZE))

/* Writes a record of type TYPE holding A_SIZE bytes at A and then
   B_SIZE at B (B may be null) to STREAM, and counts it in *RECORDS.
   Returns false if the stream refused it. */
static bool
rec_write (const struct vmctl_stream *stream, enum vmstate_type type,
           const void *a, size_t a_size, const void *b, size_t b_size,
           uint32_t *records)
{
  struct vmstate_record rec;
  rec.magic = VMSTATE_MAGIC;
  rec.type = type;
  rec.size = a_size + b_size;
  rec.crc = crc32_update (crc32_update (0, a, a_size), b, b_size);
  (*records)++;
  return (stream->write (stream->aux, &rec, sizeof rec)
          && stream->write (stream->aux, a, a_size)
          && (b_size == 0 || stream->write (stream->aux, b, b_size)));
}

/* Reads a record of type TYPE from STREAM: A_SIZE bytes into A, then
   B_SIZE into B, checking its framing and its CRC, and counts it in
   *RECORDS.  Returns a null pointer, or what is wrong. */
static const char *
rec_read (const struct vmctl_stream *stream, enum vmstate_type type,
          void *a, size_t a_size, void *b, size_t b_size, uint32_t *records)
{
  struct vmstate_record rec;
  if (!stream->read (stream->aux, &rec, sizeof rec))
    return "it ends early (truncated)";
  if (rec.magic != VMSTATE_MAGIC)
    return (*records == 0 ? "not a snapshot (no snapshot header)"
            : "a record's header is damaged");
  if (rec.type != type || rec.size != a_size + b_size)
    return (*records == 0 ? "not a snapshot this hv can read"
            : "records are missing or out of order");
  if (!stream->read (stream->aux, a, a_size)
      || (b_size != 0 && !stream->read (stream->aux, b, b_size)))
    return "it ends early (truncated)";
  if (crc32_update (crc32_update (0, a, a_size), b, b_size) != rec.crc)
    return "a record's checksum does not match (the file is damaged)";
  (*records)++;
  return NULL;
}

/* Counts the guest pages VM has contents for. */
static uint32_t
count_pages (struct vm *vm)
{
  uint32_t cnt = 0;
  for (uint32_t gpa = 0; gpa < vm->ram_size; gpa += PGSIZE)
    cnt += page_has (vm, gpa);
  return cnt;
}

/* Claims VM number ID for SAVE, SAVE_SIZE or CLONE, which need it
   paused: returns it, or a null pointer and *STATUS. */
static struct vm *
claim_paused (int id, int *status)
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

/* The bytes SAVE writes for VM with PAGE_CNT pages of contents. */
static uint64_t
save_bytes (const struct vm *vm, uint32_t page_cnt)
{
  return (REC_BYTES (sizeof (struct vmstate_header))
          + vm->vcpu_cnt * (uint64_t) REC_BYTES (sizeof (struct vmstate_vcpu))
          + REC_BYTES (sizeof (struct vmstate_devices))
          + page_cnt * (uint64_t) REC_BYTES (sizeof (uint32_t) + PGSIZE)
          + REC_BYTES (sizeof (struct vmstate_end)));
}

/* The vmctl operation SAVE_SIZE. */
int
vm_save_size (int id, uint64_t *size)
{
  int status;
  struct vm *vm = claim_paused (id, &status);
  if (vm == NULL)
    return status;
  *size = save_bytes (vm, count_pages (vm));
  vm_release (vm);
  return VMCTL_OK;
}

/* Fills in H for VM, with PAGE_CNT pages. */
static void
header_take (const struct vm *vm, uint32_t page_cnt, struct vmstate_header *h)
{
  memset (h, 0, sizeof *h);
  h->version = VMSTATE_VERSION;
  h->vcpu_size = sizeof (struct vmstate_vcpu);
  h->devices_size = sizeof (struct vmstate_devices);
  strlcpy (h->name, vm->name, sizeof h->name);
  h->ram_size = vm->ram_size;
  h->vcpu_cnt = vm->vcpu_cnt;
  h->shadow = vm->shadow_paging;
  h->tdf = vm->tdf;
  h->weight = vm->sched.weight;
  h->cap = vm->sched.cap;
  h->console_prefix = vm->console_prefix;
  for (unsigned d = 0; d < VMCTL_DISK_MAX; d++)
    {
      const struct vdev_ide_drive *drive
        = &vm->ide.channel[d / VDEV_IDE_UNITS].drive[d % VDEV_IDE_UNITS];
      if (drive->present)
        strlcpy (h->disk[d], drive->file, sizeof h->disk[d]);
    }
  h->host_ns = vdev_host_ns (vm);
  h->ticks = timer_ticks () - vm->start_tick;
  h->guest_tsc = msr_guest_tsc (vm);
  h->page_cnt = page_cnt;
}

/* Room for one record of each kind, as SAVE and RESTORE use them. */
struct vmstate_room
  {
    struct vmstate_header *h;
    struct vmstate_devices *d;
    struct vmstate_vcpu *r;     /* A page: a VMCB's state is most of it. */
    uint8_t *page;              /* A page's contents. */
  };
_Static_assert (sizeof (struct vmstate_vcpu) <= PGSIZE, "a VCPU record in a page");

/* Frees what room_get allocated. */
static void
room_put (struct vmstate_room *room)
{
  free (room->h);
  free (room->d);
  if (room->r != NULL)
    palloc_free_page (room->r);
  if (room->page != NULL)
    palloc_free_page (room->page);
}

/* Allocates ROOM.  Returns false, with nothing kept, if memory is
   short. */
static bool
room_get (struct vmstate_room *room)
{
  room->h = malloc (sizeof *room->h);
  room->d = malloc (sizeof *room->d);
  room->r = palloc_get_page (0);
  room->page = palloc_get_page (0);
  if (room->h != NULL && room->d != NULL && room->r != NULL
      && room->page != NULL)
    return true;
  room_put (room);
  return false;
}

/* Writes paused VM's state to STREAM.  Returns a vmctl status. */
static int
save_vm (struct vm *vm, const struct vmctl_stream *stream)
{
  struct vmstate_room room;
  uint32_t records = 0;

  if (!room_get (&room))
    return VMCTL_ENOMEM;
  struct vmstate_header *h = room.h;
  struct vmstate_devices *d = room.d;
  struct vmstate_vcpu *r = room.r;
  uint8_t *page = room.page;
  int status = VMCTL_EIO;
  header_take (vm, count_pages (vm), h);
  if (!rec_write (stream, REC_HEADER, h, sizeof *h, NULL, 0, &records))
    goto done;
  int64_t now = timer_ticks ();
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      vcpu_take (&vm->vcpus[i], now, r);
      if (!rec_write (stream, REC_VCPU, r, sizeof *r, NULL, 0, &records))
        goto done;
    }
  devices_take (vm, d);
  if (!rec_write (stream, REC_DEVICES, d, sizeof *d, NULL, 0, &records))
    goto done;
  for (uint32_t gpa = 0; gpa < vm->ram_size; gpa += PGSIZE)
    if (page_take (vm, gpa, page)
        && !rec_write (stream, REC_PAGE, &gpa, sizeof gpa, page, PGSIZE,
                       &records))
      goto done;
  struct vmstate_end end = { records };
  if (rec_write (stream, REC_END, &end, sizeof end, NULL, 0, &records))
    status = VMCTL_OK;

 done:
  room_put (&room);
  return status;
}

/* The vmctl operation SAVE. */
int
vm_save (int id, const struct vmctl_stream *stream)
{
  int status;
  struct vm *vm = claim_paused (id, &status);
  if (vm == NULL)
    return status;
  status = save_vm (vm, stream);
  vm_release (vm);
  return status;
}

/* Returns why H cannot describe a VM, or a null pointer. */
static const char *
header_check (const struct vmstate_header *h)
{
  if (h->version != VMSTATE_VERSION
      || h->vcpu_size != sizeof (struct vmstate_vcpu)
      || h->devices_size != sizeof (struct vmstate_devices))
    return "written by a different version of the hv";
  if (memchr (h->name, '\0', sizeof h->name) == NULL)
    return "its VM name is not terminated";
  for (unsigned d = 0; d < VMCTL_DISK_MAX; d++)
    if (memchr (h->disk[d], '\0', sizeof h->disk[d]) == NULL)
      return "a disk's file name is not terminated";
  if (h->ram_size == 0 || h->ram_size % PGSIZE != 0
      || h->ram_size > HV_GUEST_RAM_MAX)
    return "its RAM size is impossible";
  if (h->vcpu_cnt < 1 || h->vcpu_cnt > HV_VCPU_MAX)
    return "its VCPU count is impossible";
  if (h->page_cnt > h->ram_size / PGSIZE)
    return "it holds more pages than its RAM";
  /* The two clocks are not compared: the TSC and the timer's ticks
     drift apart under QEMU when the host is busy (its disk transfers
     finish in the host's time).  Each only has to be a time a VM can
     have lived: under 2^40 ticks, about 350 years. */
  if (h->ticks < 0 || h->ticks > (1ll << 40)
      || h->host_ns > (1ull << 40) * (1000000000 / HV_TICK_HZ))
    return "its clocks hold impossible times";
  return NULL;
}

/* Reads a snapshot from STREAM into a new VM (hv/hv.h, RESTORE):
   returns the VM, claimed, or a null pointer with *STATUS and WHY. */
static struct vm *
restore_vm (const struct vmctl_stream *stream, const char *name, int *status,
            char *why, size_t why_size)
{
  struct vmstate_room room;
  struct vm *vm = NULL;
  const char *problem = NULL;
  uint32_t records = 0;

  if (!room_get (&room))
    {
      *status = VMCTL_ENOMEM;
      strlcpy (why, "out of memory", why_size);
      return NULL;
    }
  struct vmstate_header *h = room.h;
  struct vmstate_devices *d = room.d;
  struct vmstate_vcpu *r = room.r;
  uint8_t *page = room.page;
  *status = VMCTL_ECORRUPT;
  problem = rec_read (stream, REC_HEADER, h, sizeof *h, NULL, 0, &records);
  if (problem == NULL)
    problem = header_check (h);
  if (problem != NULL)
    goto done;

  /* Reservation: a VM like the one saved, with no memory yet. */
  struct vmctl_spec spec;
  memset (&spec, 0, sizeof spec);
  spec.name = name != NULL ? name : h->name;
  spec.ram_size = h->ram_size;
  spec.vcpus = h->vcpu_cnt;
  spec.weight = h->weight;
  spec.cap = h->cap;
  spec.paging = h->shadow ? VMCTL_PAGING_SHADOW : VMCTL_PAGING_NPT;
  spec.tdf = h->tdf;
  for (unsigned i = 0; i < VMCTL_DISK_MAX; i++)
    if (h->disk[i][0] != '\0')
      spec.disk[i] = h->disk[i];
  vm = vm_make (&spec, status, why, why_size);
  if (vm == NULL)
    goto done;
  vm->console_prefix = h->console_prefix != 0;
  *status = VMCTL_ECORRUPT;

  for (unsigned i = 0; i < h->vcpu_cnt && problem == NULL; i++)
    {
      problem = rec_read (stream, REC_VCPU, r, sizeof *r, NULL, 0, &records);
      if (problem == NULL)
        problem = vcpu_check (r);
      if (problem == NULL)
        vcpu_put (&vm->vcpus[i], r);
    }
  if (problem == NULL)
    problem = rec_read (stream, REC_DEVICES, d, sizeof *d, NULL, 0, &records);
  if (problem == NULL)
    problem = devices_check (vm, d);
  if (problem == NULL)
    devices_put (vm, d);
  for (uint32_t i = 0; i < h->page_cnt && problem == NULL; i++)
    {
      uint32_t gpa;
      problem = rec_read (stream, REC_PAGE, &gpa, sizeof gpa, page, PGSIZE,
                          &records);
      if (problem == NULL && (gpa % PGSIZE != 0 || gpa >= h->ram_size))
        problem = "a page lies outside the VM's RAM";
      if (problem == NULL)
        {
          uint8_t *to = npt_translate (vm, gpa);
          if (to == NULL)
            {
              *status = VMCTL_ENOMEM;
              problem = "out of host memory for its RAM";
            }
          else
            memcpy (to, page, PGSIZE);
        }
    }
  if (problem == NULL)
    {
      struct vmstate_end end;
      uint32_t before = records;
      problem = rec_read (stream, REC_END, &end, sizeof end, NULL, 0, &records);
      if (problem == NULL && end.records != before)
        problem = "its record count does not match";
    }
  if (problem == NULL)
    {
      vm->saved_ns = h->host_ns;
      vm->saved_ticks = h->ticks;
      vm->saved_tsc = h->guest_tsc;
      vm->restored = true;
    }

 done:
  if (problem != NULL)
    {
      strlcpy (why, problem, why_size);
      if (vm != NULL)
        vm_discard (vm);
      vm = NULL;
    }
  room_put (&room);
  return vm;
}

/* The vmctl operation RESTORE. */
int
vm_restore (const struct vmctl_stream *stream, const char *name, char *why,
            size_t why_size)
{
  int status;
  struct vm *vm = restore_vm (stream, name, &status, why, why_size);
  if (vm == NULL)
    return status;
  int new_id = vm->id;
  vm_release (vm);
  return new_id;
}

/* The vmctl operation CLONE. */
int
vm_clone (int id, const char *name)
{
  int status;
  struct vm *src = claim_paused (id, &status);
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
