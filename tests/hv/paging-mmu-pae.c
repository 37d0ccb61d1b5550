/* The MMU as a guest sees it, PAE tables (see paging-mmu.inc). */
const char test_name[] = "paging-mmu-pae";
#define PAGING_MMU_PAE true
#include "tests/hv/paging-mmu.inc"
