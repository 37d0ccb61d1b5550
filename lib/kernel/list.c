/* Doubly linked intrusive lists: see list.h for how to use them.

   Terms used in the contracts below: the head and tail sentinels are
   the list's ends; an "interior" element is one of the list's real
   elements.  list_end (L) is L's tail, so "before list_end" means at
   the back of the list. */
#include "list.h"
#include <debug.h>

/* Returns true if ELEM is a head sentinel. */
static inline bool
list_is_head (struct list_elem *elem)
{
  return elem != NULL && elem->prev == NULL && elem->next != NULL;
}

/* Returns true if ELEM is an interior element. */
static inline bool
list_is_interior (struct list_elem *elem)
{
  return elem != NULL && elem->prev != NULL && elem->next != NULL;
}

/* Returns true if ELEM is a tail sentinel. */
static inline bool
list_is_tail (struct list_elem *elem)
{
  return elem != NULL && elem->prev != NULL && elem->next == NULL;
}

/* Makes LIST an empty list. */
void
list_init (struct list *list)
{
  ASSERT (list != NULL);
  list->head.prev = NULL;
  list->head.next = &list->tail;
  list->tail.prev = &list->head;
  list->tail.next = NULL;
}

/* Returns the first element of LIST, or its tail if it is empty. */
struct list_elem *
list_begin (struct list *list)
{
  ASSERT (list != NULL);
  return list->head.next;
}

/* Returns the element after ELEM, which must be the head or an
   interior element.  After the last element comes the tail. */
struct list_elem *
list_next (struct list_elem *elem)
{
  ASSERT (list_is_head (elem) || list_is_interior (elem));
  return elem->next;
}

/* Returns LIST's tail: where a forward walk ends. */
struct list_elem *
list_end (struct list *list)
{
  ASSERT (list != NULL);
  return &list->tail;
}

/* Returns the last element of LIST, or its head if it is empty. */
struct list_elem *
list_rbegin (struct list *list)
{
  ASSERT (list != NULL);
  return list->tail.prev;
}

/* Returns the element before ELEM, which must be the tail or an
   interior element.  Before the first element comes the head. */
struct list_elem *
list_prev (struct list_elem *elem)
{
  ASSERT (list_is_interior (elem) || list_is_tail (elem));
  return elem->prev;
}

/* Returns LIST's head: where a backward walk ends. */
struct list_elem *
list_rend (struct list *list)
{
  ASSERT (list != NULL);
  return &list->head;
}

/* Returns LIST's head sentinel. */
struct list_elem *
list_head (struct list *list)
{
  ASSERT (list != NULL);
  return &list->head;
}

/* Returns LIST's tail sentinel. */
struct list_elem *
list_tail (struct list *list)
{
  ASSERT (list != NULL);
  return &list->tail;
}

/* Inserts ELEM just before BEFORE, which is an interior element or a
   tail (inserting before a tail appends). */
void
list_insert (struct list_elem *before, struct list_elem *elem)
{
  ASSERT (list_is_interior (before) || list_is_tail (before));
  ASSERT (elem != NULL);

  elem->prev = before->prev;
  elem->next = before;
  before->prev->next = elem;
  before->prev = elem;
}

/* Moves elements FIRST through LAST (exclusive) out of their list and
   inserts them just before BEFORE, which may be in the same list or
   another.  Does nothing if FIRST == LAST. */
void
list_splice (struct list_elem *before,
             struct list_elem *first, struct list_elem *last)
{
  ASSERT (list_is_interior (before) || list_is_tail (before));
  if (first == last)
    return;
  last = list_prev (last);

  ASSERT (list_is_interior (first));
  ASSERT (list_is_interior (last));

  /* Cut FIRST...LAST out of its list. */
  first->prev->next = last->next;
  last->next->prev = first->prev;

  /* Link it in before BEFORE. */
  first->prev = before->prev;
  last->next = before;
  before->prev->next = first;
  before->prev = last;
}

/* Inserts ELEM at the front of LIST. */
void
list_push_front (struct list *list, struct list_elem *elem)
{
  list_insert (list_begin (list), elem);
}

/* Inserts ELEM at the back of LIST. */
void
list_push_back (struct list *list, struct list_elem *elem)
{
  list_insert (list_end (list), elem);
}

/* Unlinks ELEM, an interior element, from its list and returns the
   element that followed it.  ELEM's own links are left dangling, so
   a walk that removes elements must continue from the return value:

     for (e = list_begin (&l); e != list_end (&l); )
       e = should_go (e) ? list_remove (e) : list_next (e);  */
struct list_elem *
list_remove (struct list_elem *elem)
{
  ASSERT (list_is_interior (elem));
  elem->prev->next = elem->next;
  elem->next->prev = elem->prev;
  return elem->next;
}

/* Removes and returns the first element of LIST, which must not be
   empty. */
struct list_elem *
list_pop_front (struct list *list)
{
  struct list_elem *front = list_front (list);
  list_remove (front);
  return front;
}

/* Removes and returns the last element of LIST, which must not be
   empty. */
struct list_elem *
list_pop_back (struct list *list)
{
  struct list_elem *back = list_back (list);
  list_remove (back);
  return back;
}

/* Returns the first element of LIST, which must not be empty. */
struct list_elem *
list_front (struct list *list)
{
  ASSERT (!list_empty (list));
  return list->head.next;
}

/* Returns the last element of LIST, which must not be empty. */
struct list_elem *
list_back (struct list *list)
{
  ASSERT (!list_empty (list));
  return list->tail.prev;
}

/* Returns the number of elements in LIST, walking all of them. */
size_t
list_size (struct list *list)
{
  struct list_elem *e;
  size_t cnt = 0;

  for (e = list_begin (list); e != list_end (list); e = list_next (e))
    cnt++;
  return cnt;
}

