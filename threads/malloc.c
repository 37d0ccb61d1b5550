/* Kernel heap: malloc, calloc, realloc and free, built on the page
   allocator.

   Small requests (up to half a page) are rounded up to a power of two
   from MALLOC_MIN_BLOCK bytes, a "size class".  Each class carves
   one-page arenas into equal blocks and keeps its free blocks on a
   list; an arena goes back to the page allocator as soon as all of
   its blocks are free again.

   A larger request gets a run of pages of its own, a "big arena",
   with the same header in front of the caller's bytes.

   Every arena starts with a header holding a magic number, so free()
   can catch a pointer that malloc() never returned.  Each size class
   has its own lock, so threads allocating different sizes do not
   wait for each other.  Lock order: a size class's lock, then the
   page allocator's (taken inside it when an arena comes or goes). */

#include "threads/malloc.h"
#include <string.h>
#include <stdint.h>
#include <round.h>
#include <list.h>
#include <debug.h>
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

/* Smallest block size, and the alignment of every block. */
#define MALLOC_MIN_BLOCK 16

/* Number of size classes: MALLOC_MIN_BLOCK, twice that, ..., PGSIZE / 2. */
#define MALLOC_CLASS_CNT 8
_Static_assert ((MALLOC_MIN_BLOCK << (MALLOC_CLASS_CNT - 1)) == PGSIZE / 2,
                "the largest size class must be half a page");

/* Marks the header of a live arena. */
#define MALLOC_ARENA_MAGIC 0x4d414c43u

/* Byte written over freed blocks in debug builds. */
#define MALLOC_POISON 0xcc

/* A size class: all blocks of one size. */
struct malloc_class
  {
    struct lock lock;           /* Guards FREE_BLOCKS and arenas' CNT. */
    struct list free_blocks;    /* Free blocks of every arena of this class. */
    size_t size;                /* Bytes per block, a power of two. */
    size_t per_arena;           /* Blocks carved from one arena. */
  };

/* The header at the start of every arena. */
struct malloc_arena
  {
    unsigned magic;             /* MALLOC_ARENA_MAGIC. */
    struct malloc_class *class; /* Owning size class, or NULL if big. */
    size_t cnt;                 /* Small arena: free blocks in it.
                                   Big arena: pages in it. */
  };

/* Bytes from an arena's start to its first block: the header,
   rounded up so that blocks are aligned. */
#define MALLOC_HEADER_SIZE ROUND_UP (sizeof (struct malloc_arena), \
                                     MALLOC_MIN_BLOCK)

/* A free block, linked into its class's free list. */
struct malloc_free_block
  {
    struct list_elem elem;      /* Element in malloc_class's FREE_BLOCKS. */
  };

static struct malloc_class malloc_classes[MALLOC_CLASS_CNT];

static void *malloc_big (size_t size);
static void *malloc_small (struct malloc_class *);
static void malloc_arena_create (struct malloc_class *);
static void malloc_arena_destroy (struct malloc_arena *);
static void malloc_arena_stamp (struct malloc_arena *, struct malloc_class *,
                                size_t cnt);
static struct malloc_arena *malloc_arena_of (void *block);
static void *malloc_block_at (struct malloc_arena *, size_t idx);
static size_t malloc_block_capacity (void *block);

/* Sets up the size classes.  Called once at boot, after thread_init
   (the classes' locks need a current thread). */
void
malloc_init (void)
{
  size_t i;

  for (i = 0; i < MALLOC_CLASS_CNT; i++)
    {
      struct malloc_class *c = &malloc_classes[i];
      c->size = (size_t) MALLOC_MIN_BLOCK << i;
      c->per_arena = (PGSIZE - MALLOC_HEADER_SIZE) / c->size;
      list_init (&c->free_blocks);
      lock_init (&c->lock);
    }
}

/* Returns a new block of at least SIZE bytes, aligned to
   MALLOC_MIN_BLOCK, or a null pointer if SIZE is 0 or memory is
   short.  May sleep, so not from an interrupt handler. */
void *
malloc (size_t size)
{
  size_t i;

  if (size == 0)
    return NULL;
  for (i = 0; i < MALLOC_CLASS_CNT; i++)
    if (size <= malloc_classes[i].size)
      return malloc_small (&malloc_classes[i]);
  return malloc_big (size);
}

/* Returns a zeroed block for an array of A elements of B bytes each,
   or a null pointer if A * B overflows, is 0, or memory is short.
   May sleep. */
void *
calloc (size_t a, size_t b)
{
  void *block;

  if (b != 0 && a > SIZE_MAX / b)
    return NULL;
  block = malloc (a * b);
  if (block != NULL)
    memset (block, 0, a * b);
  return block;
}

/* Resizes BLOCK to hold SIZE bytes and returns where it now is: the
   same place if BLOCK's size class (or big arena) already has room,
   otherwise a new block holding BLOCK's bytes, up to SIZE of them,
   after which BLOCK is freed.  A null BLOCK makes this malloc (SIZE);
   a SIZE of 0 frees BLOCK and returns a null pointer.  If memory is
   short, returns a null pointer and BLOCK stays as it was.  May
   sleep. */
