/* The supplemental page table: for each user page of a process, what
   it is (writable? where do its bytes come from?) and where it is now:
   in a frame, in a swap slot, or still only at its origin. */
#ifndef VM_PAGE_H
#define VM_PAGE_H

#include <hash.h>
#include <list.h>
#include <stdbool.h>
#include <stdint.h>
#include "filesys/off_t.h"
#include "vm/swap.h"

struct file;
struct pager_page;

/* How many of the pages a process brought into memory last are kept
   from its own evictions (see page_is_recent). */
#define PAGE_RECENT_CNT 4

/* Where a page's bytes come from while it is neither in memory nor in
   swap, and where they go when it leaves memory dirty. */
enum page_origin
  {
    PAGE_ZERO,          /* Zeros (stack, bss); dirty pages go to swap. */
    PAGE_EXEC,          /* The executable's bytes; dirty pages go to swap. */
    PAGE_MMAP           /* A mapped file's bytes; dirty pages go back to it. */
  };

/* One user page of a process. */
struct page
  {
    /* Set when the page is added, then fixed (WRITABLE may grow while
       the program loads, under the frame-table lock). */
    void *upage;                /* User address, page-aligned. */
    struct page_table *table;   /* The page table it belongs to. */
    enum page_origin origin;    /* Where its bytes come from. */
    bool writable;              /* May the process write to it? */
    struct file *file;          /* PAGE_EXEC, PAGE_MMAP: the file... */
    off_t ofs;                  /* ...READ_BYTES bytes from this offset... */
    uint16_t page_ofs;          /* ...going here in the page; */
    uint16_t read_bytes;        /* the page's other bytes are zero. */
    struct hash_elem hash_elem; /* In TABLE's hash (owner thread only). */

    /* Where the page lives: under the frame-table lock (vm/frame.h). */
    void *kpage;                /* Its frame, or NULL if not resident. */
    bool pinned;                /* Frame in kernel use: not evictable. */
    bool changed;               /* Differs from its origin, and not in swap. */
    swap_slot_t slot;           /* Swap slot holding it, or SWAP_NONE. */
    struct list_elem frame_elem;  /* In the frame table, while resident. */
  };

/* A process's supplemental page table. */
struct page_table
  {
    struct hash pages;          /* Its struct page, by UPAGE. */
    uint64_t *pagedir;          /* The process's page table. */
    size_t resident_cnt;        /* Pages in frames (frame-table lock). */
    size_t swapped_cnt;         /* Pages in swap slots (likewise). */
    void *recent[PAGE_RECENT_CNT];  /* Pages it last brought in (likewise). */
    unsigned recent_next;       /* Where in RECENT the next one goes. */

    /* Owned by vm/mmap.c. */
    struct list mappings;       /* Its struct mapping, by id. */
    int next_mapid;             /* Id for the next mapping. */
  };

/* Counts of what pages have done since boot (see page_get_stats). */
struct page_stats
  {
    unsigned long loads;        /* Pages brought into memory. */
    unsigned long swap_outs;    /* Pages written to swap. */
    unsigned long swap_ins;     /* Pages read back from swap. */
    unsigned long write_backs;  /* Mapped pages written to their files. */
  };

struct page_table *page_table_create (uint64_t *pagedir);
void page_table_destroy (struct page_table *);

struct page *page_add (struct page_table *, const struct pager_page *,
                       enum page_origin);
struct page *page_lookup (struct page_table *, const void *upage);
const char *page_merge (struct page *, const struct pager_page *);
void page_remove (struct page *);

bool page_load (struct page *, bool keep_pinned);
void page_unpin (struct page *);
bool page_evict (struct page *);
bool page_is_recent (const struct page *);

void page_get_stats (struct page_stats *);

#endif /* vm/page.h */
