/* Parents may exit before their children.  The test starts "multi-
   orphan parent", which starts three "multi-orphan child" processes
   and exits at once, without waiting; the children outlive it, each
   with files open, and then exit in their turn.  The test waits for
   the parent, then polls the free-page count until every page is
   back: a child's memory, descriptors and shared exit status must be
   freed though nobody will ever wait for it. */

#include <string.h>
#include "tests/lib.h"

/* Children the parent starts and leaves behind. */
#define ORPHAN_CNT 3

/* System calls each orphan makes before it exits, to outlive its
   parent by many time slices. */
#define ORPHAN_SPINS 2000

/* Most free-page polls the test makes before it declares a leak. */
#define POLL_MAX 2000000

/* An orphan: opens a file, spins, exits. */
static int
orphan (void)
{
  open ("multi-orphan");
  for (int i = 0; i < ORPHAN_SPINS; i++)
    freepages ();
  return 0;
}

/* The parent: starts the orphans and exits without waiting. */
static int
parent (void)
{
  for (int i = 0; i < ORPHAN_CNT; i++)
    if (exec ("multi-orphan child") == PID_ERROR)
      fail ("exec \"multi-orphan child\" failed");
  return 0;
}

int
main (int argc, char *argv[])
{
  test_name = "multi-orphan";
  if (argc == 2 && !strcmp (argv[1], "child"))
    return orphan ();
  if (argc == 2 && !strcmp (argv[1], "parent"))
    return parent ();

  msg ("begin");
  size_t before = freepages ();
  int status = wait (exec ("multi-orphan parent"));
  int polls = 0;
  while (freepages () != before && polls < POLL_MAX)
    polls++;
  msg ("the parent exited with %d, leaving %d children", status, ORPHAN_CNT);
  CHECK (freepages () == before,
         "once the children are gone, every page is free again");
  msg ("end");
  return 0;
}
