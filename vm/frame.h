/* The frame table: every frame of the user pool that holds a user
   page, in the order the clock hand visits them, and the lock that
   guards where each page lives. */
#ifndef VM_FRAME_H
#define VM_FRAME_H

#include <stdbool.h>
#include <stddef.h>

struct page;

void frame_init (void);

/* The frame-table lock (see vm/frame.c for what it guards). */
void frame_lock_acquire (void);
void frame_lock_release (void);
bool frame_lock_held (void);
void frame_wait (void);

/* With the lock held. */
bool frame_get (struct page *);
void frame_put (struct page *);
void frame_unpin (struct page *);

unsigned long frame_eviction_count (void);

#endif /* vm/frame.h */
