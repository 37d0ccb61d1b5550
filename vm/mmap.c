/* Memory-mapped files.  mmap (FD, ADDR) maps the whole file open as FD
   at ADDR, page after page, the last page's tail past the end of the
   file reading as zeros; munmap (ID) takes a mapping away.  A mapping
   is a run of PAGE_MMAP pages in the supplemental page table: they
   load from the file on demand, and a page goes back to the file only
   if it was written to, when it is evicted or unmapped.  A mapping
   has its own handle on the file (file_reopen), so closing or
   removing the file leaves it intact; every mapping goes when its
   process exits.

   A request is refused, with MAP_FAILED, if FD names no open file (the
   console's 0 and 1 included), the file is empty, ADDR is 0 or not
   page-aligned, or any page of the range is already in use (code,
   data, stack, another mapping) or reaches kernel space.  munmap of an
   id the process does not have does nothing.

   Only the process itself touches its mappings: no lock. */

#include "vm/mmap.h"
#include <list.h>
#include <round.h>
#include <stdint.h>
#include <syscall-nr.h>
#include "filesys/file.h"
#include "threads/malloc.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "userprog/pager.h"
#include "userprog/process.h"
#include "userprog/syscall.h"
#include "vm/page.h"

/* LAB vm: mmap */
/* What mmap returns for a refused request. */
#define MMAP_FAILED ((uint32_t) -1)

/* One mapping of a file. */
struct mapping
  {
    int id;                     /* What mmap returned. */
    struct file *file;          /* Its own handle on the file. */
    uint8_t *base;              /* First page. */
    size_t page_cnt;            /* Pages mapped. */
    struct list_elem elem;      /* In the page table's MAPPINGS. */
  };

static syscall_handler_func mmap_sys_mmap, mmap_sys_munmap;

/* Adds the mmap and munmap system calls.  Boot time. */
void
mmap_init (void)
{
  syscall_register (SYS_MMAP, mmap_sys_mmap, 2);
  syscall_register (SYS_MUNMAP, mmap_sys_munmap, 1);
}

/* Returns true if the PAGE_CNT pages from BASE are a place a mapping
   may go in PT: page-aligned, above page 0, below PHYS_BASE, and not
   in use. */
static bool
mmap_range_free (struct page_table *pt, uint8_t *base, size_t page_cnt)
{
  uintptr_t start = (uintptr_t) base;
  if (start == 0 || pg_ofs (base) != 0 || start >= (uintptr_t) PHYS_BASE
      || page_cnt > ((uintptr_t) PHYS_BASE - start) / PGSIZE)
    return false;
  for (size_t i = 0; i < page_cnt; i++)
    if (page_lookup (pt, base + i * PGSIZE) != NULL)
      return false;
  return true;
}

/* Removes the first PAGE_CNT pages of mapping M from PT, writing the
   dirty ones back to the file. */
static void
mmap_remove_pages (struct page_table *pt, struct mapping *m, size_t page_cnt)
{
  for (size_t i = 0; i < page_cnt; i++)
    page_remove (page_lookup (pt, m->base + i * PGSIZE));
}

/* Adds the pages of mapping M, LENGTH bytes of its file, to PT.
   Returns false, having added none, if memory is short. */
static bool
mmap_add_pages (struct page_table *pt, struct mapping *m, off_t length)
{
  for (size_t i = 0; i < m->page_cnt; i++)
    {
      off_t ofs = i * PGSIZE;
      struct pager_page src =
        {
          .upage = m->base + ofs,
          .writable = true,
          .file = m->file,
          .ofs = ofs,
          .read_bytes = length - ofs < PGSIZE ? length - ofs : PGSIZE,
        };
      if (page_add (pt, &src, PAGE_MMAP) == NULL)
        {
          mmap_remove_pages (pt, m, i);
          return false;
        }
    }
  return true;
}

/* Maps FILE, LENGTH bytes long, at BASE in PT, which has room there.
   Returns the new mapping's id, or MMAP_FAILED if memory is short. */
static uint32_t
mmap_create (struct page_table *pt, struct file *file, off_t length,
             uint8_t *base)
{
  struct mapping *m = malloc (sizeof *m);
  if (m == NULL)
    return MMAP_FAILED;
  m->base = base;
  m->page_cnt = DIV_ROUND_UP (length, PGSIZE);
  m->file = file_reopen (file);
  if (m->file == NULL || !mmap_add_pages (pt, m, length))
    {
      file_close (m->file);
      free (m);
      return MMAP_FAILED;
    }
  m->id = pt->next_mapid++;
  list_push_back (&pt->mappings, &m->elem);
  return m->id;
}

/* mmap (FD, ADDR): maps the file open as FD at ADDR.  Returns the
   mapping's id, or MAP_FAILED (see the top of this file). */
static uint32_t
mmap_sys_mmap (const uint32_t args[])
{
  struct page_table *pt = thread_current ()->pages;
  struct file *file = fd_lookup (&process_current ()->fds, (int) args[0]);
  uint8_t *base = (uint8_t *) args[1];

  if (file == NULL)
    return MMAP_FAILED;
  off_t length = file_length (file);
  if (length <= 0 || !mmap_range_free (pt, base, DIV_ROUND_UP (length, PGSIZE)))
    return MMAP_FAILED;
  return mmap_create (pt, file, length, base);
}

/* Takes mapping M out of PT: writes its dirty pages back, frees them,
   and closes its file. */
static void
mmap_destroy (struct page_table *pt, struct mapping *m)
{
  mmap_remove_pages (pt, m, m->page_cnt);
  list_remove (&m->elem);
  file_close (m->file);
  free (m);
}

/* munmap (ID): removes mapping ID of the running process, if it has
   one by that id. */
static uint32_t
mmap_sys_munmap (const uint32_t args[])
{
  struct page_table *pt = thread_current ()->pages;

  for (struct list_elem *e = list_begin (&pt->mappings);
       e != list_end (&pt->mappings); e = list_next (e))
    {
      struct mapping *m = list_entry (e, struct mapping, elem);
      if (m->id == (int) args[0])
        {
          mmap_destroy (pt, m);
          break;
        }
    }
  return 0;
}

/* Removes every mapping of PT, as munmap would: at process exit. */
void
mmap_unmap_all (struct page_table *pt)
{
  while (!list_empty (&pt->mappings))
    mmap_destroy (pt, list_entry (list_front (&pt->mappings),
                                  struct mapping, elem));
}
/* END LAB */
