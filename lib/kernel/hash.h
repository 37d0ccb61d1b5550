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

/* From HASH_ELEM, the address of the hash_elem called MEMBER inside
   some STRUCT, gives back the address of that STRUCT. */
#define hash_entry(HASH_ELEM, STRUCT, MEMBER)                   \
  list_entry (&(HASH_ELEM)->list_elem, STRUCT, MEMBER.list_elem)

/* Caller-supplied: computes E's hash from its key.  AUX is the value
   given to hash_init. */
typedef unsigned hash_hash_func (const struct hash_elem *e, void *aux);

/* Caller-supplied ordering of keys: true when A's key sorts before
   B's.  Two elements with neither before the other have the same key,
   and a table holds at most one element per key. */
typedef bool hash_less_func (const struct hash_elem *a,
                             const struct hash_elem *b,
                             void *aux);

/* Caller-supplied work done to element E, for hash_apply, hash_clear
   and hash_destroy. */
typedef void hash_action_func (struct hash_elem *e, void *aux);

/* A hash table. */
struct hash
  {
    size_t elem_cnt;            /* Elements stored. */
    size_t bucket_cnt;          /* Length of BUCKETS; always 2**k. */
    struct list *buckets;       /* The chains, from malloc. */
    hash_hash_func *hash;       /* Key to hash value. */
    hash_less_func *less;       /* Key order. */
    void *aux;                  /* Handed to HASH, LESS and actions. */
  };

/* A position in a hash table, for walking its elements. */
struct hash_iterator
  {
    struct hash *hash;          /* Table being walked. */
    struct list *bucket;        /* Chain of ELEM; NULL before the walk. */
    struct hash_elem *elem;     /* Last element returned, NULL if none. */
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
