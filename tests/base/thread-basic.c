/* Thread life cycle under the basic scheduler: thread_create starts
   a thread that runs its function with its argument, under its own
   tid and name, with interrupts on; thread_foreach sees it; it ends
   by returning or by calling thread_exit, and its page is freed
   afterwards.  Only the order the test enforces with semaphores is
   relied on, never the scheduler's. */

#include <stdio.h>
#include <string.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/interrupt.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* Children created; the last ends with thread_exit, the others by
   returning. */
#define THREAD_BASIC_CNT 3

/* What a child saw of itself, and the semaphores it meets. */
struct child
  {
    int id;                     /* Index, passed as the thread's AUX. */
    tid_t tid;                  /* What thread_create returned. */
    tid_t seen_tid;             /* What thread_tid () said inside. */
    char seen_name[16];         /* What thread_name () said inside. */
    bool seen_running;          /* Its status was THREAD_RUNNING. */
    bool seen_intr_on;          /* Interrupts were on. */
  };

static struct child thread_basic_children[THREAD_BASIC_CNT];
static struct semaphore thread_basic_gate;   /* Lets children finish. */
static struct semaphore thread_basic_done;   /* Upped by each child. */

/* Child thread: records what it sees, waits at the gate, says it is
   done and ends, the last one with thread_exit (). */
static void
child_main (void *aux)
{
  struct child *c = aux;

  c->seen_tid = thread_tid ();
  strlcpy (c->seen_name, thread_name (), sizeof c->seen_name);
  c->seen_running = thread_current ()->status == THREAD_RUNNING;
  c->seen_intr_on = intr_get_level () == INTR_ON;
  sema_down (&thread_basic_gate);
  sema_up (&thread_basic_done);
  if (c->id == THREAD_BASIC_CNT - 1)
    thread_exit ();
}

/* Returns true once every child waits at the gate.  AUX is unused. */
static bool
all_at_gate (void *aux UNUSED)
{
  enum intr_level old_level = intr_disable ();
  size_t waiting = list_size (&thread_basic_gate.waiters);

  intr_set_level (old_level);
  return waiting == THREAD_BASIC_CNT;
}

/* Counts, in *AUX (an int), blocked threads whose names start with
   "child".  thread_action_func. */
static void
count_blocked_children (struct thread *t, void *aux)
{
  int *cnt = aux;

  if (!strncmp (t->name, "child", 5) && t->status == THREAD_BLOCKED)
    (*cnt)++;
}

/* Creates the children, the last one with a name too long to keep. */
static void
create_children (void)
{
  int i, j;

  for (i = 0; i < THREAD_BASIC_CNT; i++)
    {
      struct child *c = &thread_basic_children[i];
      char name[32];

      snprintf (name, sizeof name, "child-%d%s", i,
                i < THREAD_BASIC_CNT - 1 ? "" : "-with-a-long-name");
      c->id = i;
      c->tid = thread_create (name, PRI_DEFAULT, child_main, c);
      CHECK (c->tid != TID_ERROR, "thread_create failed");
      for (j = 0; j < i; j++)
        CHECK (c->tid != thread_basic_children[j].tid,
               "children %d and %d share tid %d", j, i, c->tid);
    }
  msg ("created %d threads with distinct tids", THREAD_BASIC_CNT);
}

/* Checks what each child saw of itself. */
static void
check_children (void)
{
  int i;

  for (i = 0; i < THREAD_BASIC_CNT; i++)
    {
      struct child *c = &thread_basic_children[i];
      check_int ("tid seen by the child", c->seen_tid, c->tid);
      CHECK (c->seen_running, "child %d was not THREAD_RUNNING", i);
      CHECK (c->seen_intr_on, "child %d ran with interrupts off", i);
    }
  check_str ("name of child 0", thread_basic_children[0].seen_name, "child-0");
  msg ("each ran with its own argument, tid and name, interrupts on");
  msg ("a long name is cut to \"%s\"",
       thread_basic_children[THREAD_BASIC_CNT - 1].seen_name);
}

/* Creates the children, inspects them while they wait, lets them go
   and waits until their pages have been freed. */
static void
thread_basic_test (void)
{
  size_t free_before = palloc_free_count ();
  enum intr_level old_level;
  int i, blocked = 0;

  sema_init (&thread_basic_gate, 0);
  sema_init (&thread_basic_done, 0);
  create_children ();
  check_yield_until (all_at_gate, NULL, "the children to reach the gate");
  check_children ();

  old_level = intr_disable ();
  thread_foreach (count_blocked_children, &blocked);
  intr_set_level (old_level);
  msg ("thread_foreach saw %d children blocked", blocked);

  for (i = 0; i < THREAD_BASIC_CNT; i++)
    sema_up (&thread_basic_gate);
  for (i = 0; i < THREAD_BASIC_CNT; i++)
    sema_down (&thread_basic_done);
  check_pages_reclaimed (free_before);
  msg ("children ended by returning and by thread_exit; pages freed");
}

KTEST ("thread-basic", thread_basic_test);
