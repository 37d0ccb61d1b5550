/* The MMU as a guest sees it, 2-level tables (see paging-mmu.inc). */
const char test_name[] = "paging-mmu-legacy";
#define PAGING_MMU_PAE false
#include "tests/hv/paging-mmu.inc"
