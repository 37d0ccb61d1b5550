/* The frame table.  A frame is a page of the user pool holding a user
   page; the table is the ring of resident pages (struct page, linked
   through FRAME_ELEM), each knowing its frame.  A page that needs a
   frame gets a free one from palloc if there is one, and otherwise
   takes one from the page the clock chooses (frame_evict):

   Clock, or second chance.  The hand goes round the ring.  A page
   whose accessed bit is set (used since the hand last passed) loses
   the bit and is passed over; the first page found with the bit clear
   is evicted.  Pinned pages are passed over too, and so are the last
   few pages the faulting process itself brought in (page_is_recent):
   they are what its instruction needs.  New pages join the ring just
   behind the hand, so they are the last it reaches.

   Pinning.  A page is pinned while its frame is being read in or
   written out, or while its owner works on it through the frame's
   kernel address.  Its frame is then never handed to anyone else, and
   whoever needs the page waits (frame_wait) until it is unpinned.

   Locking.  frame_lock guards the ring and the hand, and, for every
   page of every process, where it lives: struct page's KPAGE, PINNED,
   CHANGED and SLOT, and each page table's counts and RECENT.  I/O never
   happens under it: the page is pinned and the lock released around
   the transfer.  frame_unpinned, a condition on frame_lock, is
   signalled whenever a page is unpinned or a frame freed.

   Lock order, outermost first: frame_lock, then swap_lock
   (vm/swap.c), then the allocators' own (palloc, malloc).  The file
   system's lock is never taken with frame_lock held, and nobody holding
   frame_lock touches user memory (a fault would need the lock again):
   both are ASSERTed. */

#include "vm/frame.h"
#include <debug.h>
#include <list.h>
#include "threads/palloc.h"
#include "threads/pagedir.h"
#include "threads/synch.h"
#include "vm/page.h"

/* LAB vm: frame table */
static struct lock frame_lock;          /* Guards everything above. */
static struct condition frame_unpinned; /* A page unpinned, a frame freed. */
static struct list frame_ring;          /* Resident pages, in clock order. */
static struct list_elem *frame_hand;    /* Next to examine, or the ring's end. */
static size_t frame_cnt;                /* Pages in FRAME_RING. */
static unsigned long frame_evictions;   /* Pages evicted since boot. */

/* Sets up the empty frame table.  Boot time. */
void
frame_init (void)
{
  lock_init (&frame_lock);
  cond_init (&frame_unpinned);
  list_init (&frame_ring);
  frame_hand = list_end (&frame_ring);
}

/* Acquires the frame-table lock.  May sleep. */
void
frame_lock_acquire (void)
{
  lock_acquire (&frame_lock);
}

/* Releases the frame-table lock. */
void
frame_lock_release (void)
{
  lock_release (&frame_lock);
}

/* Returns true if the running thread holds the frame-table lock. */
bool
frame_lock_held (void)
{
  return lock_held_by_current_thread (&frame_lock);
}

/* Waits, with the lock held, until some page is unpinned or some
   frame freed; returns with the lock held again.  Callers check again
   what they waited for. */
void
frame_wait (void)
{
  cond_wait (&frame_unpinned, &frame_lock);
}

/* Returns the number of pages evicted since boot. */
unsigned long
frame_eviction_count (void)
{
  return frame_evictions;
}

/* Puts P, which has just been given the frame at KPAGE, into the ring
   behind the hand, pinned. */
static void
frame_attach (struct page *p, void *kpage)
{
  p->kpage = kpage;
  p->pinned = true;
  list_insert (frame_hand, &p->frame_elem);
  frame_cnt++;
  p->table->resident_cnt++;
}

/* Takes P out of the ring and returns the frame it held; P is then
   neither resident nor pinned. */
static void *
frame_detach (struct page *p)
{
  void *kpage = p->kpage;

  if (frame_hand == &p->frame_elem)
    frame_hand = list_next (frame_hand);
  list_remove (&p->frame_elem);
  frame_cnt--;
  p->table->resident_cnt--;
  p->kpage = NULL;
  p->pinned = false;
  cond_broadcast (&frame_unpinned, &frame_lock);
  return kpage;
}

/* Returns the page under the hand, moving the hand on round the ring.
   The ring must not be empty. */
static struct page *
frame_advance (void)
{
  if (frame_hand == list_end (&frame_ring))
    frame_hand = list_begin (&frame_ring);
  struct page *p = list_entry (frame_hand, struct page, frame_elem);
  frame_hand = list_next (frame_hand);
  return p;
}

/* Returns true if P was used since the hand last passed it, and
   clears the mark: its second chance. */
static bool
frame_second_chance (struct page *p)
{
  uint64_t *pagedir = p->table->pagedir;

  if (!pagedir_is_accessed (pagedir, p->upage))
    return false;
  pagedir_set_accessed (pagedir, p->upage, false);
  return true;
}

/* Evicts the page the clock chooses and returns its frame.  Sweeps
   the ring at most twice (after one sweep every bit is clear, so only
   pinned or unevictable pages remain).  Sets *SAW_PINNED if it passed
   a pinned page.  Returns NULL if no page could be evicted.  The lock
   is released while the victim is written out. */
static void *
frame_evict (bool *saw_pinned)
{
  for (size_t step = 0; step < 2 * frame_cnt; step++)
    {
      struct page *p = frame_advance ();
      if (p->pinned)
        *saw_pinned = true;
      else if (!page_is_recent (p) && !frame_second_chance (p))
        {
          p->pinned = true;
          if (page_evict (p))
            {
              frame_evictions++;
              return frame_detach (p);
            }
          p->pinned = false;
        }
    }
  return NULL;
}

/* Gives P, which is not resident, a frame: a free page of the user
   pool, or else one taken from another page by eviction.  P joins the
   ring pinned: the caller fills the frame and then unpins it.  Waits
   while every evictable page is pinned.  Returns false if no frame can
   be had: memory is full of pages that cannot leave it (swap is full
   or missing).  The lock is held, and may be released meanwhile. */
bool
frame_get (struct page *p)
{
  ASSERT (frame_lock_held ());
  ASSERT (p->kpage == NULL);

  for (;;)
    {
      bool saw_pinned = false;
      void *kpage = palloc_get_page (PAL_USER);
      if (kpage == NULL)
        kpage = frame_evict (&saw_pinned);
      if (kpage != NULL)
        {
          frame_attach (p, kpage);
          return true;
        }
      if (!saw_pinned)
        return false;
      frame_wait ();
    }
}

/* Frees the frame of resident page P, which its owner no longer needs
   (its mapping must be gone).  The lock is held. */
void
frame_put (struct page *p)
{
  ASSERT (frame_lock_held ());
  palloc_free_page (frame_detach (p));
}

/* Unpins resident page P and wakes whoever waits for it.  The lock is
   held. */
void
frame_unpin (struct page *p)
{
  ASSERT (frame_lock_held ());
  ASSERT (p->kpage != NULL && p->pinned);
  p->pinned = false;
  cond_broadcast (&frame_unpinned, &frame_lock);
}
/* END LAB */
