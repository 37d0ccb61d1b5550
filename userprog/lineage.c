/* Who started whom.  Every process has a struct lineage, made when it
   is and pointing to its parent's, so the lineages form a tree that
   mirrors the process tree.  A lineage lives while anything refers to
   it: its process (until it exits), the lineage of each child, and
   anything else that took a reference (the record of a VM the process
   started, userprog/vmown.c).  When the last reference goes, the
   lineage goes, and its parent loses one reference in turn.

   Reference counts change under lineage_lock: processes and the
   kernel threads that reap VMs let go of lineages at any time.  The
   links themselves never change, so walking up a lineage the caller
   holds needs no lock. */

#include "userprog/lineage.h"
#include "threads/malloc.h"
#include "threads/synch.h"

/* One process's place in the tree. */
struct lineage
  {
    struct lineage *parent;     /* Who started it; null: the kernel did. */
    tid_t pid;                  /* Its process id, TID_ERROR until set. */
    int ref_cnt;                /* References; freed at 0. */
  };

/* Guards every lineage's REF_CNT. */
static struct lock lineage_lock;

/* Sets up lineages: call once, before the first process starts. */
void
lineage_init (void)
{
  lock_init (&lineage_lock);
}

/* Creates the lineage of a process started by the process whose
   lineage is PARENT, or by the kernel if PARENT is null, with one
   reference, for the new process.  Returns null if memory is short. */
struct lineage *
lineage_create (struct lineage *parent)
{
  struct lineage *l = malloc (sizeof *l);
  if (l == NULL)
    return NULL;
  l->parent = parent;
  l->pid = TID_ERROR;
  l->ref_cnt = 1;
  if (parent != NULL)
    lineage_hold (parent);
  return l;
}

/* Records PID, the process id of L's process, once it has one. */
void
lineage_set_pid (struct lineage *l, tid_t pid)
{
  l->pid = pid;
}

/* Returns the process id of L's process. */
tid_t
lineage_pid (const struct lineage *l)
{
  return l->pid;
}

/* Takes a reference to L for the caller. */
void
lineage_hold (struct lineage *l)
{
  lock_acquire (&lineage_lock);
  l->ref_cnt++;
  lock_release (&lineage_lock);
}

/* Drops a reference to L; the last one frees L, which drops one of
   its parent's, and so on up. */
void
lineage_release (struct lineage *l)
{
  while (l != NULL)
    {
      lock_acquire (&lineage_lock);
      bool last = --l->ref_cnt == 0;
      lock_release (&lineage_lock);
      if (!last)
        return;
      struct lineage *parent = l->parent;
      free (l);
      l = parent;
    }
}

/* Returns true if L is ANCESTOR or lies below it: L's process was
   ANCESTOR's or was started by a descendant of it.  The caller holds
   references to both. */
bool
lineage_descends (const struct lineage *l, const struct lineage *ancestor)
{
  for (; l != NULL; l = l->parent)
    if (l == ancestor)
      return true;
  return false;
}

/* Returns how many ancestors L has: 0 for a process the kernel
   started itself (a "run" action), 1 for a process that one started,
   and so on. */
unsigned
lineage_depth (const struct lineage *l)
{
  unsigned depth = 0;
  for (l = l->parent; l != NULL; l = l->parent)
    depth++;
  return depth;
}
