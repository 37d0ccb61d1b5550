/* Helper guest of the vmctl tests: a line "(ticker) tick N" every two
   ticks of its timer, for ever, rewriting one page of 32 at each step
   after checking it (ticker.inc), so a test sees it stop (pause), go
   on where it stopped (resume, snapshot and restore, migration) or
   run twice (clone), and a lost or stale page makes it fail. */

const char test_name[] = "ticker";

#define TICK_PERIOD 2
#define TICK_PAGES 32
#define TICK_REWRITES 1
#define TICK_STRIDE 1

#include "tests/vmctl/ticker.inc"
