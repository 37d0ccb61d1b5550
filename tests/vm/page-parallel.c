/* Runs four child-linear processes at once, each writing and reading
   back 1 MiB: together more than the user pool holds, so they evict
   each other's pages, and every one must still read back its own. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"

/* Children run at once. */
#define PARALLEL_CNT 4

void
test_main (void)
{
  pid_t pids[PARALLEL_CNT];

  exec_children ("child-linear", pids, PARALLEL_CNT);
  wait_children (pids, PARALLEL_CNT);
}
