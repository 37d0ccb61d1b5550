/* A guest of "make bench-paging": processes made and torn down, with
   2-level tables (see bench-paging-procs.inc). */
const char test_name[] = "bench-paging-procs";
#define PROCS_MODE PAGING_LEGACY
#include "hv/guest/bench-paging-procs.inc"
