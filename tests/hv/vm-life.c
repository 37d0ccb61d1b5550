/* A VM's life past running, through threads/vmctl.h: pausing and
   resuming it (vm-pause), saving a paused VM's state and restoring it
   into a new VM that goes on where the first stopped (vm-snapshot),
   refusing snapshots that are damaged, cut short or forged
   (vm-snapshot-bad), and cloning a paused VM into a second one that
   runs on beside it (vm-clone).  The guest is guest-counter, whose
   output shows whether a step was lost or repeated and whether its
   memory came through whole. */

#include <stdio.h>
#include <string.h>
#include "tests/hv/hvtest.h"
#include "devices/timer.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

#define GUEST "guest-counter.bin"

/* Ticks the guest runs before the test pauses it: about half its 40
   steps of two ticks. */
#define RUN_TICKS 40

/* A snapshot kept in memory: a struct vmctl_stream over a buffer. */
struct membuf
  {
    uint8_t *data;
    size_t size;                /* Bytes it may hold. */
    size_t len;                 /* Bytes written. */
    size_t pos;                 /* Bytes read back. */
  };

static bool
membuf_write (void *aux, const void *buf, size_t size)
{
  struct membuf *m = aux;
  if (size > m->size - m->len)
    return false;
  memcpy (m->data + m->len, buf, size);
  m->len += size;
  return true;
}

static bool
membuf_read (void *aux, void *buf, size_t size)
{
  struct membuf *m = aux;
  if (size > m->len - m->pos)
    return false;
  memcpy (buf, m->data + m->pos, size);
  m->pos += size;
  return true;
}

/* A stream over M. */
static struct vmctl_stream
membuf_stream (struct membuf *m)
{
  struct vmctl_stream s = { membuf_write, membuf_read, m };
  return s;
}

/* Fails unless STATUS is VMCTL_OK, saying that WHAT failed. */
static void
check (int status, const char *what)
{
  if (status < 0)
    fail ("%s: %s", what, vmctl_strerror (status));
}

/* Stores VM's entry of vmctl_list in INFO; fails if it is not listed. */
static void
find_info (int vm, struct vmctl_info *info)
{
  static struct vmctl_info all[8];
  int cnt = vmctl_list (all, 8);
  check (cnt, "vmctl_list");
  for (int i = 0; i < cnt && i < 8; i++)
    if (all[i].id == vm)
      {
        *info = all[i];
        return;
      }
  fail ("vm %d is not in the list", vm);
}

/* Starts guest-counter and lets it run RUN_TICKS ticks; returns its
   VM number. */
static int
start_counter (void)
{
  struct hvtest_options options = { .paging = VMCTL_PAGING_DEFAULT };
  int vm = hvtest_create (GUEST, &options);
  check (vmctl_start (vm), "vmctl_start");
  timer_sleep (RUN_TICKS);
  return vm;
}

/* Saves paused VM into a new buffer in M (exactly vmctl_save_size
   bytes). */
static void
save_to (int vm, struct membuf *m)
{
  uint64_t size;
  check (vmctl_save_size (vm, &size), "vmctl_save_size");
  m->data = malloc (size);
  if (m->data == NULL)
    fail ("no memory for a snapshot of %llu bytes", (unsigned long long) size);
  m->size = size;
  m->len = m->pos = 0;
  struct vmctl_stream s = membuf_stream (m);
  check (vmctl_save (vm, &s), "vmctl_save");
  if (m->len != size)
    fail ("vmctl_save wrote %zu bytes, vmctl_save_size said %llu", m->len,
          (unsigned long long) size);
}

/* Runs VM until it ends and fails unless it exited with code 0. */
static void
finish (int vm)
{
  static struct vmctl_report report;
  hvtest_finish (vm, GUEST, &report);
  if (report.end != VMCTL_END_EXIT || report.exit_code != 0)
    fail ("vm %d did not exit with code 0", vm);
}

