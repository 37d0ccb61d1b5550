/* Live migration by pre-copy: a running VM moves into a new VM on the
   same host while it keeps running, and stops only for the last few
   pages.  The stages, in order:

   1. Reservation: a destination VM like the source (vm_create_like),
      not started, with no memory yet.
   2. Iterative pre-copy: round 1 sends every page the source has;
      each later round sends the pages the source dirtied during the
      round before (hv/npt.c logs them), while the source runs on.
   3. Stop-and-copy: once the stop rule says so (migrate_stop_rule),
      the source is paused and the last dirty pages and the machine
      (VCPUs, devices, clocks) are sent.
   4. Commitment: the destination has everything; only now may the
      source go.  Until here any failure leaves the source as it was
      and discards the destination.
   5. Activation: the destination runs, and the source ends as
      migrated (vm_end_migrated): its waiter sees VMCTL_END_MIGRATED.

   "Sending" is a copy between two VMs of this host (vmstate_copy_page),
   paced as a link of MIGRATE_LINK_PAGES pages per host tick would
   carry them: a copy in memory is so fast that every guest would
   converge at once, and pre-copy is about the race between the link
   and the guest's writes.  The pacing is also what lets the source run
   during a round.  docs/hv.md, section 14, tells the rest. */

#include <inttypes.h>
#include <round.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/malloc.h"
#include "threads/pagedir.h"
#include "threads/vaddr.h"

/* The link's speed: pages sent per host tick.  At 100 ticks a second,
   3.2 MB/s, a 25 Mbit/s network, in step with the simulated CPU: at
   the migration tests' speed (RINGLET_ICOUNT=6, 156,000 instructions a
   tick) the host copies some 30 pages a tick, so the link, not the
   CPU, sets the pace; at the default speed, a quarter of that, the two
   are about even. */
#define MIGRATE_LINK_PAGES 8

/* One migration in progress. */
struct migration
  {
    struct vm *src;             /* The VM that moves (claimed)... */
    struct vm *dst;             /* ...and its destination (claimed). */
    struct vmctl_migration *out; /* What is reported. */
    size_t words;               /* Words of a bitmap of guest pages. */
    uint32_t *dirty;            /* Bitmap: the pages to send next. */
    uint32_t *more;             /* Bitmap: collected while paused. */
    uint32_t link_sent;         /* Pages sent in the link's current tick. */
    uint32_t from_swap;         /* Pages of this round read from swap. */
    size_t fewest_dirty;        /* Fewest pages dirtied in a round so far... */
    unsigned stalls;            /* ...and rounds since that fewest. */
    bool src_paused;            /* The source was paused for stop-and-copy. */
    uint64_t start_tsc;         /* TSC at reservation. */
    int status;                 /* Why it failed: a vmctl status... */
    char *why;                  /* ...and in words... */
    size_t why_size;            /* ...with room for this much. */
    int result;                 /* What migrate_thread returns... */
    struct semaphore done;      /* ...once it is over. */
  };

/* Records that the migration M cannot go on: STATUS, and the reason,
   formatted like printf, in its WHY.  Returns STATUS. */
static int PRINTF_FORMAT (3, 4)
migrate_refuse (struct migration *m, int status, const char *format, ...)
{
  va_list args;
  m->status = status;
  va_start (args, format);
  vsnprintf (m->why, m->why_size, format, args);
  va_end (args);
  return status;
}

/* Returns a vmctl status and WHY if SRC cannot be migrated: it must
   run (started, not paused, not ended), under nested paging, and
   without restarts on a reset (a reset drops all its memory at
   once, under the copy). */
static int
migrate_check (struct migration *m)
{
  const struct vm *src = m->src;
  if (src->shadow_paging)
    return migrate_refuse (m, VMCTL_ESTATE, "live migration needs nested "
                           "paging: under shadow paging the guest's writes "
                           "cannot be logged");
  if (!src->started)
    return migrate_refuse (m, VMCTL_ESTATE, "it is not running: it was "
                           "never started");
  if (src->ended)
    return migrate_refuse (m, VMCTL_ESTATE, "it is not running: it has "
                           "ended");
  if (src->sched.paused)
    return migrate_refuse (m, VMCTL_ESTATE, "it is not running: it is "
                           "paused");
  if (src->restarts_left > 0)
    return migrate_refuse (m, VMCTL_ESTATE, "it restarts on a reset, which "
                           "would drop its memory under the copy");
  return VMCTL_OK;
}

