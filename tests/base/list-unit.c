/* Unit test of the intrusive list library (lib/kernel/list.c):
   traversal both ways, insertion and removal at every position,
   splicing, reversal, stable sorting, ordered insertion, removal of
   duplicates, and the extremes.  Small cases print the resulting
   order; large ones are checked against what they must be. */

#include <list.h>
#include <random.h>
#include <stdio.h>
#include <string.h>
#include "tests/base/check.h"
#include "tests/ktest.h"

/* A listed item: a KEY to order by and its SEQ, the order in which it
   was created, to see whether equal keys kept their order. */
struct item
  {
    int key;
    int seq;
    struct list_elem elem;
  };

/* Items for the large cases, and how many distinct keys they use. */
#define LIST_UNIT_BIG 200
#define LIST_UNIT_KEYS 10

static struct item list_unit_items[LIST_UNIT_BIG];

/* Orders items by key alone.  list_less_func. */
static bool
item_less (const struct list_elem *a, const struct list_elem *b,
           void *aux UNUSED)
{
  return (list_entry (a, struct item, elem)->key
          < list_entry (b, struct item, elem)->key);
}

/* Returns the item ELEM belongs to. */
static struct item *
item_of (struct list_elem *elem)
{
  return list_entry (elem, struct item, elem);
}

/* Gives the first CNT items keys KEYS[] and sequence numbers in
   order, and appends them to the empty list L. */
static void
fill (struct list *l, const int *keys, size_t cnt)
{
  size_t i;

  list_init (l);
  for (i = 0; i < cnt; i++)
    {
      list_unit_items[i].key = keys[i];
      list_unit_items[i].seq = i;
      list_push_back (l, &list_unit_items[i].elem);
    }
}

/* Checks that walking L backward meets the elements of the forward
   walk in reverse, and that list_size agrees; then prints WHAT and
   L's keys in order. */
static void
show (const char *what, struct list *l)
{
  char line[128];
  size_t len = 0, fwd = 0, bwd = 0;
  struct list_elem *e;

  line[0] = '\0';
  for (e = list_begin (l); e != list_end (l); e = list_next (e), fwd++)
    len += snprintf (line + len, sizeof line - len, " %d", item_of (e)->key);
  for (e = list_rbegin (l); e != list_rend (l); e = list_prev (e))
    bwd++;
  check_uint ("backward walk length", bwd, fwd);
  check_uint ("list_size", list_size (l), fwd);
  CHECK (list_empty (l) == (fwd == 0), "list_empty disagrees with size");
  CHECK (len < sizeof line, "list too long to show");
  msg ("%s:%s", what, line);
}

/* Empty lists: both walks end at once. */
static void
test_empty (void)
{
  struct list l;

  list_init (&l);
  CHECK (list_begin (&l) == list_end (&l), "empty list has a first element");
  CHECK (list_rbegin (&l) == list_rend (&l), "empty list has a last element");
  CHECK (list_next (list_head (&l)) == list_tail (&l),
         "head of an empty list is not followed by its tail");
  show ("empty", &l);
}

/* Pushing and popping at both ends. */
static void
test_push_pop (void)
{
  struct list l;
  int i;

  list_init (&l);
  for (i = 0; i < 5; i++)
    {
      list_unit_items[i].key = i;
      list_push_back (&l, &list_unit_items[i].elem);
    }
  for (i = 5; i < 8; i++)
    {
      list_unit_items[i].key = i;
      list_push_front (&l, &list_unit_items[i].elem);
    }
  show ("push_back 0-4, push_front 5-7", &l);
  check_int ("list_front", item_of (list_front (&l))->key, 7);
  check_int ("list_back", item_of (list_back (&l))->key, 4);
  check_int ("list_pop_front", item_of (list_pop_front (&l))->key, 7);
  check_int ("list_pop_back", item_of (list_pop_back (&l))->key, 4);
  show ("after pop_front, pop_back", &l);
}

