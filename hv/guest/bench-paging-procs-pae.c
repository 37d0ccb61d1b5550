/* A guest of "make bench-paging": processes made and torn down, with
   PAE tables (see bench-paging-procs.inc). */
const char test_name[] = "bench-paging-procs-pae";
#define PROCS_MODE PAGING_PAE
#include "hv/guest/bench-paging-procs.inc"
