/* Unit test of the hash table library (lib/kernel/hash.c): insertion
   of new and equal elements, replacement, lookup, deletion, both ways
   of iterating, growth to thousands of elements and back, and that
   destroying a table frees every page it used. */

#include <hash.h>
#include <stdio.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

/* A stored element: looked up by KEY, carrying VALUE. */
struct hitem
  {
    int key;
    int value;
    struct hash_elem elem;
  };

/* Elements in the large case. */
#define HASH_UNIT_BIG 5000

/* Elements the destructor has been called for. */
static int hash_unit_destroyed;

/* Hashes an item's key.  hash_hash_func. */
static unsigned
hitem_hash (const struct hash_elem *e, void *aux UNUSED)
{
  return hash_int (hash_entry (e, struct hitem, elem)->key);
}

/* Orders items by key.  hash_less_func. */
static bool
hitem_less (const struct hash_elem *a, const struct hash_elem *b,
            void *aux UNUSED)
{
  return (hash_entry (a, struct hitem, elem)->key
          < hash_entry (b, struct hitem, elem)->key);
}

/* Frees an item and counts it.  hash_action_func. */
static void
hitem_destroy (struct hash_elem *e, void *aux UNUSED)
{
  hash_unit_destroyed++;
  free (hash_entry (e, struct hitem, elem));
}

/* Returns a new item with KEY and VALUE. */
static struct hitem *
hitem_create (int key, int value)
{
  struct hitem *it = malloc (sizeof *it);

  CHECK (it != NULL, "out of memory");
  it->key = key;
  it->value = value;
  return it;
}

/* Returns the item in H with KEY, or a null pointer. */
static struct hitem *
lookup (struct hash *h, int key)
{
  struct hitem probe;
  struct hash_elem *e;

  probe.key = key;
  e = hash_find (h, &probe.elem);
  return e != NULL ? hash_entry (e, struct hitem, elem) : NULL;
}

/* Returns the value stored with KEY in H, or -1 if KEY is absent. */
static int
value_of (struct hash *h, int key)
{
  struct hitem *it = lookup (h, key);
  return it != NULL ? it->value : -1;
}

/* Inserting new and equal keys, and replacing. */
static void
test_insert_replace (struct hash *h)
{
  struct hitem *dup, *old5 = NULL, *repl;
  struct hash_elem *e;
  int i;

  CHECK (hash_empty (h) && hash_size (h) == 0, "new table is not empty");
  CHECK (lookup (h, 1) == NULL, "found a key in an empty table");
  for (i = 0; i < 10; i++)
    {
      struct hitem *it = hitem_create (i, 100 + i);
      CHECK (hash_insert (h, &it->elem) == NULL, "insert of new key %d", i);
      if (i == 5)
        old5 = it;
    }
  dup = hitem_create (5, 555);
  e = hash_insert (h, &dup->elem);
  CHECK (e == &old5->elem, "insert of an equal key did not return the old");
  free (dup);
  msg ("insert 0-9 and 5 again: size %zu, 5 -> %d",
       hash_size (h), value_of (h, 5));

  repl = hitem_create (5, 500);
  CHECK (hash_replace (h, &repl->elem) == &old5->elem,
         "replace did not return the element it replaced");
  free (old5);
  CHECK (hash_replace (h, &hitem_create (42, 4200)->elem) == NULL,
         "replace of a new key returned an element");
  msg ("replace 5, replace new 42: size %zu, 5 -> %d, 42 -> %d",
       hash_size (h), value_of (h, 5), value_of (h, 42));
}

/* Deleting present and absent keys. */
static void
test_delete (struct hash *h)
{
  struct hitem probe, *three = lookup (h, 3);
  struct hash_elem *e;

  probe.key = 3;
  e = hash_delete (h, &probe.elem);
  CHECK (e != NULL && e == &three->elem, "delete of 3 returned %p", e);
  free (three);
  CHECK (hash_delete (h, &probe.elem) == NULL, "deleted 3 twice");
  msg ("delete 3: size %zu, 3 -> %d, 4 -> %d",
       hash_size (h), value_of (h, 3), value_of (h, 4));
}

