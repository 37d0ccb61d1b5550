/* Hash tables with chaining.

   Like lists, hash tables are intrusive: embed a "struct hash_elem"
   in the struct to be stored, and use hash_entry to get back from an
   element to its struct.  The table is an array of buckets, each a
   list; it grows and shrinks with the number of elements so that
   buckets stay short.  The bucket array comes from malloc, so the
   table may not be used where malloc may not be called.

   None of these functions locks anything: the caller synchronizes. */
#ifndef LIB_KERNEL_HASH_H
#define LIB_KERNEL_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "list.h"

/* A hash table element: embed it in the struct being stored. */
struct hash_elem
  {
    struct list_elem list_elem;         /* Link in its bucket. */
  };

/* Converts HASH_ELEM, a pointer to the hash_elem member named MEMBER
   of a STRUCT, into a pointer to that STRUCT. */
#define hash_entry(HASH_ELEM, STRUCT, MEMBER)                   \
  ((STRUCT *) ((uint8_t *) &(HASH_ELEM)->list_elem              \
               - offsetof (STRUCT, MEMBER.list_elem)))

/* Returns a hash value of element E, given auxiliary data AUX. */
typedef unsigned hash_hash_func (const struct hash_elem *e, void *aux);

/* Returns true if element A is less than element B, given auxiliary
   data AUX.  Elements that are neither less nor greater are equal. */
typedef bool hash_less_func (const struct hash_elem *a,
                             const struct hash_elem *b,
                             void *aux);

/* Performs some operation on element E, given auxiliary data AUX. */
typedef void hash_action_func (struct hash_elem *e, void *aux);

/* A hash table. */
struct hash
  {
    size_t elem_cnt;            /* Number of elements in the table. */
    size_t bucket_cnt;          /* Number of buckets, a power of 2. */
    struct list *buckets;       /* Array of BUCKET_CNT buckets. */
    hash_hash_func *hash;       /* Hash function. */
    hash_less_func *less;       /* Comparison function. */
    void *aux;                  /* Passed to HASH and LESS. */
  };

/* A position in a hash table, for walking its elements. */
struct hash_iterator
  {
    struct hash *hash;          /* The table. */
    struct list *bucket;        /* Current bucket. */
    struct hash_elem *elem;     /* Current element, or NULL at the end. */
  };

/* Creation and destruction. */
bool hash_init (struct hash *, hash_hash_func *, hash_less_func *,
                void *aux);
void hash_clear (struct hash *, hash_action_func *);
void hash_destroy (struct hash *, hash_action_func *);

/* Search, insertion, deletion. */
struct hash_elem *hash_insert (struct hash *, struct hash_elem *);
struct hash_elem *hash_replace (struct hash *, struct hash_elem *);
struct hash_elem *hash_find (struct hash *, struct hash_elem *);
struct hash_elem *hash_delete (struct hash *, struct hash_elem *);

/* Iteration. */
void hash_apply (struct hash *, hash_action_func *);
void hash_first (struct hash_iterator *, struct hash *);
struct hash_elem *hash_next (struct hash_iterator *);
struct hash_elem *hash_cur (struct hash_iterator *);

/* Information. */
size_t hash_size (struct hash *);
bool hash_empty (struct hash *);

/* Ready-made hash functions. */
unsigned hash_bytes (const void *, size_t);
unsigned hash_string (const char *);
unsigned hash_int (int);

#endif /* lib/kernel/hash.h */
