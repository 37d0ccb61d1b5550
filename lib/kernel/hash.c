/* Chained hash tables: every operation declared in hash.h.

   The table is a power-of-2 count of buckets, each a list; an
   element's bucket is its hash masked by (bucket count - 1).  After
   every insertion or deletion the table checks its load: above
   HASH_LOAD_MAX elements per bucket it doubles, below
   1/HASH_SHRINK_DIV it halves (never under HASH_MIN_BUCKETS).  A
   resize that runs out of memory is skipped: the table stays
   correct, only its chains get longer. */
#include "hash.h"
#include <debug.h>
#include "threads/malloc.h"

/* Fewest buckets a table ever has; a power of 2. */
#define HASH_MIN_BUCKETS 4

/* Average elements per bucket above which the table doubles. */
#define HASH_LOAD_MAX 2

/* The table halves when it has fewer than one element per
   HASH_SHRINK_DIV buckets. */
#define HASH_SHRINK_DIV 2

/* The hash_elem whose bucket link is LINK. */
static struct hash_elem *
hash_elem_from_link (struct list_elem *link)
{
  return list_entry (link, struct hash_elem, list_elem);
}

/* Allocates CNT empty buckets; returns NULL if memory is short. */
static struct list *
hash_new_buckets (size_t cnt)
{
  struct list *buckets = malloc (cnt * sizeof *buckets);
  size_t i;

  if (buckets == NULL)
    return NULL;
  for (i = 0; i < cnt; i++)
    list_init (&buckets[i]);
  return buckets;
}

/* Makes H an empty table that hashes with HASH, orders with LESS and
   passes AUX to both.  Returns false, leaving nothing allocated, if
   memory is short.  May sleep (it calls malloc). */
bool
hash_init (struct hash *h, hash_hash_func *hash, hash_less_func *less,
           void *aux)
{
  struct list *buckets = hash_new_buckets (HASH_MIN_BUCKETS);

  ASSERT (h != NULL && hash != NULL && less != NULL);
  if (buckets == NULL)
    return false;
  *h = (struct hash) { .elem_cnt = 0, .bucket_cnt = HASH_MIN_BUCKETS,
                       .buckets = buckets, .hash = hash, .less = less,
                       .aux = aux };
  return true;
}

/* Takes every element out of H, then calls DESTRUCTOR on it (with
   H's aux) if DESTRUCTOR is not NULL; the destructor may free the
   element's memory.  H stays usable, empty, with its buckets. */
void
hash_clear (struct hash *h, hash_action_func *destructor)
{
  size_t b;

  for (b = 0; b < h->bucket_cnt; b++)
    while (!list_empty (&h->buckets[b]))
      {
        struct list_elem *link = list_pop_front (&h->buckets[b]);
        struct hash_elem *e = hash_elem_from_link (link);
        h->elem_cnt--;
        if (destructor != NULL)
          destructor (e, h->aux);
      }
  ASSERT (h->elem_cnt == 0);
}

/* Empties H as hash_clear does with DESTRUCTOR, then frees its
   buckets.  H must be initialized again before any further use. */
void
hash_destroy (struct hash *h, hash_action_func *destructor)
{
  hash_clear (h, destructor);
  free (h->buckets);
  h->buckets = NULL;
  h->bucket_cnt = 0;
}

/* The bucket of H that E belongs in. */
static struct list *
hash_bucket_of (struct hash *h, const struct hash_elem *e)
{
  unsigned value = h->hash (e, h->aux);

  return &h->buckets[value & (h->bucket_cnt - 1)];
}

/* Returns the element of BUCKET (a bucket of H) equal to E by H's
   ordering, or NULL if it holds none. */
static struct hash_elem *
hash_search (struct hash *h, struct list *bucket, const struct hash_elem *e)
{
  struct list_elem *link;

  for (link = list_begin (bucket); link != list_end (bucket);
       link = list_next (link))
    {
      struct hash_elem *cand = hash_elem_from_link (link);
      if (!h->less (cand, e, h->aux) && !h->less (e, cand, h->aux))
        return cand;
    }
  return NULL;
}

/* Moves every element of H into NEW_CNT fresh buckets, if they can
   be allocated; otherwise leaves H as it was. */
static void
hash_resize (struct hash *h, size_t new_cnt)
{
  struct list *old = h->buckets;
  size_t old_cnt = h->bucket_cnt;
  struct list *fresh = hash_new_buckets (new_cnt);
  size_t b;

  if (fresh == NULL)
    return;
  h->buckets = fresh;
  h->bucket_cnt = new_cnt;
  for (b = 0; b < old_cnt; b++)
    while (!list_empty (&old[b]))
      {
        struct list_elem *link = list_pop_front (&old[b]);
        list_push_back (hash_bucket_of (h, hash_elem_from_link (link)),
                        link);
      }
  free (old);
}

/* Doubles or halves H's buckets if its load has left the allowed
   band (see the top of this file). */
static void
hash_balance (struct hash *h)
{
  if (h->elem_cnt > h->bucket_cnt * HASH_LOAD_MAX)
    hash_resize (h, h->bucket_cnt * 2);
  else if (h->bucket_cnt > HASH_MIN_BUCKETS
           && h->elem_cnt * HASH_SHRINK_DIV < h->bucket_cnt)
    hash_resize (h, h->bucket_cnt / 2);
}

/* Returns the element of H equal to E, or NULL if there is none.  E
   need only carry what the hash and ordering functions look at. */
struct hash_elem *
hash_find (struct hash *h, struct hash_elem *e)
{
  return hash_search (h, hash_bucket_of (h, e), e);
}

