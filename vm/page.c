/* The supplemental page table: every user page of a process, in a
   hash table by address, and the moves of a page between its origin,
   a frame and a swap slot.

   A page is always in one of these states (changes under the
   frame-table lock, vm/frame.c):
     - at its origin: no frame, no slot.  Loading it reads its bytes
       from the file and zeros the rest (page_fill);
     - in swap: SLOT set, no frame.  Loading it reads the slot back
       and frees it;
     - resident: KPAGE set, and mapped in the owner's page table
       unless PINNED, which it is while the frame is read in, written
       out, or used by the owner through KPAGE.
   A resident page leaving memory (page_evict) is written out only if
   it must be: if it is dirty (the CPU's dirty bit) or CHANGED (its
   bytes are found neither at its origin nor in swap: it came back
   from swap, or was put together at load time).  Mapped files take it
   back; everything else goes to swap.  Clean pages are just dropped:
   they load again from their origin.

   Only the owner thread adds, finds and removes its pages (the hash
   is its alone).  Other threads reach a page only through the frame
   table, under its lock, to evict it; so before the owner frees a page
   it waits until nobody has it pinned, and takes it out of the frame
   table under the lock.  Swap slots are taken and given back with the
   frame-table lock held: the lock order is frame_lock, then swap_lock
   (see vm/frame.c). */

#include "vm/page.h"
#include <debug.h>
#include <string.h>
#include "filesys/file.h"
#include "threads/malloc.h"
#include "threads/pagedir.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "userprog/pager.h"
#include "vm/frame.h"

/* LAB vm: supplemental page table */
static struct page_stats page_stats;    /* Under the frame-table lock. */

/* Hash function and order of pages: by user address. */
static unsigned
page_hash (const struct hash_elem *e, void *aux UNUSED)
{
  const struct page *p = hash_entry (e, struct page, hash_elem);
  return hash_int (pg_no (p->upage));
}

static bool
page_less (const struct hash_elem *a, const struct hash_elem *b,
           void *aux UNUSED)
{
  return (hash_entry (a, struct page, hash_elem)->upage
          < hash_entry (b, struct page, hash_elem)->upage);
}

/* Creates an empty page table for a process whose page table is
   PAGEDIR.  Returns NULL if memory is short. */
struct page_table *
page_table_create (uint64_t *pagedir)
{
  struct page_table *pt = malloc (sizeof *pt);
  if (pt == NULL)
    return NULL;
  if (!hash_init (&pt->pages, page_hash, page_less, NULL))
    {
      free (pt);
      return NULL;
    }
  pt->pagedir = pagedir;
  pt->resident_cnt = 0;
  pt->swapped_cnt = 0;
  for (int i = 0; i < PAGE_RECENT_CNT; i++)
    pt->recent[i] = NULL;
  pt->recent_next = 0;
  list_init (&pt->mappings);
  pt->next_mapid = 0;
  return pt;
}

/* Adds to PT the page SRC describes (see userprog/pager.h), whose bytes
   come from ORIGIN; it starts at its origin, not yet in memory.
   SRC->UPAGE must not be in PT yet.  Returns the page, or NULL if
   memory is short.  Owner thread only. */
struct page *
page_add (struct page_table *pt, const struct pager_page *src,
          enum page_origin origin)
{
  ASSERT (page_lookup (pt, src->upage) == NULL);
  ASSERT (src->page_ofs + src->read_bytes <= PGSIZE);

  struct page *p = malloc (sizeof *p);
  if (p == NULL)
    return NULL;
  p->upage = src->upage;
  p->table = pt;
  p->origin = origin;
  p->writable = src->writable;
  p->file = src->file;
  p->ofs = src->ofs;
  p->page_ofs = src->page_ofs;
  p->read_bytes = src->read_bytes;
  p->kpage = NULL;
  p->pinned = false;
  p->changed = false;
  p->slot = SWAP_NONE;
  hash_insert (&pt->pages, &p->hash_elem);
  return p;
}

/* Returns the page of PT at user page UPAGE, or NULL if there is none.
   Owner thread only. */
struct page *
page_lookup (struct page_table *pt, const void *upage)
{
  struct page key;

  key.upage = (void *) upage;
  struct hash_elem *e = hash_find (&pt->pages, &key.hash_elem);
  return e != NULL ? hash_entry (e, struct page, hash_elem) : NULL;
}