/* Returns true if LIST has no elements. */
bool
list_empty (struct list *list)
{
  return list_begin (list) == list_end (list);
}

/* Swaps the pointers *A and *B. */
static void
list_swap (struct list_elem **a, struct list_elem **b)
{
  struct list_elem *t = *a;
  *a = *b;
  *b = t;
}

/* Reverses the order of LIST's elements. */
void
list_reverse (struct list *list)
{
  struct list_elem *e;

  if (list_empty (list))
    return;
  for (e = list_begin (list); e != list_end (list); e = e->prev)
    list_swap (&e->prev, &e->next);     /* E->prev is now the old next. */
  list_swap (&list->head.next, &list->tail.prev);
  list_swap (&list->head.next->prev, &list->tail.prev->next);
}

/* Returns true if the elements of LIST are in order by LESS, given
   AUX. */
static bool UNUSED
list_is_sorted (struct list *list, list_less_func *less, void *aux)
{
  struct list_elem *e;

  if (!list_empty (list))
    for (e = list_begin (list); list_next (e) != list_end (list);
         e = list_next (e))
      if (less (list_next (e), e, aux))
        return false;
  return true;
}

/* Merges two neighbouring runs of elements, each ordered by LESS
   (given AUX): FIRST up to MIDDLE, and MIDDLE up to END (exclusive).
   Each element of the second run is moved in front of the first
   element of the first run that is greater than it, so the merge is
   stable: of equal elements, those of the first run stay first.
   Returns END, the end of the merged run. */
static struct list_elem *
list_merge (struct list_elem *first, struct list_elem *middle,
            struct list_elem *end, list_less_func *less, void *aux)
{
  while (first != middle && middle != end)
    if (!less (middle, first, aux))
      first = list_next (first);
    else
      {
        middle = list_next (middle);
        list_splice (first, list_prev (middle), middle);
      }
  return end;
}

/* Returns the end of the run of elements, starting at RUN, that are
   in order by LESS (given AUX), stopping at END at the latest. */
static struct list_elem *
list_run_end (struct list_elem *run, struct list_elem *end,
              list_less_func *less, void *aux)
{
  do
    run = list_next (run);
  while (run != end && !less (run, list_prev (run), aux));
  return run;
}

/* Sorts LIST by LESS, given AUX, in O(n log n) time and O(1) space.
   The sort is stable: equal elements keep their order.  It is a
   bottom-up merge sort over the runs already in order: each pass
   merges neighbouring pairs of runs, until one run is left. */
void
list_sort (struct list *list, list_less_func *less, void *aux)
{
  size_t run_cnt;

  ASSERT (list != NULL);
  ASSERT (less != NULL);

  do
    {
      struct list_elem *first = list_begin (list);
      run_cnt = 0;
      while (first != list_end (list))
        {
          struct list_elem *middle = list_run_end (first, list_end (list),
                                                   less, aux);
          run_cnt++;
          if (middle == list_end (list))
            break;
          first = list_merge (first, middle,
                             list_run_end (middle, list_end (list), less, aux),
                             less, aux);
        }
    }
  while (run_cnt > 1);

  ASSERT (list_is_sorted (list, less, aux));
}

/* Inserts ELEM into LIST, which must be sorted by LESS (given AUX),
   after all elements not greater than it, so that LIST stays sorted
   and equal elements stay in order of insertion.  O(n). */
void
list_insert_ordered (struct list *list, struct list_elem *elem,
                     list_less_func *less, void *aux)
{
  struct list_elem *e;

  ASSERT (list != NULL);
  ASSERT (elem != NULL);
  ASSERT (less != NULL);

  for (e = list_begin (list); e != list_end (list); e = list_next (e))
    if (less (elem, e, aux))
      break;
  list_insert (e, elem);
}

/* Removes from LIST, which must be sorted by LESS (given AUX), every
   element equal to the one before it, keeping the first of each
   group.  Removed elements go to the back of DUPLICATES if it is not
   null. */
void
list_unique (struct list *list, struct list *duplicates,
             list_less_func *less, void *aux)
{
  struct list_elem *elem, *next;

  ASSERT (list != NULL);
  ASSERT (less != NULL);
  if (list_empty (list))
    return;

  elem = list_begin (list);
  while ((next = list_next (elem)) != list_end (list))
    if (!less (elem, next, aux) && !less (next, elem, aux))
      {
        list_remove (next);
        if (duplicates != NULL)
          list_push_back (duplicates, next);
      }
    else
      elem = next;
}

/* Returns the element of LIST that LESS (given AUX) finds extreme:
   the largest if WANT_MAX, else the smallest; the first of several
   equal ones.  Returns the tail if LIST is empty. */
static struct list_elem *
list_extreme (struct list *list, list_less_func *less, void *aux,
              bool want_max)
{
  struct list_elem *best = list_begin (list);
  struct list_elem *e;

  if (best == list_end (list))
    return best;
  for (e = list_next (best); e != list_end (list); e = list_next (e))
    if (want_max ? less (best, e, aux) : less (e, best, aux))
      best = e;
  return best;
}

/* Returns the largest element of LIST by LESS (given AUX), the first
   of several equal ones, or the tail if LIST is empty. */
struct list_elem *
list_max (struct list *list, list_less_func *less, void *aux)
{
  return list_extreme (list, less, aux, true);
}

/* Returns the smallest element of LIST by LESS (given AUX), the first
   of several equal ones, or the tail if LIST is empty. */
struct list_elem *
list_min (struct list *list, list_less_func *less, void *aux)
{
  return list_extreme (list, less, aux, false);
}
