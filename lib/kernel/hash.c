/* Hash tables with chaining: see hash.h for how to use them.

   The bucket array grows when the table holds more than
   HASH_MAX_LOAD elements per bucket and shrinks when it holds fewer
   than HASH_MIN_LOAD, each time to about HASH_BEST_LOAD, so an
   insertion or deletion costs O(1) amortized and a table that keeps
   crossing one size does not resize on every operation. */
#include "hash.h"
#include <debug.h>
#include "threads/malloc.h"

#define HASH_MIN_BUCKETS 4      /* Fewest buckets; a power of 2. */
#define HASH_MIN_LOAD 1         /* Shrink below this many per bucket. */
#define HASH_BEST_LOAD 2        /* Aim for this many per bucket. */
#define HASH_MAX_LOAD 4         /* Grow above this many per bucket. */

#define HASH_FNV_BASIS 2166136261u      /* FNV-1a 32-bit offset basis. */
#define HASH_FNV_PRIME 16777619u        /* FNV-1a 32-bit prime. */

/* Returns the element of the list_elem E, which is a hash_elem's. */
static struct hash_elem *
hash_elem_of (struct list_elem *e)
{
  return list_entry (e, struct hash_elem, list_elem);
}

/* Returns an array of CNT empty buckets from malloc, or NULL if
   memory is short. */
static struct list *
hash_alloc_buckets (size_t cnt)
{
  struct list *buckets = malloc (cnt * sizeof *buckets);
  size_t i;

  if (buckets != NULL)
    for (i = 0; i < cnt; i++)
      list_init (&buckets[i]);
  return buckets;
}

/* Makes H an empty table that hashes with HASH and compares with
   LESS, passing each AUX.  Returns true if successful, false if
   memory for the buckets could not be allocated. */
bool
hash_init (struct hash *h, hash_hash_func *hash, hash_less_func *less,
           void *aux)
{
  ASSERT (h != NULL && hash != NULL && less != NULL);

  h->elem_cnt = 0;
  h->bucket_cnt = HASH_MIN_BUCKETS;
  h->buckets = hash_alloc_buckets (h->bucket_cnt);
  h->hash = hash;
  h->less = less;
  h->aux = aux;
  return h->buckets != NULL;
}

/* Removes every element of H, calling DESTRUCTOR (if not null) on
   each after removing it, so DESTRUCTOR may free its element.
   DESTRUCTOR may not touch H. */
void
hash_clear (struct hash *h, hash_action_func *destructor)
{
  size_t i;

  for (i = 0; i < h->bucket_cnt; i++)
    {
      struct list *bucket = &h->buckets[i];
      while (!list_empty (bucket))
        {
          struct hash_elem *e = hash_elem_of (list_pop_front (bucket));
          if (destructor != NULL)
            destructor (e, h->aux);
        }
    }
  h->elem_cnt = 0;
}

/* Empties H as hash_clear does, calling DESTRUCTOR if it is not null,
   and frees its buckets.  H must be initialized again before reuse. */
void
hash_destroy (struct hash *h, hash_action_func *destructor)
{
  hash_clear (h, destructor);
  free (h->buckets);
  h->buckets = NULL;
  h->bucket_cnt = 0;
}

/* Returns the bucket of H where E belongs. */
static struct list *
hash_bucket (struct hash *h, const struct hash_elem *e)
{
  return &h->buckets[h->hash (e, h->aux) & (h->bucket_cnt - 1)];
}

/* Returns the element of BUCKET of H equal to E, or NULL. */
static struct hash_elem *
hash_find_in (struct hash *h, struct list *bucket, const struct hash_elem *e)
{
  struct list_elem *i;

  for (i = list_begin (bucket); i != list_end (bucket); i = list_next (i))
    {
      struct hash_elem *candidate = hash_elem_of (i);
      if (!h->less (candidate, e, h->aux) && !h->less (e, candidate, h->aux))
        return candidate;
    }
  return NULL;
}

/* Returns the largest power of 2 not greater than X, which is not 0. */
static size_t
hash_power_of_2_floor (size_t x)
{
  while ((x & (x - 1)) != 0)
    x &= x - 1;                 /* Clear the lowest set bit. */
  return x;
}

/* Moves every element of H into NEW_BUCKETS, NEW_CNT of them, and
   frees the old array. */
static void
hash_move_to (struct hash *h, struct list *new_buckets, size_t new_cnt)
{
  struct list *old_buckets = h->buckets;
  size_t old_cnt = h->bucket_cnt;
  size_t i;

  h->buckets = new_buckets;
  h->bucket_cnt = new_cnt;
  for (i = 0; i < old_cnt; i++)
    while (!list_empty (&old_buckets[i]))
      {
        struct hash_elem *e = hash_elem_of (list_pop_front (&old_buckets[i]));
        list_push_front (hash_bucket (h, e), &e->list_elem);
      }
  free (old_buckets);
}

/* Resizes H's bucket array if its load is outside the range set at
   the top of this file.  If memory is short, keeps the old array:
   the table stays correct, only slower. */