/* Returns true if guest page NO of VM has contents: a host page, or a
   slot in swap. */
static bool
migrate_has_page (struct vm *vm, uint32_t no)
{
  return (pagedir_get_page (vm->npt, (void *) (uintptr_t) (no * PGSIZE))
          != NULL || vm->reclaim.slot[no] != 0);
}

/* Returns false, with WHY, if M's source has ended meanwhile (its
   guest exited or failed, or it was killed): it ends as it ended. */
static bool
migrate_source_alive (struct migration *m)
{
  if (!m->src->ended && !m->src->kill_requested)
    return true;
  migrate_refuse (m, VMCTL_ESTATE, m->src->kill_requested
                  ? "the source was killed during the migration"
                  : "the source ended during the migration");
  return false;
}

/* Sends guest page NO from M's source to its destination, at the
   link's pace: after every MIGRATE_LINK_PAGES pages, the link's tick
   is over, and it waits for the next (the source runs meanwhile).
   Returns false, with WHY, if host memory ran out or the source ended
   or was killed meanwhile. */
static bool
migrate_send (struct migration *m, uint32_t no)
{
  if (m->src->reclaim.slot[no] != 0)
    m->from_swap++;             /* For the record only: it may change. */
  if (!vmstate_copy_page (m->dst, m->src, no * PGSIZE))
    {
      migrate_refuse (m, VMCTL_ENOMEM, "out of host memory for the "
                      "destination's RAM (%"PRIu64" pages sent)",
                      m->out->pages_sent);
      return false;
    }
  m->out->pages_sent++;
  if (++m->link_sent == MIGRATE_LINK_PAGES)
    {
      m->link_sent = 0;
      timer_sleep (1);
      return migrate_source_alive (m);
    }
  return true;
}

/* Sends every page marked in BITMAP.  Returns false (WHY says why) if
   host memory ran out or the source ended meanwhile. */
static bool
migrate_send_set (struct migration *m, const uint32_t *bitmap)
{
  for (size_t i = 0; i < m->words; i++)
    for (uint32_t bits = bitmap[i]; bits != 0; bits &= bits - 1)
      if (!migrate_send (m, i * 32 + __builtin_ctz (bits)))
        return false;
  return true;
}

/* Marks in M's DIRTY every page the source has, for round 1, and
   returns how many there are. */
static size_t
migrate_mark_all (struct migration *m)
{
  size_t count = 0;
  memset (m->dirty, 0, m->words * sizeof *m->dirty);
  for (uint32_t no = 0; no < m->src->ram_size / PGSIZE; no++)
    if (migrate_has_page (m->src, no))
      {
        m->dirty[no / 32] |= 1u << (no % 32);
        count++;
      }
  return count;
}

/* The stop rule, applied once the source has dirtied DIRTY pages
   during the round just made: returns true, with the reason in M's
   report, if pre-copy is to stop and those pages go in stop-and-copy;
   false if they are worth another round.  Pre-copy stops once
     - fewer than VMCTL_MIG_DIRTY_MIN pages were dirtied: what is left
       is sent in a short pause (converged);
     - the dirty count stopped shrinking: for VMCTL_MIG_STALL_ROUNDS
       rounds in a row no round dirtied fewer pages than the fewest
       before, so the guest writes about as fast as the link sends, and
       more rounds would only send the same pages again (stalled).  The
       fewest so far, not the round before: a count that wavers by a
       few pages around a level (two VCPUs writing) has stopped
       shrinking too;
     - VMCTL_MIG_ROUNDS_MAX rounds were made (rounds);
     - the pages sent reached VMCTL_MIG_SENT_FACTOR times the guest's
       memory (sent). */
static bool
migrate_stop_rule (struct migration *m, size_t dirty)
{
  struct vmctl_migration *out = m->out;

  if (out->rounds >= 2 && dirty >= m->fewest_dirty)
    m->stalls++;
  else
    {
      m->fewest_dirty = dirty;
      m->stalls = 0;
    }

  if (dirty < VMCTL_MIG_DIRTY_MIN)
    out->stop = VMCTL_MIG_CONVERGED;
  else if (m->stalls >= VMCTL_MIG_STALL_ROUNDS)
    out->stop = VMCTL_MIG_STALLED;
  else if (out->rounds >= VMCTL_MIG_ROUNDS_MAX)
    out->stop = VMCTL_MIG_ROUNDS;
  else if (out->pages_sent
           >= (uint64_t) VMCTL_MIG_SENT_FACTOR * out->guest_pages)
    out->stop = VMCTL_MIG_SENT;
  else
    return false;
  return true;
}

