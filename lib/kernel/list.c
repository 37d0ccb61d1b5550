/* The intrusive doubly linked list: every operation declared in
   list.h.

   Vocabulary of the contracts: a list owns two sentinels, its head
   (prev is NULL) and its tail (next is NULL); every other element
   that hangs between them is a "member".  All changes of shape go
   through two primitives, list_join and list_cut, so the pointer
   surgery lives in one place.  Nothing here allocates or locks. */
#include "list.h"
#include <debug.h>

/* Sentinel and member tests used by the assertions.  The kind of an
   element is read from which of its links are NULL. */

/* True if E is a list's head sentinel. */
static inline bool
list_elem_is_head (const struct list_elem *e)
{
  return e != NULL && e->prev == NULL && e->next != NULL;
}

/* True if E is a member: linked on both sides. */
static inline bool
list_elem_is_member (const struct list_elem *e)
{
  return e != NULL && e->prev != NULL && e->next != NULL;
}

/* True if E is a list's tail sentinel. */
static inline bool
list_elem_is_tail (const struct list_elem *e)
{
  return e != NULL && e->prev != NULL && e->next == NULL;
}

/* Links LEFT and RIGHT to each other, so that RIGHT follows LEFT.
   Whatever lay between them before is forgotten by both. */
static inline void
list_join (struct list_elem *left, struct list_elem *right)
{
  left->next = right;
  right->prev = left;
}

/* Detaches the chain of members FIRST through LAST (inclusive, in
   list order) from the list holding them, closing the gap.  The
   chain's own inner links, and FIRST->prev and LAST->next, are left
   as they were. */
static void
list_cut (struct list_elem *first, struct list_elem *last)
{
  list_join (first->prev, last->next);
}

/* Makes LIST empty: its head followed directly by its tail.  Any
   members it had are forgotten, not touched. */
void
list_init (struct list *list)
{
  list_join (&list->head, &list->tail);
  list->head.prev = NULL;
  list->tail.next = NULL;
}

/* Returns LIST's tail sentinel. */
struct list_elem *
list_tail (struct list *list)
{
  return &list->tail;
}

/* Returns LIST's head sentinel.  A walk written as
   "e = list_head (l); while ((e = list_next (e)) != list_end (l))"
   visits every member. */
struct list_elem *
list_head (struct list *list)
{
  return &list->head;
}

/* Returns LIST's first member, or its tail if LIST is empty: where a
   forward walk starts. */
struct list_elem *
list_begin (struct list *list)
{
  return list_head (list)->next;
}

/* Returns LIST's tail sentinel, where a forward walk stops. */
struct list_elem *
list_end (struct list *list)
{
  return list_tail (list);
}

/* Returns LIST's last member, or its head if LIST is empty: where a
   backward walk starts. */
struct list_elem *
list_rbegin (struct list *list)
{
  return list_tail (list)->prev;
}

/* Returns LIST's head sentinel, where a backward walk stops. */
struct list_elem *
list_rend (struct list *list)
{
  return list_head (list);
}

/* Returns the element after ELEM, which must be a head or a member.
   After the last member this is the tail, list_end. */
struct list_elem *
list_next (struct list_elem *elem)
{
  ASSERT (list_elem_is_head (elem) || list_elem_is_member (elem));
  return elem->next;
}

/* Returns the element before ELEM, which must be a member or a
   tail.  Before the first member this is the head, list_rend. */
struct list_elem *
list_prev (struct list_elem *elem)
{
  ASSERT (list_elem_is_member (elem) || list_elem_is_tail (elem));
  return elem->prev;
}

/* True if LIST has no members. */
bool
list_empty (struct list *list)
{
  return list->head.next == &list->tail;
}

/* Counts LIST's members.  Takes time proportional to their number. */
size_t
list_size (struct list *list)
{
  size_t count = 0;
  struct list_elem *e;

  for (e = list_begin (list); e != list_end (list); e = list_next (e))
    count++;
  return count;
}

/* Returns LIST's first member; LIST must not be empty. */
struct list_elem *
list_front (struct list *list)
{
  struct list_elem *first = list->head.next;

  ASSERT (first != &list->tail);
  return first;
}

