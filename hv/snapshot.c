/* Snapshots: the vmctl operations SAVE_SIZE, SAVE (a paused VM's
   state written to a stream) and RESTORE (a stream read back into a
   new VM that goes on where the first stopped).  The stream is the
   records of hv/vmstate.h framed, each with a CRC-32; docs/hv.md
   section 13.3 gives the format.  A snapshot file is input from
   outside: a user may hand RESTORE any file, so the framing, the
   checksums and then every record (hv/vmstate.c) are checked, and a
   refusal says why and leaks nothing. */

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
    cnt += vmstate_has_page (vm, gpa);
  return cnt;
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
  struct vm *vm = vmstate_claim_paused (id, &status);
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
      vmstate_take_vcpu (&vm->vcpus[i], now, r);
      if (!rec_write (stream, REC_VCPU, r, sizeof *r, NULL, 0, &records))
        goto done;
    }
  vmstate_take_devices (vm, d);
  if (!rec_write (stream, REC_DEVICES, d, sizeof *d, NULL, 0, &records))
    goto done;
  for (uint32_t gpa = 0; gpa < vm->ram_size; gpa += PGSIZE)
    if (vmstate_take_page (vm, gpa, page)
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
  struct vm *vm = vmstate_claim_paused (id, &status);
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
        problem = vmstate_check_vcpu (r);
      if (problem == NULL)
        vmstate_put_vcpu (&vm->vcpus[i], r);
    }
  if (problem == NULL)
    problem = rec_read (stream, REC_DEVICES, d, sizeof *d, NULL, 0, &records);
  if (problem == NULL)
    problem = vmstate_check_devices (vm, d);
  if (problem == NULL)
    vmstate_put_devices (vm, d);
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