/* Returns the microseconds of the hv's clock since TSC reading START. */
static uint64_t
migrate_us_since (uint64_t start)
{
  return vsched_cycles_to_us (rdtsc () - start);
}

/* Prints the line of the round M just made, which sent COUNT pages:
   round 1 those the source held, the others those it dirtied. */
static void
migrate_print_round (const struct migration *m, size_t count)
{
  unsigned round = m->out->rounds;
  printf ("migrate %s: round %u: %zu pages %s, %zu sent", m->src->name,
          round, count, round == 1 ? "held" : "dirtied", count);
  if (m->from_swap > 0)
    printf (" (%"PRIu32" read from swap)", m->from_swap);
  printf ("\n");
}

/* Stage 2, iterative pre-copy: round 1 sends every page the source
   has; then, while the stop rule lets it, each round sends the pages
   dirtied meanwhile.  Leaves the pages dirtied in the last round, not
   sent, in M's DIRTY.  Returns false, with WHY, on failure. */
static bool
migrate_precopy (struct migration *m)
{
  struct vmctl_migration *out = m->out;
  size_t count = migrate_mark_all (m);

  for (;;)
    {
      if (!migrate_send_set (m, m->dirty))
        return false;
      out->round_pages[out->rounds++] = count;
      if (out->verbose)
        migrate_print_round (m, count);
      m->from_swap = 0;
      timer_sleep (1);          /* The source runs. */
      m->link_sent = 0;
      if (!migrate_source_alive (m))
        return false;
      count = npt_log_collect (m->src, m->dirty);
      if (migrate_stop_rule (m, count))
        break;
    }
  if (out->verbose)
    printf ("migrate %s: stop rule: %s (%zu pages dirtied in round %u)\n",
            m->src->name, vmctl_mig_stop_name (out->stop), count,
            out->rounds);
  return true;
}

/* Stage 3, stop-and-copy: pauses the source, adds the pages it dirtied
   since the last collection to those left in M's DIRTY, sends them
   all, then the machine.  Stores in *PAUSED the TSC at the pause.
   Returns false, with WHY, on failure. */
static bool
migrate_stop_and_copy (struct migration *m, uint64_t *paused)
{
  *paused = rdtsc ();
  int status = vm_pause_vm (m->src);
  if (status != VMCTL_OK)
    {
      migrate_refuse (m, status, "the source could not be paused "
                      "(vmctl status %d)", status);
      return false;
    }
  m->src_paused = true;
  if (!migrate_source_alive (m))
    return false;
  npt_log_collect (m->src, m->more);
  size_t count = 0;
  for (size_t i = 0; i < m->words; i++)
    {
      m->dirty[i] |= m->more[i];
      for (uint32_t bits = m->dirty[i]; bits != 0; bits &= bits - 1)
        count++;
    }
  m->link_sent = 0;
  if (!migrate_send_set (m, m->dirty))
    return false;
  m->out->final_pages = count;
  if (!vmstate_copy_machine (m->dst, m->src))
    {
      migrate_refuse (m, VMCTL_ENOMEM, "out of memory to copy the VCPUs "
                      "and devices");
      return false;
    }
  return true;
}

/* Prints what migration M did, once it is over. */
static void
migrate_print_summary (const struct migration *m)
{
  const struct vmctl_migration *out = m->out;
  printf ("migrate %s: stop-and-copy: %"PRIu32" pages sent", m->src->name,
          out->final_pages);
  if (m->from_swap > 0)
    printf (" (%"PRIu32" read from swap)", m->from_swap);
  printf (", downtime %"PRIu64" us\n", out->downtime_us);
  printf ("migrate %s: vm %d -> vm %d: %u rounds, %"PRIu64" pages sent for "
          "%"PRIu32" pages of memory, downtime %"PRIu64" us, total %"PRIu64
          " us\n", m->src->name, m->src->id, m->dst->id, out->rounds,
          out->pages_sent, out->guest_pages, out->downtime_us, out->total_us);
}

/* Stage 1, reservation: the dirty bitmaps, the destination (claimed)
   and the source's dirty logging.  Returns a vmctl status, with WHY if
   it is not VMCTL_OK. */
