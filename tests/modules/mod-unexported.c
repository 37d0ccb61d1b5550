/* A test module calling a real kernel function that the export table
   leaves out, so the loader must refuse it, naming the symbol. */

#include "threads/module.h"
#include "threads/thread.h"

/* Would print the scheduler's statistics. */
static int
unexported_init (void)
{
  thread_print_stats ();
  return 0;
}

MODULE_INFO ("mod-unexported", unexported_init, NULL);