/* Returns LIST's last member; LIST must not be empty. */
struct list_elem *
list_back (struct list *list)
{
  struct list_elem *last = list->tail.prev;

  ASSERT (last != &list->head);
  return last;
}

/* Links ELEM, which belongs to no list, just before BEFORE, a member
   or a tail.  Inserting before a tail appends. */
void
list_insert (struct list_elem *before, struct list_elem *elem)
{
  ASSERT (list_elem_is_member (before) || list_elem_is_tail (before));
  ASSERT (elem != NULL);
  list_join (before->prev, elem);
  list_join (elem, before);
}

/* Makes ELEM the first member of LIST. */
void
list_push_front (struct list *list, struct list_elem *elem)
{
  list_insert (list->head.next, elem);
}

/* Makes ELEM the last member of LIST. */
void
list_push_back (struct list *list, struct list_elem *elem)
{
  list_insert (&list->tail, elem);
}

/* Moves the members from FIRST up to but not including LAST out of
   their list and links them, in the same order, just before BEFORE
   (a member or a tail, possibly of another list).  FIRST == LAST
   moves nothing.  BEFORE must not lie within the moved range. */
void
list_splice (struct list_elem *before, struct list_elem *first,
             struct list_elem *last)
{
  struct list_elem *final;

  ASSERT (list_elem_is_member (before) || list_elem_is_tail (before));
  if (first == last)
    return;
  ASSERT (list_elem_is_member (first));
  ASSERT (list_elem_is_member (last) || list_elem_is_tail (last));

  final = last->prev;
  list_cut (first, final);
  list_join (before->prev, first);
  list_join (final, before);
}

/* Unlinks LIST's first member and returns it.  LIST must not be
   empty. */
struct list_elem *
list_pop_front (struct list *list)
{
  struct list_elem *first = list_front (list);

  list_remove (first);
  return first;
}

/* Unlinks LIST's last member and returns it.  LIST must not be
   empty. */
struct list_elem *
list_pop_back (struct list *list)
{
  struct list_elem *last = list_back (list);

  list_remove (last);
  return last;
}

/* Unlinks member ELEM from its list and returns the element that
   followed it (a member or the tail).  ELEM's own links are left
   unchanged, but ELEM is no longer in a list: to go on walking after
   a removal, use the returned element, as in
   "e = list_remove (e)", not list_next (ELEM). */
struct list_elem *
list_remove (struct list_elem *elem)
{
  ASSERT (list_elem_is_member (elem));
  list_cut (elem, elem);
  return elem->next;
}

/* Turns LIST around: its last member becomes the first.  Every
   member's two links trade places, then the sentinels are pointed at
   the new ends. */
void
list_reverse (struct list *list)
{
  struct list_elem *old_first = list_begin (list);
  struct list_elem *old_last = list_rbegin (list);
  struct list_elem *e = old_first;

  if (list_empty (list))
    return;
  while (e != list_end (list))
    {
      struct list_elem *following = e->next;
      e->next = e->prev;
      e->prev = following;
      e = following;
    }
  list_join (&list->head, old_last);
  list_join (old_first, &list->tail);
}

/* Returns the element COUNT steps after FROM, or STOP if STOP comes
   first.  FROM may equal STOP. */
static struct list_elem *
list_advance (struct list_elem *from, size_t count, struct list_elem *stop)
{
  while (count-- > 0 && from != stop)
    from = list_next (from);
  return from;
}

/* Merges two neighbouring sorted segments of a list into one sorted
   segment, in place: the left segment runs from LEFT up to RIGHT,
   the right one from RIGHT up to STOP.  Members of the right segment
   that are LESS than the current left member are moved in front of
   it, so equal members keep their left-before-right order. */
static void
list_merge_segments (struct list_elem *left, struct list_elem *right,
                     struct list_elem *stop, list_less_func *less,
                     void *aux)
{
  while (left != right && right != stop)
    {
      if (less (right, left, aux))
        {
          struct list_elem *moving = right;
          right = list_next (right);
          list_splice (left, moving, right);
        }
      else
        left = list_next (left);
    }
}