static void
hash_rehash (struct hash *h)
{
  size_t new_cnt;
  struct list *new_buckets;

  if (h->elem_cnt <= h->bucket_cnt * HASH_MAX_LOAD
      && (h->elem_cnt >= h->bucket_cnt * HASH_MIN_LOAD
          || h->bucket_cnt <= HASH_MIN_BUCKETS))
    return;

  new_cnt = h->elem_cnt / HASH_BEST_LOAD;
  new_cnt = new_cnt < HASH_MIN_BUCKETS
            ? HASH_MIN_BUCKETS : hash_power_of_2_floor (new_cnt);
  if (new_cnt == h->bucket_cnt)
    return;
  new_buckets = hash_alloc_buckets (new_cnt);
  if (new_buckets != NULL)
    hash_move_to (h, new_buckets, new_cnt);
}

/* Inserts NEW into H unless an equal element is already there.
   Returns that equal element (and leaves H unchanged), or NULL if NEW
   was inserted. */
struct hash_elem *
hash_insert (struct hash *h, struct hash_elem *new)
{
  struct list *bucket = hash_bucket (h, new);
  struct hash_elem *old = hash_find_in (h, bucket, new);

  if (old == NULL)
    {
      list_push_front (bucket, &new->list_elem);
      h->elem_cnt++;
      hash_rehash (h);
    }
  return old;
}

/* Inserts NEW into H, replacing any equal element already there.
   Returns the element replaced, or NULL if there was none. */
struct hash_elem *
hash_replace (struct hash *h, struct hash_elem *new)
{
  struct list *bucket = hash_bucket (h, new);
  struct hash_elem *old = hash_find_in (h, bucket, new);

  if (old != NULL)
    {
      list_remove (&old->list_elem);
      h->elem_cnt--;
    }
  list_push_front (bucket, &new->list_elem);
  h->elem_cnt++;
  hash_rehash (h);
  return old;
}

/* Returns the element of H equal to E, or NULL if there is none. */
struct hash_elem *
hash_find (struct hash *h, struct hash_elem *e)
{
  return hash_find_in (h, hash_bucket (h, e), e);
}

/* Removes the element of H equal to E and returns it, or returns NULL
   if there is none.  The caller frees the element if need be. */
struct hash_elem *
hash_delete (struct hash *h, struct hash_elem *e)
{
  struct hash_elem *found = hash_find (h, e);

  if (found != NULL)
    {
      list_remove (&found->list_elem);
      h->elem_cnt--;
      hash_rehash (h);
    }
  return found;
}

/* Calls ACTION on every element of H, in no particular order, passing
   H's AUX.  ACTION must not insert into or delete from H. */
void
hash_apply (struct hash *h, hash_action_func *action)
{
  size_t i;

  ASSERT (action != NULL);

  for (i = 0; i < h->bucket_cnt; i++)
    {
      struct list *bucket = &h->buckets[i];
      struct list_elem *e = list_begin (bucket);
      while (e != list_end (bucket))
        {
          struct list_elem *next = list_next (e);
          action (hash_elem_of (e), h->aux);
          e = next;
        }
    }
}

/* Starts iterator I on H, before its first element: the first call
   of hash_next returns the first element.  Any insertion into or
   deletion from H invalidates I.

     struct hash_iterator i;
     hash_first (&i, h);
     while (hash_next (&i))
       {
         struct foo *f = hash_entry (hash_cur (&i), struct foo, elem);
         ...
       } */
void
hash_first (struct hash_iterator *i, struct hash *h)
{
  ASSERT (i != NULL && h != NULL);

  i->hash = h;
  i->bucket = h->buckets;
  i->elem = hash_elem_of (list_head (i->bucket));
}

/* Advances I to the next element of its table and returns it, or
   returns NULL at the end (and keeps returning NULL after it). */
struct hash_elem *
hash_next (struct hash_iterator *i)
{
  struct list *last_bucket = i->hash->buckets + i->hash->bucket_cnt - 1;
  struct list_elem *e;

  if (i->elem == NULL)
    return NULL;
  e = list_next (&i->elem->list_elem);
  while (e == list_end (i->bucket) && i->bucket != last_bucket)
    {
      i->bucket++;
      e = list_begin (i->bucket);
    }
  i->elem = e == list_end (i->bucket) ? NULL : hash_elem_of (e);
  return i->elem;
}

/* Returns the element I is at, or NULL once it is past the end.
   Before the first hash_next, the result is meaningless. */
struct hash_elem *
hash_cur (struct hash_iterator *i)
{
  return i->elem;
}

/* Returns the number of elements in H. */
size_t
hash_size (struct hash *h)
{
  return h->elem_cnt;
}

/* Returns true if H has no elements. */
bool
hash_empty (struct hash *h)
{
  return h->elem_cnt == 0;
}

/* Returns the 32-bit FNV-1a hash of the SIZE bytes at BUF. */
unsigned
hash_bytes (const void *buf_, size_t size)
{
  const unsigned char *buf = buf_;
  unsigned hash = HASH_FNV_BASIS;

  ASSERT (buf != NULL || size == 0);

  while (size-- > 0)
    hash = (hash ^ *buf++) * HASH_FNV_PRIME;
  return hash;
}

/* Returns the 32-bit FNV-1a hash of string S, without its null. */
unsigned
hash_string (const char *s_)
{
  const unsigned char *s = (const unsigned char *) s_;
  unsigned hash = HASH_FNV_BASIS;

  ASSERT (s != NULL);

  while (*s != '\0')
    hash = (hash ^ *s++) * HASH_FNV_PRIME;
  return hash;
}

/* Returns a hash of integer I. */
unsigned
hash_int (int i)
{
  return hash_bytes (&i, sizeof i);
}
