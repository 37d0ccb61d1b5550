/* Helper guest of migrate-dirty: dirties its memory faster than live
   migration can copy it, rewriting all 512 pages of its region (16
   words of each) at every step, one step after another, with a line
   "(dirty) tick N" each (ticker.inc).  Pre-copy cannot converge on
   it: the stop rule must end the rounds. */

const char test_name[] = "dirty";

#define TICK_PERIOD 0
#define TICK_PAGES 512
#define TICK_REWRITES 512
#define TICK_STRIDE 64

#include "tests/vmctl/ticker.inc"
