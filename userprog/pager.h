/* User pages: how the pages of a process's address space come to
   exist.  The loader (userprog/elf.c) and the argument pusher
   (userprog/args.c) describe each page a new process needs and where
   its bytes come from; a pager makes the page.  userprog's own pager
   maps every page at once from the user pool.  A memory manager above
   userprog (the vm lab) registers a pager of its own, which records
   the pages and fills them on demand, and which then also resolves
   page faults: the lower layer declares the hook, the higher one
   fills it in. */
#ifndef USERPROG_PAGER_H
#define USERPROG_PAGER_H

#include <stdbool.h>
#include <stddef.h>
#include "filesys/off_t.h"

struct file;
struct thread;

/* A page a new process needs: READ_BYTES bytes of FILE, from offset
   OFS, go at offset PAGE_OFS within the page; every other byte is
   zero.  A page mapped a second time (two segments may share a page)
   keeps its bytes outside the new range and becomes writable if
   either mapping asks for it. */
struct pager_page
  {
    void *upage;                /* Page-aligned user address. */
    bool writable;              /* May the process write to it? */
    struct file *file;          /* Where bytes come from; NULL for none. */
    off_t ofs;                  /* Offset in FILE of the first byte. */
    size_t page_ofs;            /* Where in the page that byte goes. */
    size_t read_bytes;          /* Bytes from FILE (0 with no FILE). */
  };

/* What a page fault on a user address came to. */
enum pager_fault
  {
    PAGER_FAULT_BAD,            /* Not a page the process may touch. */
    PAGER_FAULT_READ_ONLY,      /* A write to a page it may only read. */
    PAGER_FAULT_RESOLVED,       /* The page is in place: retry the access. */
    PAGER_FAULT_NO_MEMORY       /* A valid page, but no memory to load it. */
  };

/* A pager's operations.  All of them act on the running process's
   address space (its thread's page table), may sleep, and are called
   with no locks held.  Those marked optional may be NULL. */
struct pager
  {
    /* Optional: sets up what the pager keeps for thread T, whose page
       table was just created.  Returns false if memory is short. */
    bool (*create) (struct thread *t);

    /* Optional: frees every user page of thread T (the running
       thread), before its page table is destroyed. */
    void (*destroy) (struct thread *t);

    /* Maps the page PAGE describes.  FILE stays open until the address
       space is destroyed.  Returns NULL, or why it failed. */
    const char *(*map) (const struct pager_page *page);

    /* Returns true if user page UPAGE is mapped (or will be, on
       demand). */
    bool (*is_mapped) (const void *upage);

    /* Optional: resolves a fault at user address ADDR, a WRITE or a
       read, that found no page; USER_ESP is the process's stack
       pointer when it last entered the kernel (or faulted). */
    enum pager_fault (*fault) (void *addr, bool write, void *user_esp);

    /* Optional: user pages the running process holds that the pager
       moves in and out of memory as it runs (see pager_held_pages). */
    size_t (*held_pages) (void);
  };

void pager_register (const struct pager *);

bool pager_create (struct thread *);
void pager_destroy (struct thread *);
const char *pager_map (const struct pager_page *);
bool pager_is_mapped (const void *upage);
enum pager_fault pager_fault (void *addr, bool write, void *user_esp);
size_t pager_held_pages (void);

#endif /* userprog/pager.h */
