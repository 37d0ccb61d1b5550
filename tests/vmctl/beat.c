/* A guest for demos from the shell (make -C full run-shell): the ticker
   slowed to a line "(beat) tick N" a second, so the shell stays usable
   while it runs and a pause, a snapshot or a clone shows in its
   lines (ticker.inc). */

const char test_name[] = "beat";

#define TICK_PERIOD 100
#define TICK_PAGES 32
#define TICK_REWRITES 1
#define TICK_STRIDE 1

#include "tests/vmctl/ticker.inc"
