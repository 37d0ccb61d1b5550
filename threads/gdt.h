/* The global descriptor table: flat kernel and user segments and the
   task-state segment.  Selectors are in threads/loader.h. */
#ifndef THREADS_GDT_H
#define THREADS_GDT_H

void gdt_init (void);

#endif /* threads/gdt.h */