/* Links NEW, which H holds nothing equal to, into its bucket, and
   rebalances H. */
static void
hash_add (struct hash *h, struct hash_elem *new)
{
  list_push_front (hash_bucket_of (h, new), &new->list_elem);
  h->elem_cnt++;
  hash_balance (h);
}

/* Unlinks E, an element of H, from its bucket.  Does not rebalance. */
static void
hash_unlink (struct hash *h, struct hash_elem *e)
{
  list_remove (&e->list_elem);
  h->elem_cnt--;
}

/* Adds NEW to H unless H already holds an element equal to it.
   Returns that element (NEW is then not added), or NULL if NEW was
   added. */
struct hash_elem *
hash_insert (struct hash *h, struct hash_elem *new)
{
  struct hash_elem *existing = hash_find (h, new);

  if (existing == NULL)
    hash_add (h, new);
  return existing;
}

/* Adds NEW to H; if H held an element equal to it, that element is
   taken out and returned.  Returns NULL if there was none. */
struct hash_elem *
hash_replace (struct hash *h, struct hash_elem *new)
{
  struct hash_elem *existing = hash_find (h, new);

  if (existing != NULL)
    hash_unlink (h, existing);
  hash_add (h, new);
  return existing;
}

/* Takes the element of H equal to E out of H and returns it, or
   returns NULL if there is none.  The caller owns the memory of the
   returned element. */
struct hash_elem *
hash_delete (struct hash *h, struct hash_elem *e)
{
  struct hash_elem *found = hash_find (h, e);

  if (found != NULL)
    {
      hash_unlink (h, found);
      hash_balance (h);
    }
  return found;
}

/* Sets up I to walk H.  Each hash_next call then yields one element,
   in no particular order, and NULL when all have been seen.  Changing
   H during the walk (insert, replace, delete, clear) invalidates I. */
void
hash_first (struct hash_iterator *i, struct hash *h)
{
  ASSERT (i != NULL && h != NULL);
  i->hash = h;
  i->bucket = NULL;             /* Not started. */
  i->elem = NULL;
}

/* The element I last returned from hash_next, or NULL if the walk
   has not started or has ended. */
struct hash_elem *
hash_cur (struct hash_iterator *i)
{
  ASSERT (i->hash != NULL);
  return i->elem;
}

/* From bucket BUCKET of I's table on, returns the first element of
   the first non-empty bucket and leaves I->bucket there; returns NULL
   if every bucket from BUCKET on is empty. */
static struct hash_elem *
hash_iterator_enter (struct hash_iterator *i, struct list *bucket)
{
  struct list *end = i->hash->buckets + i->hash->bucket_cnt;

  for (; bucket < end; bucket++)
    if (!list_empty (bucket))
      {
        i->bucket = bucket;
        return hash_elem_from_link (list_begin (bucket));
      }
  i->bucket = end - 1;
  return NULL;
}

/* Moves I to the next element of its table and returns it, or
   returns NULL once every element has been returned (and from then
   on). */
struct hash_elem *
hash_next (struct hash_iterator *i)
{
  struct hash_elem *next = NULL;

  if (i->bucket == NULL)
    next = hash_iterator_enter (i, i->hash->buckets);
  else if (i->elem != NULL)
    {
      struct list_elem *link = list_next (&i->elem->list_elem);
      next = (link != list_end (i->bucket)
              ? hash_elem_from_link (link)
              : hash_iterator_enter (i, i->bucket + 1));
    }
  i->elem = next;
  return next;
}

/* True if H holds no elements. */
bool
hash_empty (struct hash *h)
{
  return hash_size (h) == 0;
}

/* Number of elements in H. */
size_t
hash_size (struct hash *h)
{
  ASSERT (h->buckets != NULL);
  return h->elem_cnt;
}

/* Calls ACTION on each element of H, with H's aux, in no particular
   order.  ACTION may change its element's contents but not its key,
   and must not insert into or delete from H.  The walk has moved past
   an element before ACTION sees it, so ACTION may free it. */
void
hash_apply (struct hash *h, hash_action_func *action)
{
  struct hash_iterator it;
  struct hash_elem *e;

  ASSERT (action != NULL);
  hash_first (&it, h);
  e = hash_next (&it);
  while (e != NULL)
    {
      struct hash_elem *current = e;
      e = hash_next (&it);
      action (current, h->aux);
    }
}

/* 32-bit FNV-1a: start from the offset basis, and for each byte xor
   it in and multiply by the prime. */
#define HASH_FNV1A_BASIS 2166136261u
#define HASH_FNV1A_PRIME 16777619u

/* Mixes byte BYTE into the running FNV-1a value STATE. */
static unsigned
hash_mix (unsigned state, unsigned char byte)
{
  return (state ^ byte) * HASH_FNV1A_PRIME;
}

/* A hash of the SIZE bytes at BUF. */
unsigned
hash_bytes (const void *buf, size_t size)
{
  const unsigned char *p = buf;
  unsigned state = HASH_FNV1A_BASIS;

  ASSERT (buf != NULL || size == 0);
  while (size-- > 0)
    state = hash_mix (state, *p++);
  return state;
}

/* A hash of the null-terminated string S (its terminator excluded). */
unsigned
hash_string (const char *s)
{
  unsigned state = HASH_FNV1A_BASIS;

  ASSERT (s != NULL);
  for (; *s != '\0'; s++)
    state = hash_mix (state, (unsigned char) *s);
  return state;
}

/* A hash of the integer N. */
unsigned
hash_int (int n)
{
  return hash_bytes (&n, sizeof n);
}
