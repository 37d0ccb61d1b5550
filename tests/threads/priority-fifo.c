/* priority-fifo: threads of equal priority take turns in FIFO order.
   Eight workers of one priority, created while the main thread's is
   higher, each log their number and yield, four times over, with
   interrupts off so that only thread_yield () switches threads.  When
   the main thread drops below them they must all run, and finish,
   before thread_set_priority () returns, in strict rotation. */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/interrupt.h"

/* Workers, their rounds, and the priorities involved. */
#define FIFO_WORKERS 8
#define FIFO_ROUNDS 4
#define FIFO_WORKER_PRI (PRI_DEFAULT + 1)
#define FIFO_MAIN_HIGH (PRI_DEFAULT + 2)

/* Worker numbers in the order the workers ran. */
static int fifo_log[FIFO_WORKERS * FIFO_ROUNDS];
static int fifo_cnt;

/* A worker: AUX is its number. */
static void
fifo_worker_main (void *aux)
{
  enum intr_level old_level = intr_disable ();
  for (int r = 0; r < FIFO_ROUNDS; r++)
    {
      fifo_log[fifo_cnt++] = (intptr_t) aux;
      thread_yield ();
    }
  intr_set_level (old_level);
}

/* Prints the log, a round per line. */
static void
fifo_print_log (void)
{
  for (int r = 0; r < FIFO_ROUNDS; r++)
    {
      char line[3 * FIFO_WORKERS + 1];
      int len = 0;
      for (int w = 0; w < FIFO_WORKERS; w++)
        len += snprintf (line + len, sizeof line - len, " %d",
                         fifo_log[r * FIFO_WORKERS + w]);
      msg ("round %d:%s", r + 1, line);
    }
}

static void
priority_fifo_test (void)
{
  thtest_require_priority ();
  fifo_cnt = 0;
  thread_set_priority (FIFO_MAIN_HIGH);
  for (int w = 0; w < FIFO_WORKERS; w++)
    thtest_spawn ("worker", FIFO_WORKER_PRI, fifo_worker_main,
                  (void *) (intptr_t) w);
  msg ("%d workers of priority %d created; entries logged so far: %d",
       FIFO_WORKERS, FIFO_WORKER_PRI, fifo_cnt);

  thread_set_priority (PRI_DEFAULT);
  msg ("main back at priority %d: the workers ran %d of %d rounds",
       PRI_DEFAULT, fifo_cnt / FIFO_WORKERS, FIFO_ROUNDS);
  CHECK (fifo_cnt == FIFO_WORKERS * FIFO_ROUNDS, "the workers had not "
         "finished when thread_set_priority () returned");
  fifo_print_log ();
}

KTEST ("priority-fifo", priority_fifo_test);