static void
vm_pause_test (void)
{
  size_t free_before = palloc_free_count ();
  struct vmctl_info before, after;

  int vm = start_counter ();
  check (vmctl_pause (vm), "vmctl_pause");
  find_info (vm, &before);
  msg ("paused: state %s", vmctl_state_name (before.state));
  timer_sleep (RUN_TICKS);
  find_info (vm, &after);
  if (after.run_us != before.run_us || after.exits != before.exits)
    fail ("a paused VM ran: %llu us and %llu exits, then %llu us and %llu",
          (unsigned long long) before.run_us,
          (unsigned long long) before.exits,
          (unsigned long long) after.run_us,
          (unsigned long long) after.exits);
  msg ("while paused for %d ticks: no CPU time, no exits", RUN_TICKS);
  msg ("pausing it again: %s", vmctl_strerror (vmctl_pause (vm)));
  check (vmctl_resume (vm), "vmctl_resume");
  find_info (vm, &after);
  msg ("resumed: state %s", vmctl_state_name (after.state));
  msg ("resuming it again: %s", vmctl_strerror (vmctl_resume (vm)));
  finish (vm);
  hvtest_check_pages (free_before);
}
KTEST ("vm-pause", vm_pause_test);

static void
vm_snapshot_test (void)
{
  size_t free_before = palloc_free_count ();
  struct membuf m;

  int vm = start_counter ();
  msg ("saving a running VM: %s",
       vmctl_strerror (vmctl_save (vm, &(struct vmctl_stream) { 0 })));
  check (vmctl_pause (vm), "vmctl_pause");
  save_to (vm, &m);
  msg ("saved the paused VM");
  check (vmctl_kill (vm), "vmctl_kill");
  static struct vmctl_report report;
  hvtest_finish (vm, GUEST, &report);

  char why[VMCTL_WHY_MAX + 1];
  struct vmctl_stream s = membuf_stream (&m);
  int copy = vmctl_restore (&s, NULL, why, sizeof why);
  if (copy < 0)
    fail ("vmctl_restore: %s: %s", vmctl_strerror (copy), why);
  free (m.data);
  struct vmctl_info info;
  find_info (copy, &info);
  msg ("restored as '%s', state %s", info.name,
       vmctl_state_name (info.state));
  check (vmctl_resume (copy), "vmctl_resume");
  finish (copy);
  hvtest_check_pages (free_before);
}
KTEST ("vm-snapshot", vm_snapshot_test);

/* Restores from the LEN bytes at DATA and fails unless that is
   refused; prints why, under LABEL. */
static void
restore_refused (const char *label, uint8_t *data, size_t len)
{
  struct membuf m = { data, len, len, 0 };
  struct vmctl_stream s = membuf_stream (&m);
  char why[VMCTL_WHY_MAX + 1];
  size_t free_before = palloc_free_count ();
  int vm = vmctl_restore (&s, NULL, why, sizeof why);
  if (vm >= 0)
    fail ("%s: restored as vm %d", label, vm);
  hvtest_check_pages (free_before);
  msg ("%s: %s: %s", label, vmctl_strerror (vm), why);
}

/* The CRC-32 of SIZE bytes at DATA, as the snapshot's records carry
   it (written again here, so that the test does not trust the hv's). */
static uint32_t
crc32 (const uint8_t *data, size_t size)
{
  uint32_t crc = 0xffffffff;
  for (size_t i = 0; i < size; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
    }
  return ~crc;
}

/* Record headers of the snapshot format (docs/hv.md, 13.3). */
struct record
  {
    uint32_t magic, type, size, crc;
  };

/* Returns the offset of the first record of TYPE in the LEN bytes at
   DATA, walking the records. */
static size_t
find_record (const uint8_t *data, size_t len, uint32_t type)
{
  for (size_t ofs = 0; ofs + sizeof (struct record) <= len; )
    {
      struct record r;
      memcpy (&r, data + ofs, sizeof r);
      if (r.type == type)
        return ofs;
      ofs += sizeof r + r.size;
    }
  fail ("no record of type %u in the snapshot", (unsigned) type);
}