/* Fills P's frame, which P has pinned: from swap SLOT if it is not
   SWAP_NONE, else from P's origin.  Returns false if the file came up
   short.  Runs without the frame-table lock. */
static bool
page_fill (struct page *p, swap_slot_t slot)
{
  uint8_t *kpage = p->kpage;

  ASSERT (!frame_lock_held ());
  if (slot != SWAP_NONE)
    {
      swap_read (slot, kpage);
      return true;
    }
  memset (kpage, 0, p->page_ofs);
  if (p->read_bytes > 0
      && file_read_at (p->file, kpage + p->page_ofs, p->read_bytes, p->ofs)
         != p->read_bytes)
    return false;
  memset (kpage + p->page_ofs + p->read_bytes, 0,
          PGSIZE - p->page_ofs - p->read_bytes);
  return true;
}

/* Gives back P's swap slot.  The frame-table lock is held. */
static void
page_free_slot (struct page *p)
{
  swap_free (p->slot);
  p->slot = SWAP_NONE;
  p->table->swapped_cnt--;
}

/* Maps P, which has just been filled, in its owner's page table, and
   lets go of the swap slot it came from, if any: from then on its
   bytes exist only in memory.  Returns false if memory for the page
   table is short.  The frame-table lock is held. */
static bool
page_map (struct page *p)
{
  if (!pagedir_set_page (p->table->pagedir, p->upage, p->kpage, p->writable))
    return false;
  if (p->slot != SWAP_NONE)
    {
      page_free_slot (p);
      p->changed = true;
      page_stats.swap_ins++;
    }
  page_stats.loads++;
  struct page_table *pt = p->table;
  pt->recent[pt->recent_next++ % PAGE_RECENT_CNT] = p->upage;
  return true;
}

/* Brings P into memory, if it is not there, and maps it.  If
   KEEP_PINNED, P stays pinned for the caller, who must call
   page_unpin.  Returns false if it could not be loaded: no frame, or
   its file came up short.  Owner thread only; may sleep. */
bool
page_load (struct page *p, bool keep_pinned)
{
  frame_lock_acquire ();
  while (p->kpage != NULL && p->pinned)
    frame_wait ();              /* Being evicted. */

  bool ok = true;
  if (p->kpage != NULL)
    p->pinned = keep_pinned;
  else if ((ok = frame_get (p)))
    {
      swap_slot_t slot = p->slot;
      frame_lock_release ();
      ok = page_fill (p, slot);
      frame_lock_acquire ();
      ok = ok && page_map (p);
      if (!ok)
        frame_put (p);
      else if (!keep_pinned)
        frame_unpin (p);
    }
  frame_lock_release ();
  return ok;
}

/* Unpins P, which its owner pinned with page_load.  Owner thread
   only. */
void
page_unpin (struct page *p)
{
  frame_lock_acquire ();
  frame_unpin (p);
  frame_lock_release ();
}

/* Takes resident page P out of its owner's page table, so that nobody
   can write to it any more, and returns true if it must be written
   out before its frame is reused.  The frame-table lock is held and P
   is pinned. */
static bool
page_unmap (struct page *p)
{
  uint64_t *pagedir = p->table->pagedir;

  /* Clear the mapping first: the owner may run, and write, until
     then.  The dirty bit stays readable in the cleared entry. */
  pagedir_clear_page (pagedir, p->upage);
  return p->changed || pagedir_is_dirty (pagedir, p->upage);
}

/* Writes resident page P, pinned, back to its mapped file.  Releases
   the frame-table lock, held on entry, while it writes.  The file's
   handle is shared with the owner, which is safe: file_read_at and
   file_write_at never touch a handle's position. */
static void
page_write_back (struct page *p)
{
  ASSERT (p->origin == PAGE_MMAP && p->pinned);
  frame_lock_release ();
  file_write_at (p->file, p->kpage, p->read_bytes, p->ofs);
  frame_lock_acquire ();
  p->changed = false;
  page_stats.write_backs++;
}

/* Gets P, resident and pinned, ready to give up its frame: unmaps it
   and writes it out if it must be (see the top of this file), to its
   file or to a new swap slot.  Returns false, leaving P mapped as it
   was, if it needs a swap slot and none is free.  The frame-table lock
   is held; it is released while P is written out. */
