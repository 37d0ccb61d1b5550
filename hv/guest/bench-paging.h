/* What the guests of "make bench-paging" share (hv/guest/bench-paging-
   *.c): turning the guest's own paging on over its RAM, and the one
   line each prints for tests/hv/bench-paging.pl.  The hv runs each
   guest once with nested paging and once with shadow page tables;
   the guest does the same work either way. */
#ifndef HV_GUEST_BENCH_PAGING_H
#define HV_GUEST_BENCH_PAGING_H

#include "hv/guest/guest.h"

#define BENCH_PAGE_SIZE 4096

/* Builds tables of format MODE that identity map guest RAM [0,
   RAM_END) for ring 0, and turns paging on. */
static inline void
bench_paging_on (enum paging_mode mode, uint32_t ram_end)
{
  paging_init (mode);
  paging_identity_map (0, ram_end);
  paging_enable ();
}

/* Prints the result line: CYCLES of the guest's TSC that the timed
   work took, and CHECKSUM, a value the work computed, the same in
   every run. */
static inline void
bench_paging_report (uint64_t cycles, uint32_t checksum)
{
  msg ("cycles %llu, checksum %#x", cycles, (unsigned) checksum);
}

#endif /* hv/guest/bench-paging.h */
