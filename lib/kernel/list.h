/* Doubly linked intrusive lists.

   A list element is embedded in the structure it links: put a
   "struct list_elem" member in your struct, link that member into a
   "struct list", and use list_entry to get from an element back to
   the struct that contains it.  No memory is allocated, so a struct
   can sit on any number of lists at once, one list_elem per list.

   A list has two sentinel elements, head (before the first element)
   and tail (after the last), so that inserting and removing never
   needs a special case.  An empty list is head followed by tail.

   Iterating:

     for (e = list_begin (&foo_list); e != list_end (&foo_list);
          e = list_next (e))
       {
         struct foo *f = list_entry (e, struct foo, elem);
         ...
       }

   None of these functions locks anything: the caller synchronizes. */
#ifndef LIB_KERNEL_LIST_H
#define LIB_KERNEL_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A link in a list: embed it in the struct being listed. */
struct list_elem
  {
    struct list_elem *prev;     /* Previous element, or NULL in head. */
    struct list_elem *next;     /* Next element, or NULL in tail. */
  };

/* A list: its two sentinels. */
struct list
  {
    struct list_elem head;      /* Before the first element. */
    struct list_elem tail;      /* After the last element. */
  };

/* From LIST_ELEM, the address of the list_elem called MEMBER inside
   some STRUCT, gives back the address of that STRUCT.  Going through
   the prev field makes the compiler reject a LIST_ELEM that is not
   list_elem-shaped. */
#define list_entry(LIST_ELEM, STRUCT, MEMBER)                   \
  ((STRUCT *) ((uint8_t *) &(LIST_ELEM)->prev                   \
               - offsetof (STRUCT, MEMBER.prev)))

/* Static form of list_init: "static struct list l = LIST_INITIALIZER (l);" */
#define LIST_INITIALIZER(NAME) { { NULL, &(NAME).tail },        \
                                 { &(NAME).head, NULL } }

void list_init (struct list *);

/* Traversal. */
struct list_elem *list_begin (struct list *);
struct list_elem *list_next (struct list_elem *);
struct list_elem *list_end (struct list *);

struct list_elem *list_rbegin (struct list *);
struct list_elem *list_prev (struct list_elem *);
struct list_elem *list_rend (struct list *);

struct list_elem *list_head (struct list *);
struct list_elem *list_tail (struct list *);

/* Insertion. */
void list_insert (struct list_elem *, struct list_elem *);
void list_splice (struct list_elem *before,
                  struct list_elem *first, struct list_elem *last);
void list_push_front (struct list *, struct list_elem *);
void list_push_back (struct list *, struct list_elem *);

/* Removal. */
struct list_elem *list_remove (struct list_elem *);
struct list_elem *list_pop_front (struct list *);
struct list_elem *list_pop_back (struct list *);

/* Elements at the ends. */
struct list_elem *list_front (struct list *);
struct list_elem *list_back (struct list *);

/* Properties. */
size_t list_size (struct list *);
bool list_empty (struct list *);

/* Reordering. */
void list_reverse (struct list *);

/* An ordering supplied by the caller: true when A must come before B.
   AUX is whatever the caller passed along with the function. */
typedef bool list_less_func (const struct list_elem *a,
                             const struct list_elem *b,
                             void *aux);

/* Operations on ordered lists. */
void list_sort (struct list *, list_less_func *, void *aux);
void list_insert_ordered (struct list *, struct list_elem *,
                          list_less_func *, void *aux);
void list_unique (struct list *, struct list *duplicates,
                  list_less_func *, void *aux);

/* Extremes. */
struct list_elem *list_max (struct list *, list_less_func *, void *aux);
struct list_elem *list_min (struct list *, list_less_func *, void *aux);

#endif /* lib/kernel/list.h */