/* Copies the LEN bytes of SNAPSHOT to COPY, forges the record at
   offset OFS there (its body from byte FROM on set to FILL, or, if
   FILL is 0, its first word set to WORD), makes its checksum right
   again, and checks that restoring COPY is refused. */
static void
forge (const char *label, uint8_t *copy, const uint8_t *snapshot, size_t len,
       size_t ofs, size_t from, uint8_t fill, uint32_t word)
{
  struct record r;
  memcpy (copy, snapshot, len);
  memcpy (&r, copy + ofs, sizeof r);
  uint8_t *body = copy + ofs + sizeof r;
  if (fill != 0)
    memset (body + from, fill, r.size - from);
  else
    memcpy (body, &word, sizeof word);
  r.crc = crc32 (body, r.size);
  memcpy (copy + ofs, &r, sizeof r);
  restore_refused (label, copy, len);
}

static void
vm_snapshot_bad_test (void)
{
  struct membuf m;
  int vm = start_counter ();
  check (vmctl_pause (vm), "vmctl_pause");
  save_to (vm, &m);
  check (vmctl_kill (vm), "vmctl_kill");
  static struct vmctl_report report;
  hvtest_finish (vm, GUEST, &report);

  uint8_t *copy = malloc (m.len);
  if (copy == NULL)
    fail ("out of memory");
  size_t vcpu = find_record (m.data, m.len, 2);      /* The first VCPU. */
  size_t page = find_record (m.data, m.len, 4);     /* The first page. */
  size_t devices = find_record (m.data, m.len, 3);

  restore_refused ("empty", m.data, 0);
  restore_refused ("cut inside the header", m.data, vcpu - 10);
  restore_refused ("cut inside a page", m.data, page + 100);
  restore_refused ("cut 24 bytes short", m.data, m.len - 24);

  memcpy (copy, m.data, m.len);
  copy[page + sizeof (struct record) + 4 + 1000] ^= 0x40;
  restore_refused ("one bit of a page flipped", copy, m.len);

  memset (copy, 'x', 64);
  restore_refused ("not a snapshot", copy, m.len);

  /* Forged records whose checksums are right: every byte of the
     devices, or of the first VCPU, set to ones; a page far outside the
     VM's RAM. */
  forge ("forged devices, checksum right", copy, m.data, m.len, devices,
         0, 0xff, UINT32_MAX);
  forge ("forged VCPU, checksum right", copy, m.data, m.len, vcpu, 0, 0xff,
         UINT32_MAX);
  forge ("forged page address, checksum right", copy, m.data, m.len, page,
         0, 0, 0x7ffff000);

  /* The snapshot itself still restores, and the VM, never started,
     goes as vmctl_wait has it. */
  struct membuf good = { m.data, m.len, m.len, 0 };
  struct vmctl_stream s = membuf_stream (&good);
  char why[VMCTL_WHY_MAX + 1];
  size_t free_before = palloc_free_count ();
  vm = vmctl_restore (&s, NULL, why, sizeof why);
  if (vm < 0)
    fail ("the good snapshot: %s: %s", vmctl_strerror (vm), why);
  hvtest_finish (vm, GUEST, &report);
  hvtest_check_pages (free_before);
  msg ("the snapshot as saved: restored");
  free (copy);
  free (m.data);
}
KTEST ("vm-snapshot-bad", vm_snapshot_bad_test);

static void
vm_clone_test (void)
{
  size_t free_before = palloc_free_count ();

  int vm = start_counter ();
  msg ("cloning a running VM: %s", vmctl_strerror (vmctl_clone (vm, NULL)));
  check (vmctl_pause (vm), "vmctl_pause");
  int copy = vmctl_clone (vm, NULL);
  check (copy, "vmctl_clone");
  struct vmctl_info info;
  find_info (copy, &info);
  msg ("clone '%s', state %s", info.name, vmctl_state_name (info.state));
  check (vmctl_resume (vm), "vmctl_resume");
  check (vmctl_resume (copy), "vmctl_resume of the clone");
  finish (vm);
  finish (copy);
  hvtest_check_pages (free_before);
}
KTEST ("vm-clone", vm_clone_test);
