/* Guest paging on, PAE tables (see paging.inc). */
const char test_name[] = "paging-pae";
#define PAGING_TEST_MODE PAGING_PAE
#include "tests/hv/paging.inc"