static int
migrate_reserve (struct migration *m)
{
  struct vm *src = m->src;
  int status;

  m->out->guest_pages = src->ram_size / PGSIZE;
  m->words = DIV_ROUND_UP (m->out->guest_pages, 32);
  m->dirty = calloc (m->words, sizeof *m->dirty);
  m->more = calloc (m->words, sizeof *m->more);
  if (m->dirty == NULL || m->more == NULL)
    return migrate_refuse (m, VMCTL_ENOMEM, "out of memory for its bitmaps");
  m->dst = vm_create_like (src, NULL, &status, m->why, m->why_size);
  if (m->dst == NULL)
    {
      m->status = status;
      return status;
    }
  if (!npt_log_start (src))
    return migrate_refuse (m, VMCTL_ENOMEM, "out of memory for its dirty "
                           "log");
  if (m->out->verbose)
    printf ("migrate %s: vm %d -> vm %d: %"PRIu32" pages of memory, a link "
            "of %d pages a tick\n", src->name, src->id, m->dst->id,
            m->out->guest_pages, MIGRATE_LINK_PAGES);
  return VMCTL_OK;
}

/* Stages 2 to 5 for M, whose destination is reserved and whose source
   is logged.  Returns the destination's number, or a vmctl status and
   WHY; on failure the source runs on (unless it ended) and the caller
   discards the destination. */
static int
migrate_run (struct migration *m)
{
  uint64_t paused = 0;
  bool copied = migrate_precopy (m) && migrate_stop_and_copy (m, &paused);
  npt_log_stop (m->src);
  if (copied)
    {
      /* Commitment: the destination holds the whole VM. */
      int status = vm_resume_vm (m->dst);
      if (status == VMCTL_OK)
        {
          m->out->downtime_us = migrate_us_since (paused);
          vm_end_migrated (m->src, m->dst->id);
          m->out->total_us = migrate_us_since (m->start_tsc);
          if (m->out->verbose)
            migrate_print_summary (m);
          return m->dst->id;
        }
      migrate_refuse (m, status, "the destination could not be started "
                      "(vmctl status %d)", status);
    }
  if (m->src_paused)
    vm_resume_vm (m->src);
  return m->status;
}

/* The thread that migrates M (AUX): stages 1 to 5.  It runs above the
   VCPU loop's priority (hv/vsched.c), so that at each tick it sends its
   link's pages the moment it wakes, and then sleeps until the next,
   while the source runs; at the same priority, the host's time slices
   would let it send only every few ticks. */
static void
migrate_thread (void *aux)
{
  struct migration *m = aux;
  m->result = migrate_reserve (m);
  if (m->result == VMCTL_OK)
    m->result = migrate_run (m);
  sema_up (&m->done);
}

/* Moves running VM number ID into a new VM by pre-copy (see the top of
   this file) and returns the new VM's number: it runs, and VM ID has
   ended as migrated.  OUT->verbose asks for a line per round; OUT gets
   what the migration did.  Returns a vmctl status otherwise, with the
   reason in WHY (WHY_SIZE bytes): VM ID then runs on as before, unless
   it ended meanwhile on its own.  A host thread on the boot CPU; sleeps
   for as long as the migration takes. */
int
vm_migrate (int id, struct vmctl_migration *out, char *why, size_t why_size)
{
  struct migration m = { .out = out, .why = why, .why_size = why_size,
                         .start_tsc = rdtsc () };
  bool verbose = out->verbose;
  int status;

  memset (out, 0, sizeof *out);
  out->verbose = verbose;
  m.src = vm_claim (id, &status);
  if (m.src == NULL)
    return migrate_refuse (&m, status, status == VMCTL_EBUSY
                           ? "another operation is using it"
                           : "no such VM (or it has ended)");
  status = migrate_check (&m);
  if (status == VMCTL_OK)
    {
      sema_init (&m.done, 0);
      if (thread_create ("migrate", PRI_DEFAULT + 1, migrate_thread, &m)
          == TID_ERROR)
        status = migrate_refuse (&m, VMCTL_ENOMEM, "no memory for its "
                                 "thread");
      else
        {
          sema_down (&m.done);
          status = m.result;
        }
    }
  if (status < 0 && m.dst != NULL)
    vm_discard (m.dst);
  else if (m.dst != NULL)
    vm_release (m.dst);
  if (status < 0 && out->verbose)
    printf ("migrate %s: failed: %s\n", m.src->name, why);
  vm_release (m.src);
  free (m.dirty);
  free (m.more);
  return status;
}
