/* Swap slots: page-sized pieces of the swap partition, where pages
   that cannot be read back from anywhere else wait while they are out
   of memory. */
#ifndef VM_SWAP_H
#define VM_SWAP_H

#include <stddef.h>

/* A swap slot's index, or SWAP_NONE. */
typedef size_t swap_slot_t;
#define SWAP_NONE ((swap_slot_t) -1)

void swap_init (void);
swap_slot_t swap_alloc (void);
void swap_free (swap_slot_t);
void swap_write (swap_slot_t, const void *kpage);
void swap_read (swap_slot_t, void *kpage);
size_t swap_free_count (void);
size_t swap_slot_count (void);

#endif /* vm/swap.h */