bool
page_evict (struct page *p)
{
  ASSERT (frame_lock_held ());
  ASSERT (p->kpage != NULL && p->pinned);

  if (!page_unmap (p))
    return true;
  if (p->origin == PAGE_MMAP)
    {
      page_write_back (p);
      return true;
    }

  swap_slot_t slot = swap_alloc ();
  if (slot == SWAP_NONE)
    {
      /* Map it again.  The table exists, so this cannot fail; the
         dirty bit is lost with the old entry, so remember it here. */
      bool mapped = pagedir_set_page (p->table->pagedir, p->upage, p->kpage,
                                      p->writable);
      ASSERT (mapped);
      p->changed = true;
      return false;
    }
  frame_lock_release ();
  swap_write (slot, p->kpage);
  frame_lock_acquire ();
  p->slot = slot;
  p->table->swapped_cnt++;
  p->changed = false;
  page_stats.swap_outs++;
  return true;
}

/* Returns true if P is one of the last PAGE_RECENT_CNT pages the
   running process brought into memory.  Its own faults never evict
   those: they are what the faulting instruction is still using, and
   taking one would only fault it back in, over and over, once memory
   is all but full.  A fault that finds no other page to evict fails
   instead, and the process dies.  The frame-table lock is held. */
bool
page_is_recent (const struct page *p)
{
  const struct page_table *pt = p->table;

  if (pt != thread_current ()->pages)
    return false;
  for (int i = 0; i < PAGE_RECENT_CNT; i++)
    if (pt->recent[i] == p->upage)
      return true;
  return false;
}

/* Adds to P, a page already in its table because another segment
   shares it, the bytes SRC describes: loads P, reads them into its
   frame, and marks it CHANGED, since no one origin now describes it.
   P becomes writable if SRC asks for it.  Returns NULL, or why it
   failed.  Owner thread only, while the program loads. */
const char *
page_merge (struct page *p, const struct pager_page *src)
{
  if (!page_load (p, true))
    return "out of memory";

  frame_lock_acquire ();
  p->writable = p->writable || src->writable;
  p->changed = true;
  pagedir_clear_page (p->table->pagedir, p->upage);
  bool mapped = pagedir_set_page (p->table->pagedir, p->upage, p->kpage,
                                  p->writable);
  ASSERT (mapped);
  frame_lock_release ();

  bool ok = (src->read_bytes == 0
             || file_read_at (src->file, (uint8_t *) p->kpage + src->page_ofs,
                              src->read_bytes, src->ofs)
                == (off_t) src->read_bytes);
  page_unpin (p);
  return ok ? NULL : "reading the file failed";
}

/* Frees whatever P holds: its frame, after writing a dirty mapped page
   back to its file, and its swap slot.  Waits while someone has P
   pinned.  Owner thread only. */
static void
page_release (struct page *p)
{
  frame_lock_acquire ();
  while (p->kpage != NULL && p->pinned)
    frame_wait ();
  if (p->kpage != NULL)
    {
      p->pinned = true;
      if (page_unmap (p) && p->origin == PAGE_MMAP)
        page_write_back (p);
      frame_put (p);
    }
  if (p->slot != SWAP_NONE)
    page_free_slot (p);
  frame_lock_release ();
}

/* Removes P from its page table and frees it and all it holds.  Owner
   thread only. */
void
page_remove (struct page *p)
{
  hash_delete (&p->table->pages, &p->hash_elem);
  page_release (p);
  free (p);
}

/* Frees the page whose hash element is E: for page_table_destroy. */
static void
page_destroy (struct hash_elem *e, void *aux UNUSED)
{
  struct page *p = hash_entry (e, struct page, hash_elem);
  page_release (p);
  free (p);
}

/* Frees PT and every page in it.  Its page table must still exist.
   Owner thread only. */
void
page_table_destroy (struct page_table *pt)
{
  ASSERT (list_empty (&pt->mappings));
  hash_destroy (&pt->pages, page_destroy);
  free (pt);
}

/* Copies the counts of what pages have done since boot into STATS. */
void
page_get_stats (struct page_stats *stats)
{
  frame_lock_acquire ();
  *stats = page_stats;
  frame_lock_release ();
}
/* END LAB */