/* Sorts LIST by LESS (given AUX) in O(n lg n) time and no extra
   memory.  The sort is stable: members that compare equal keep
   their relative order.

   Bottom-up merge sort: the first pass merges pairs of single
   members, the next pairs of 2-member segments, then of 4, and so
   on, until a pass finds only one segment to merge. */
void
list_sort (struct list *list, list_less_func *less, void *aux)
{
  size_t width;

  ASSERT (list != NULL);
  ASSERT (less != NULL);
  for (width = 1; ; width *= 2)
    {
      struct list_elem *left = list_begin (list);
      size_t merges = 0;

      while (left != list_end (list))
        {
          struct list_elem *right = list_advance (left, width,
                                                  list_end (list));
          struct list_elem *stop = list_advance (right, width,
                                                 list_end (list));
          list_merge_segments (left, right, stop, less, aux);
          merges++;
          left = stop;
        }
      if (merges <= 1)
        break;
    }
}

/* Inserts ELEM into LIST, which must already be sorted by LESS
   (given AUX), keeping it sorted.  ELEM goes after any members equal
   to it, so repeated insertion is stable.  Linear time. */
void
list_insert_ordered (struct list *list,
                     struct list_elem *elem, list_less_func *less, void *aux)
{
  struct list_elem *e = list_begin (list);

  ASSERT (elem != NULL);
  ASSERT (less != NULL);
  while (e != list_end (list) && !less (elem, e, aux))
    e = list_next (e);
  list_insert (e, elem);
}

/* True if neither of A and B is LESS than the other (given AUX). */
static bool
list_equal (const struct list_elem *a, const struct list_elem *b,
            list_less_func *less, void *aux)
{
  return !less (a, b, aux) && !less (b, a, aux);
}

/* Walks LIST and, wherever several neighbouring members are equal
   by LESS (given AUX), keeps only the first of them.  The others are
   appended, in order, to DUPLICATES if it is not NULL, and otherwise
   simply unlinked. */
void
list_unique (struct list *list, struct list *duplicates, list_less_func *less,
             void *aux)
{
  struct list_elem *kept;

  ASSERT (list != NULL && less != NULL);
  if (list_empty (list))
    return;
  kept = list_begin (list);
  while (list_next (kept) != list_end (list))
    {
      struct list_elem *candidate = list_next (kept);

      if (!list_equal (kept, candidate, less, aux))
        {
          kept = candidate;
          continue;
        }
      list_remove (candidate);
      if (duplicates != NULL)
        list_push_back (duplicates, candidate);
    }
}

/* Returns the first member of LIST for which no later member M
   makes BETTER (M, best so far, AUX) true, or list_end if LIST is
   empty.  With BETTER = "greater" that is the first maximum. */
static struct list_elem *
list_pick (struct list *list,
           bool (*better) (const struct list_elem *,
                           const struct list_elem *,
                           list_less_func *, void *),
           list_less_func *less, void *aux)
{
  struct list_elem *best = list_begin (list);
  struct list_elem *e;

  ASSERT (less != NULL);
  if (best == list_end (list))
    return best;
  for (e = list_next (best); e != list_end (list); e = list_next (e))
    if (better (e, best, less, aux))
      best = e;
  return best;
}

/* True if A is greater than B by LESS (given AUX).  For list_pick. */
static bool
list_greater (const struct list_elem *a, const struct list_elem *b,
              list_less_func *less, void *aux)
{
  return less (b, a, aux);
}

/* True if A is less than B by LESS (given AUX).  For list_pick. */
static bool
list_lesser (const struct list_elem *a, const struct list_elem *b,
             list_less_func *less, void *aux)
{
  return less (a, b, aux);
}

/* Returns LIST's greatest member by LESS (given AUX); of several
   equal greatest, the first.  Returns list_end if LIST is empty. */
struct list_elem *
list_max (struct list *list, list_less_func *less, void *aux)
{
  return list_pick (list, list_greater, less, aux);
}

/* Returns LIST's least member by LESS (given AUX); of several equal
   least, the first.  Returns list_end if LIST is empty. */
struct list_elem *
list_min (struct list *list, list_less_func *less, void *aux)
{
  return list_pick (list, list_lesser, less, aux);
}
