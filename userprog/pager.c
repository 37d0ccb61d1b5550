/* The pager in charge of user pages (see pager.h), and userprog's own,
   the eager pager: every page is taken from the user pool, filled and
   mapped the moment the loader asks for it, and stays until the
   process exits, when pagedir_destroy() frees it with its page table.
   Page faults are never resolved: a fault is a bad access.  A pager
   registered by a higher layer replaces this one as a whole. */

#include "userprog/pager.h"
#include <debug.h>
#include <string.h>
#include "filesys/file.h"
#include "threads/interrupt.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/thread.h"
#include "threads/vaddr.h"

static const char *eager_map (const struct pager_page *);
static bool eager_is_mapped (const void *upage);

/* The eager pager: no per-process state, no faults resolved. */
static const struct pager eager_pager =
  {
    .map = eager_map,
    .is_mapped = eager_is_mapped,
  };

/* The pager in charge. */
static const struct pager *pager = &eager_pager;

/* Puts PAGER in charge of every address space created from now on.
   Call once, during boot, before the first process starts. */
void
pager_register (const struct pager *new_pager)
{
  ASSERT (new_pager->map != NULL && new_pager->is_mapped != NULL);
  pager = new_pager;
}

/* Returns the kernel address of user page UPAGE in the running
   thread's page table, mapping a new zeroed page there if there is
   none yet, and making it writable if WRITABLE.  Returns NULL if
   memory is short. */
static uint8_t *
eager_get_page (void *upage, bool writable)
{
  uint64_t *pagedir = thread_current ()->pagedir;
  uint8_t *kpage = pagedir_get_page (pagedir, upage);
  if (kpage != NULL)
    {
      if (writable)
        {
          pagedir_clear_page (pagedir, upage);
          pagedir_set_page (pagedir, upage, kpage, true);
        }
      return kpage;
    }

  kpage = palloc_get_page (PAL_USER | PAL_ZERO);
  if (kpage != NULL && !pagedir_set_page (pagedir, upage, kpage, writable))
    {
      palloc_free_page (kpage);
      kpage = NULL;
    }
  return kpage;
}

/* Maps PAGE at once: a page from the user pool (new pages start
   zeroed), with its bytes read from the file. */
static const char *
eager_map (const struct pager_page *page)
{
  uint8_t *kpage = eager_get_page (page->upage, page->writable);
  if (kpage == NULL)
    return "out of memory";
  if (page->read_bytes > 0
      && file_read_at (page->file, kpage + page->page_ofs, page->read_bytes,
                       page->ofs) != (off_t) page->read_bytes)
    return "reading the file failed";
  return NULL;
}

/* Returns true if UPAGE is mapped in the running thread's table. */
static bool
eager_is_mapped (const void *upage)
{
  return pagedir_get_page (thread_current ()->pagedir, upage) != NULL;
}

/* Sets up the pager's state for thread T, whose page table was just
   created.  Returns false if memory is short. */
bool
pager_create (struct thread *t)
{
  return pager->create == NULL || pager->create (t);
}

/* Frees the user pages of the running thread T, whose page table is
   about to be destroyed. */
void
pager_destroy (struct thread *t)
{
  if (pager->destroy != NULL)
    pager->destroy (t);
}

/* Maps the user page PAGE describes into the running process's
   address space.  Returns NULL on success, else why not. */
const char *
pager_map (const struct pager_page *page)
{
  ASSERT (pg_ofs (page->upage) == 0);
  ASSERT (page->page_ofs + page->read_bytes <= PGSIZE);
  ASSERT (page->file != NULL || page->read_bytes == 0);
  return pager->map (page);
}

/* Returns true if user page UPAGE of the running process is mapped. */
bool
pager_is_mapped (const void *upage)
{
  return pager->is_mapped (upage);
}

/* Asks the pager to resolve a fault at user address ADDR (see struct
   pager).  Called by the page-fault handler, with interrupts off, for
   a fault in code that may sleep: turns interrupts on before the
   pager runs. */
enum pager_fault
pager_fault (void *addr, bool write, void *user_esp)
{
  if (pager->fault == NULL)
    return PAGER_FAULT_BAD;
  intr_enable ();
  return pager->fault (addr, write, user_esp);
}

/* Returns how many user pages the running process holds in memory
   that the pager may take away and give back as it runs: none with
   the eager pager, whose pages stay put.  The free-page count user
   programs see (freepages) counts them as free, so that a program's
   own demand paging does not look like a leak. */
size_t
pager_held_pages (void)
{
  return pager->held_pages != NULL ? pager->held_pages () : 0;
}