/* Insertion before any element and removal of any element. */
static void
test_insert_remove (void)
{
  static const int keys[] = { 0, 1, 2, 3 };
  struct list l;
  struct item *x = &list_unit_items[10], *y = &list_unit_items[11];

  fill (&l, keys, 4);
  x->key = 10;
  y->key = 11;
  list_insert (&list_unit_items[2].elem, &x->elem);
  list_insert (list_end (&l), &y->elem);
  show ("insert 10 before 2, 11 at end", &l);
  CHECK (list_remove (&list_unit_items[0].elem) == &list_unit_items[1].elem,
         "list_remove of the first element did not return the second");
  CHECK (list_remove (&y->elem) == list_end (&l),
         "list_remove of the last element did not return list_end");
  list_remove (&x->elem);
  show ("remove 0, 11, 10", &l);
}

/* Moving a range of one list into another. */
static void
test_splice (void)
{
  static const int keys[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  struct list a, b;
  int i;

  fill (&a, keys, 8);
  list_init (&b);
  for (i = 8; i < 10; i++)
    {
      list_unit_items[i].key = 10 * i;
      list_push_back (&b, &list_unit_items[i].elem);
    }
  list_splice (&list_unit_items[9].elem, &list_unit_items[2].elem,
               &list_unit_items[5].elem);
  show ("splice 2-4 before 90: source", &a);
  show ("splice 2-4 before 90: destination", &b);
  list_splice (list_begin (&b), &list_unit_items[6].elem,
               &list_unit_items[6].elem);
  show ("splice of an empty range", &a);
}

/* Reversal of lists of 0, 1, 2 and 5 elements. */
static void
test_reverse (void)
{
  static const int keys[] = { 1, 2, 3, 4, 5 };
  static const size_t sizes[] = { 0, 1, 2, 5 };
  struct list l;
  size_t i;

  for (i = 0; i < sizeof sizes / sizeof *sizes; i++)
    {
      char what[32];
      fill (&l, keys, sizes[i]);
      list_reverse (&l);
      snprintf (what, sizeof what, "reverse %zu", sizes[i]);
      show (what, &l);
    }
}

/* Checks that L holds CNT items in nondecreasing key order, equal
   keys in increasing SEQ order if SEQ_UP, else in decreasing order. */
static void
check_sorted_stable (struct list *l, size_t cnt, const char *what,
                     bool seq_up)
{
  struct list_elem *e;
  struct item *prev = NULL;

  check_uint (what, list_size (l), cnt);
  for (e = list_begin (l); e != list_end (l); e = list_next (e))
    {
      struct item *it = item_of (e);
      if (prev != NULL)
        {
          CHECK (prev->key <= it->key, "%s: key %d before key %d",
                 what, prev->key, it->key);
          CHECK (prev->key < it->key || (prev->seq < it->seq) == seq_up,
                 "%s: equal keys %d out of order (%d before %d)",
                 what, it->key, prev->seq, it->seq);
        }
      prev = it;
    }
}

/* Gives the first CNT items random keys below LIST_UNIT_KEYS and
   sequence numbers in order, and appends them to the empty list L. */
static void
fill_random (struct list *l, size_t cnt)
{
  size_t i;

  list_init (l);
  for (i = 0; i < cnt; i++)
    {
      list_unit_items[i].key = random_ulong () % LIST_UNIT_KEYS;
      list_unit_items[i].seq = i;
      list_push_back (l, &list_unit_items[i].elem);
    }
}

/* Sorting: small lists shown, a large one with many equal keys
   checked for order and stability, and sorting a sorted list. */
static void
test_sort (void)
{
  static const int keys[] = { 5, 3, 9, 1, 3, 7, 0 };
  struct list l;

  fill (&l, keys, sizeof keys / sizeof *keys);
  list_sort (&l, item_less, NULL);
  show ("sort 5 3 9 1 3 7 0", &l);
  fill (&l, keys, 0);
  list_sort (&l, item_less, NULL);
  show ("sort empty", &l);
  fill (&l, keys + 5, 2);
  list_sort (&l, item_less, NULL);
  show ("sort 7 0", &l);
  fill (&l, keys, 3);
  list_sort (&l, item_less, NULL);
  show ("sort 5 3 9", &l);

  fill_random (&l, LIST_UNIT_BIG);
  list_sort (&l, item_less, NULL);
  check_sorted_stable (&l, LIST_UNIT_BIG, "sort", true);
  list_sort (&l, item_less, NULL);
  check_sorted_stable (&l, LIST_UNIT_BIG, "sort of a sorted list", true);
  list_reverse (&l);
  list_sort (&l, item_less, NULL);
  check_sorted_stable (&l, LIST_UNIT_BIG, "sort of a reversed list", false);
  msg ("sort of %d random keys: ordered and stable", LIST_UNIT_BIG);
}

/* Ordered insertion: equal keys go after those already there. */
static void
test_insert_ordered (void)
{
  struct list l;
  int i;

  list_init (&l);
  for (i = 0; i < LIST_UNIT_BIG; i++)
    {
      list_unit_items[i].key = random_ulong () % LIST_UNIT_KEYS;
      list_unit_items[i].seq = i;
      list_insert_ordered (&l, &list_unit_items[i].elem, item_less, NULL);
    }
  check_sorted_stable (&l, LIST_UNIT_BIG, "insert_ordered", true);
  msg ("insert_ordered of %d random keys: ordered and stable",
       LIST_UNIT_BIG);
}

/* Removal of adjacent duplicates, into a list and into nothing. */
static void
test_unique (void)
{
  static const int keys[] = { 1, 1, 2, 3, 3, 3, 4, 1, 1 };
  static const int sevens[] = { 7, 7, 7 };
  struct list l, dups;
  struct list_elem *e;

  fill (&l, keys, sizeof keys / sizeof *keys);
  list_init (&dups);
  list_unique (&l, &dups, item_less, NULL);
  show ("unique of 1 1 2 3 3 3 4 1 1", &l);
  show ("its duplicates", &dups);
  for (e = list_begin (&l); e != list_end (&l); e = list_next (e))
    CHECK (item_of (e)->seq == 0 || item_of (e)->seq == 2
           || item_of (e)->seq == 3 || item_of (e)->seq == 6
           || item_of (e)->seq == 7,
           "unique kept item %d, not the first of its run",
           item_of (e)->seq);

  fill (&l, keys, sizeof keys / sizeof *keys);
  list_unique (&l, NULL, item_less, NULL);
  show ("unique without a duplicates list", &l);

  fill (&l, sevens, 3);
  list_init (&dups);
  list_unique (&l, &dups, item_less, NULL);
  show ("unique of 7 7 7", &l);
  show ("its duplicates", &dups);
  check_int ("kept of 7 7 7", item_of (list_front (&l))->seq, 0);
}

/* Extremes: the first of several equal extremes, and empty lists. */
static void
test_min_max (void)
{
  static const int keys[] = { 4, 9, 0, 9, 2, 0, 7 };
  struct list l;

  fill (&l, keys, sizeof keys / sizeof *keys);
  check_int ("list_max seq", item_of (list_max (&l, item_less, NULL))->seq, 1);
  check_int ("list_min seq", item_of (list_min (&l, item_less, NULL))->seq, 2);
  list_init (&l);
  CHECK (list_max (&l, item_less, NULL) == list_end (&l),
         "list_max of an empty list is not list_end");
  CHECK (list_min (&l, item_less, NULL) == list_end (&l),
         "list_min of an empty list is not list_end");
  msg ("min and max: first of equals, list_end when empty");
}

/* Runs every case in turn. */
static void
list_unit_test (void)
{
  random_init (0x11571);
  test_empty ();
  test_push_pop ();
  test_insert_remove ();
  test_splice ();
  test_reverse ();
  test_sort ();
  test_insert_ordered ();
  test_unique ();
  test_min_max ();
}

KTEST ("list-unit", list_unit_test);