/* Sum of the keys hash_apply has visited. */
static int hash_unit_key_sum;

/* Adds an item's key to hash_unit_key_sum.  hash_action_func. */
static void
add_key (struct hash_elem *e, void *aux UNUSED)
{
  hash_unit_key_sum += hash_entry (e, struct hitem, elem)->key;
}

/* Iterating with an iterator and with hash_apply: every element
   once.  The table holds 0-9 but 3, and 42. */
static void
test_iterate (struct hash *h)
{
  struct hash_iterator it;
  unsigned seen = 0;
  int cnt = 0;

  hash_first (&it, h);
  while (hash_next (&it) != NULL)
    {
      int key = hash_entry (hash_cur (&it), struct hitem, elem)->key;
      unsigned bit;

      CHECK ((key >= 0 && key < 10) || key == 42,
             "iterator met key %d, not in the table", key);
      bit = key == 42 ? 1u << 31 : 1u << key;
      CHECK (!(seen & bit), "iterator met key %d twice", key);
      seen |= bit;
      cnt++;
    }
  CHECK (hash_cur (&it) == NULL && hash_next (&it) == NULL,
         "iterator does not stay at its end");
  hash_unit_key_sum = 0;
  hash_apply (h, add_key);
  msg ("iterate: %d elements, keys seen 0x%08x; apply: key sum %d",
       cnt, seen, hash_unit_key_sum);
}

/* Growing to HASH_UNIT_BIG elements, deleting the odd keys, and
   checking every lookup on the way. */
static void
test_many (struct hash *h)
{
  struct hitem probe;
  int i;

  for (i = 1000; i < 1000 + HASH_UNIT_BIG; i++)
    CHECK (hash_insert (h, &hitem_create (i, -i)->elem) == NULL,
           "insert of new key %d", i);
  for (i = 1000; i < 1000 + HASH_UNIT_BIG; i++)
    check_int ("value after growth", value_of (h, i), -i);
  for (i = 1001; i < 1000 + HASH_UNIT_BIG; i += 2)
    {
      struct hash_elem *e;
      probe.key = i;
      e = hash_delete (h, &probe.elem);
      CHECK (e != NULL, "delete of key %d", i);
      free (hash_entry (e, struct hitem, elem));
    }
  for (i = 1000; i < 1000 + HASH_UNIT_BIG; i++)
    check_int ("value after deletions", value_of (h, i), i % 2 ? -1 : -i);
  msg ("grow by %d, delete odd keys: size %zu",
       HASH_UNIT_BIG, hash_size (h));
}

/* The ready-made hash functions agree on equal bytes. */
static void
test_hash_functions (void)
{
  CHECK (hash_string ("ringlet") == hash_bytes ("ringlet", 7),
         "hash_string and hash_bytes differ on the same bytes");
  CHECK (hash_int (7) == hash_int (7), "hash_int is not a function");
  CHECK (hash_string ("ab") != hash_string ("ba"),
         "hash_string ignores the order of bytes");
}

/* Runs every case on one table, then clears and destroys it. */
static void
hash_unit_test (void)
{
  size_t free_before = palloc_free_count ();
  struct hash h;
  size_t size;

  CHECK (hash_init (&h, hitem_hash, hitem_less, NULL), "hash_init failed");
  test_insert_replace (&h);
  test_delete (&h);
  test_iterate (&h);
  test_many (&h);
  test_hash_functions ();

  size = hash_size (&h);
  hash_clear (&h, hitem_destroy);
  msg ("clear: destructor ran %d times for %zu elements, size now %zu",
       hash_unit_destroyed, size, hash_size (&h));
  CHECK (hash_insert (&h, &hitem_create (7, 7)->elem) == NULL,
         "insert after clear");
  hash_destroy (&h, hitem_destroy);
  check_int ("destructor calls", hash_unit_destroyed, size + 1);
  check_uint ("free pages after destroy", palloc_free_count (), free_before);
  msg ("destroy: every page freed");
}

KTEST ("hash-unit", hash_unit_test);
