/* Guest paging on, 2-level tables (see paging.inc). */
const char test_name[] = "paging-legacy";
#define PAGING_TEST_MODE PAGING_LEGACY
#include "tests/hv/paging.inc"
