/* Stress test of the page allocator: takes every free page of both
   pools, in single pages and in runs of several, fills each page
   with a pattern naming it, checks that no two allocations overlap,
   frees everything in a shuffled order, and repeats.  The free page
   count must come back to where it started, PAL_ZERO pages must read
   as zeros, and an exhausted pool must say so. */

#include <random.h>
#include <round.h>
#include <stdint.h>
#include <string.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/init.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* One allocation: PAGE_CNT pages from PAGES. */
struct palloc_run
  {
    uint8_t *pages;
    size_t page_cnt;
  };

/* Every allocation of the current round. */
struct palloc_runs
  {
    struct palloc_run *runs;    /* Array of MAX runs. */
    size_t max;                 /* Room in RUNS. */
    size_t cnt;                 /* Runs in use. */
  };

/* Rounds of allocate-everything-and-free. */
#define PALLOC_STRESS_ROUNDS 3

/* Returns the word that page PAGE holds at word index IDX in ROUND. */
static uint32_t
pattern (const uint8_t *page, size_t idx, int round)
{
  return (uint32_t) (uintptr_t) page ^ (idx * 0x9e3779b9u) ^ round;
}

/* Writes the ROUND pattern over every page of RUN. */
static void
fill_run (const struct palloc_run *run, int round)
{
  size_t i, p;

  for (p = 0; p < run->page_cnt; p++)
    {
      uint8_t *page = run->pages + p * PGSIZE;
      uint32_t *words = (uint32_t *) page;
      for (i = 0; i < PGSIZE / sizeof *words; i++)
        words[i] = pattern (page, i, round);
    }
}

/* Checks the ROUND pattern in every page of RUN. */
static void
verify_run (const struct palloc_run *run, int round)
{
  size_t i, p;

  for (p = 0; p < run->page_cnt; p++)
    {
      uint8_t *page = run->pages + p * PGSIZE;
      uint32_t *words = (uint32_t *) page;
      for (i = 0; i < PGSIZE / sizeof *words; i++)
        CHECK (words[i] == pattern (page, i, round),
               "page %p word %zu overwritten: two allocations overlap",
               page, i);
    }
}

/* Checks that every byte of RUN is zero. */
static void
verify_zero (const struct palloc_run *run)
{
  const uint32_t *words = (const uint32_t *) run->pages;
  size_t i;

  for (i = 0; i < run->page_cnt * PGSIZE / sizeof *words; i++)
    CHECK (words[i] == 0, "PAL_ZERO page %p has a nonzero word %zu",
           run->pages, i);
}

/* Checks that RUN lies inside RAM above 1 MiB and is page-aligned. */
static void
check_bounds (const struct palloc_run *run)
{
  uint8_t *ram_end = ptov (init_ram_pages * PGSIZE);

  CHECK (pg_ofs (run->pages) == 0, "allocation %p not page-aligned",
         run->pages);
  CHECK (run->pages >= (uint8_t *) ptov (0x100000)
         && run->pages + run->page_cnt * PGSIZE <= ram_end,
         "allocation %p of %zu pages outside RAM above 1 MiB",
         run->pages, run->page_cnt);
}

/* Takes runs of SIZES[] pages, cycling through SIZES, from the pool
   FLAGS chooses until the pool cannot give even one more page.
   Appends them to RUNS, fills them for ROUND, and returns how many
   pages were taken. */
static size_t
drain_pool (struct palloc_runs *runs, enum palloc_flags flags,
            const size_t *sizes, size_t size_cnt, int round)
{
  size_t taken = 0, i = 0, want;

  for (;;)
    {
      struct palloc_run *run = &runs->runs[runs->cnt];
      want = sizes[i++ % size_cnt];
      run->pages = palloc_get_multiple (flags, want);
      if (run->pages == NULL && want > 1)
        run->pages = palloc_get_multiple (flags, want = 1);
      if (run->pages == NULL)
        return taken;
      CHECK (runs->cnt < runs->max, "more runs than free pages");
      run->page_cnt = want;
      check_bounds (run);
      if (flags & PAL_ZERO)
        verify_zero (run);
      fill_run (run, round);
      runs->cnt++;
      taken += want;
    }
}

/* Frees every run of RUNS in a random order, verifying each first. */
static void
free_shuffled (struct palloc_runs *runs, int round)
{
  size_t i;

  for (i = runs->cnt; i > 1; i--)
    {
      size_t j = random_ulong () % i;
      struct palloc_run tmp = runs->runs[i - 1];
      runs->runs[i - 1] = runs->runs[j];
      runs->runs[j] = tmp;
    }
  for (i = 0; i < runs->cnt; i++)
    {
      verify_run (&runs->runs[i], round);
      palloc_free_multiple (runs->runs[i].pages, runs->runs[i].page_cnt);
    }
  runs->cnt = 0;
}

/* One round: drains the kernel pool, then the user pool, checks that
   no page is left, verifies all patterns, and frees it all.  Round 0
   takes single pages, the others runs of several; round 2 asks for
   zeroed pages. */
static void
stress_round (struct palloc_runs *runs, size_t free_pages, int round)
{
  static const size_t singles[] = { 1 };
  static const size_t mixed[] = { 1, 3, 2, 8, 1, 5 };
  const size_t *sizes = round == 0 ? singles : mixed;
  size_t size_cnt = round == 0 ? 1 : sizeof mixed / sizeof *mixed;
  enum palloc_flags zero = round == 2 ? PAL_ZERO : 0;
  size_t taken, i;

  taken = drain_pool (runs, zero, sizes, size_cnt, round);
  CHECK (palloc_get_page (0) == NULL, "kernel pool not exhausted");
  taken += drain_pool (runs, PAL_USER | zero, sizes, size_cnt, round);
  check_uint ("pages taken", taken, free_pages);
  check_uint ("free pages when both pools are empty", palloc_free_count (), 0);
  for (i = 0; i < runs->cnt; i++)
    verify_run (&runs->runs[i], round);
  free_shuffled (runs, round);
  check_uint ("free pages after freeing", palloc_free_count (), free_pages);
}

/* Runs the rounds with a run table big enough for every free page. */
static void
palloc_stress_test (void)
{
  size_t table_pages = DIV_ROUND_UP ((palloc_free_count () + 1)
                                     * sizeof (struct palloc_run), PGSIZE);
  struct palloc_runs runs;
  size_t start_pages = palloc_free_count ();
  size_t free_pages;
  int round;

  random_init (0x9a11);
  runs.runs = palloc_get_multiple (PAL_ASSERT, table_pages);
  runs.max = table_pages * PGSIZE / sizeof *runs.runs;
  runs.cnt = 0;
  free_pages = palloc_free_count ();
  for (round = 0; round < PALLOC_STRESS_ROUNDS; round++)
    stress_round (&runs, free_pages, round);
  msg ("%d rounds: single pages; runs of 1-8 pages; zeroed runs",
       PALLOC_STRESS_ROUNDS);
  msg ("every free page taken, no overlap, all returned");

  palloc_free_multiple (runs.runs, table_pages);
  CHECK (palloc_get_multiple (0, 0) == NULL, "a run of 0 pages was granted");
  check_uint ("free pages at the end", palloc_free_count (), start_pages);
  msg ("free page count back to its starting value");
}

KTEST ("palloc-stress", palloc_stress_test);
