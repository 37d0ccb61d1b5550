/* Who started whom: each process's line of ancestors, kept for as
   long as anything refers to it, so that "was this started by that
   process or one of its descendants?" has an answer even after the
   processes in between have exited (the vmctl system call's
   ownership rule, userprog/vmown.c). */
#ifndef USERPROG_LINEAGE_H
#define USERPROG_LINEAGE_H

#include <stdbool.h>
#include "threads/thread.h"

struct lineage;

void lineage_init (void);
struct lineage *lineage_create (struct lineage *parent);
void lineage_set_pid (struct lineage *, tid_t);
tid_t lineage_pid (const struct lineage *);
void lineage_hold (struct lineage *);
void lineage_release (struct lineage *);
bool lineage_descends (const struct lineage *, const struct lineage *ancestor);
unsigned lineage_depth (const struct lineage *);

#endif /* userprog/lineage.h */