void *
realloc (void *block, size_t size)
{
  void *moved;
  size_t room;

  if (block == NULL)
    return malloc (size);
  if (size == 0)
    goto release;
  room = malloc_block_capacity (block);
  if (size <= room)
    return block;
  moved = malloc (size);
  if (moved == NULL)
    return NULL;
  memcpy (moved, block, room);
  free (block);
  return moved;

 release:
  free (block);
  return NULL;
}

/* Frees BLOCK, which must have come from malloc, calloc or realloc
   and not have been freed since.  A null BLOCK does nothing.  May
   sleep, so not from an interrupt handler. */
void
free (void *block)
{
  struct malloc_arena *a;
  struct malloc_class *c;
  struct malloc_free_block *b = block;

  if (block == NULL)
    return;
  a = malloc_arena_of (block);
  c = a->class;
  if (c == NULL)
    {
      ASSERT (pg_ofs (block) == MALLOC_HEADER_SIZE);
      a->magic = 0;
      palloc_free_multiple (a, a->cnt);
      return;
    }
  ASSERT ((pg_ofs (block) - MALLOC_HEADER_SIZE) % c->size == 0);
#ifndef NDEBUG
  memset (block, MALLOC_POISON, c->size);
#endif

  lock_acquire (&c->lock);
  list_push_front (&c->free_blocks, &b->elem);
  ASSERT (a->cnt < c->per_arena);
  if (++a->cnt == c->per_arena)
    malloc_arena_destroy (a);
  lock_release (&c->lock);
}

/* Returns a block of class C, making a new arena if C has no free
   block.  Returns a null pointer if there is no page for one. */
static void *
malloc_small (struct malloc_class *c)
{
  struct malloc_free_block *b = NULL;

  lock_acquire (&c->lock);
  if (list_empty (&c->free_blocks))
    malloc_arena_create (c);
  if (!list_empty (&c->free_blocks))
    {
      b = list_entry (list_pop_front (&c->free_blocks),
                      struct malloc_free_block, elem);
      malloc_arena_of (b)->cnt--;
    }
  lock_release (&c->lock);
  return b;
}

/* Returns a block of SIZE bytes in a big arena of its own, or a null
   pointer if there are not enough contiguous pages. */
static void *
malloc_big (size_t size)
{
  size_t page_cnt;
  struct malloc_arena *a;

  if (size > SIZE_MAX - MALLOC_HEADER_SIZE - PGSIZE)
    return NULL;
  page_cnt = DIV_ROUND_UP (size + MALLOC_HEADER_SIZE, PGSIZE);
  a = palloc_get_multiple (0, page_cnt);
  if (a != NULL)
    malloc_arena_stamp (a, NULL, page_cnt);
  return a != NULL ? malloc_block_at (a, 0) : NULL;
}

/* Adds a new arena's blocks to class C's free list, or nothing if no
   page is free.  C's lock must be held. */
static void
malloc_arena_create (struct malloc_class *c)
{
  struct malloc_arena *a;
  size_t idx;

  ASSERT (lock_held_by_current_thread (&c->lock));
  a = palloc_get_page (0);
  if (a == NULL)
    return;
  malloc_arena_stamp (a, c, c->per_arena);
  for (idx = c->per_arena; idx-- > 0; )
    {
      struct malloc_free_block *b = malloc_block_at (a, idx);
      list_push_front (&c->free_blocks, &b->elem);
    }
}

/* Writes the header of a new arena A: owned by size class C (NULL
   for a big arena), with CNT free blocks (for a big arena, CNT
   pages). */
static void
malloc_arena_stamp (struct malloc_arena *a, struct malloc_class *c,
                    size_t cnt)
{
  a->magic = MALLOC_ARENA_MAGIC;
  a->class = c;
  a->cnt = cnt;
}

/* Takes every block of A, all of them free, off its class's free
   list and gives A's page back.  The class's lock must be held. */
static void
malloc_arena_destroy (struct malloc_arena *a)
{
  struct malloc_class *c = a->class;
  size_t i;

  ASSERT (lock_held_by_current_thread (&c->lock));
  for (i = 0; i < c->per_arena; i++)
    {
      struct malloc_free_block *b = malloc_block_at (a, i);
      list_remove (&b->elem);
    }
  a->magic = 0;
  palloc_free_page (a);
}

/* Returns the arena holding BLOCK, checking that it is one. */
static struct malloc_arena *
malloc_arena_of (void *block)
{
  struct malloc_arena *a = pg_round_down (block);

  ASSERT (a != NULL);
  ASSERT (a->magic == MALLOC_ARENA_MAGIC);
  return a;
}

/* Returns block number IDX of arena A; a big arena has only block
   0, which runs to the arena's end. */
static void *
malloc_block_at (struct malloc_arena *a, size_t idx)
{
  size_t size = a->class != NULL ? a->class->size : 0;

  ASSERT (a->class != NULL ? idx < a->class->per_arena : idx == 0);
  return (uint8_t *) a + MALLOC_HEADER_SIZE + idx * size;
}

/* Returns how many bytes live block BLOCK can hold. */
static size_t
malloc_block_capacity (void *block)
{
  struct malloc_arena *a = malloc_arena_of (block);

  if (a->class != NULL)
    return a->class->size;
  return a->cnt * PGSIZE - MALLOC_HEADER_SIZE;
}
