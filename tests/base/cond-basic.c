/* Condition variables: a bounded buffer shared by two producers and
   two consumers delivers every item exactly once and in each
   producer's order; cond_signal wakes one waiter, cond_broadcast all
   of them, and woken waiters recheck their condition (Mesa
   semantics). */

#include <stdint.h>
#include <stdio.h>
#include "tests/base/check.h"
#include "tests/ktest.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* Buffer slots, producers, consumers, and items per producer. */
#define COND_BUF_SIZE 4
#define COND_PRODUCERS 2
#define COND_CONSUMERS 2
#define COND_ITEMS 50

/* Items carry (producer << COND_PRODUCER_SHIFT) | sequence number. */
#define COND_PRODUCER_SHIFT 8

/* The bounded buffer. */
static struct lock buf_lock;
static struct condition buf_not_full, buf_not_empty;
static int buf_items[COND_BUF_SIZE];
static size_t buf_head, buf_cnt;

/* How many items of each producer the consumers received, and the
   semaphore each producer and consumer ups when it is done. */
static int received_cnt[COND_PRODUCERS];
static struct semaphore cond_done;

/* Puts ITEM into the buffer, waiting while it is full. */
static void
buf_put (int item)
{
  lock_acquire (&buf_lock);
  while (buf_cnt == COND_BUF_SIZE)
    cond_wait (&buf_not_full, &buf_lock);
  buf_items[(buf_head + buf_cnt++) % COND_BUF_SIZE] = item;
  cond_signal (&buf_not_empty, &buf_lock);
  lock_release (&buf_lock);
}

/* Takes the oldest item out of the buffer, waiting while it is empty. */
static int
buf_get (void)
{
  int item;

  lock_acquire (&buf_lock);
  while (buf_cnt == 0)
    cond_wait (&buf_not_empty, &buf_lock);
  item = buf_items[buf_head];
  buf_head = (buf_head + 1) % COND_BUF_SIZE;
  buf_cnt--;
  cond_signal (&buf_not_full, &buf_lock);
  lock_release (&buf_lock);
  return item;
}

/* Producer: puts COND_ITEMS numbered items, yielding after each.
   AUX is its number. */
static void
producer_main (void *aux)
{
  int p = (int) (intptr_t) aux, i;

  for (i = 0; i < COND_ITEMS; i++)
    {
      buf_put ((p << COND_PRODUCER_SHIFT) | i);
      thread_yield ();
    }
  sema_up (&cond_done);
}

/* Consumer: takes its share of the items, checking that each
   producer's items arrive in order.  AUX is unused. */
static void
consumer_main (void *aux UNUSED)
{
  int last[COND_PRODUCERS], i;

  for (i = 0; i < COND_PRODUCERS; i++)
    last[i] = -1;
  for (i = 0; i < COND_PRODUCERS * COND_ITEMS / COND_CONSUMERS; i++)
    {
      int item = buf_get ();
      int p = item >> COND_PRODUCER_SHIFT;
      int seq = item & ((1 << COND_PRODUCER_SHIFT) - 1);

      CHECK (p >= 0 && p < COND_PRODUCERS, "item %#x from nowhere", item);
      CHECK (seq > last[p], "producer %d's item %d came after item %d",
             p, seq, last[p]);
      last[p] = seq;
      received_cnt[p]++;
    }
  sema_up (&cond_done);
}

/* Creates a thread running FUNCTION with AUX, named PREFIX-N. */
static void
spawn (const char *prefix, int n, thread_func *function, void *aux)
{
  char name[16];

  snprintf (name, sizeof name, "%s-%d", prefix, n);
  CHECK (thread_create (name, PRI_DEFAULT, function, aux) != TID_ERROR,
         "thread_create failed");
}

/* The producers and consumers. */
static void
test_bounded_buffer (void)
{
  int i;

  lock_init (&buf_lock);
  cond_init (&buf_not_full);
  cond_init (&buf_not_empty);
  sema_init (&cond_done, 0);
  for (i = 0; i < COND_CONSUMERS; i++)
    spawn ("consumer", i, consumer_main, NULL);
  for (i = 0; i < COND_PRODUCERS; i++)
    spawn ("producer", i, producer_main, (void *) (intptr_t) i);
  for (i = 0; i < COND_PRODUCERS + COND_CONSUMERS; i++)
    sema_down (&cond_done);
  msg ("bounded buffer of %d: received %d and %d items, each in order",
       COND_BUF_SIZE, received_cnt[0], received_cnt[1]);
}

/* The signal and broadcast check: waiters wait for a ticket, and
   count how often they wake. */
static struct condition ticket_cond;
static int tickets, ticket_holders, ticket_wakeups;
#define TICKET_WAITERS 3

/* Waits until a ticket is available, takes it, and ends.  AUX is
   unused. */
static void
ticket_main (void *aux UNUSED)
{
  lock_acquire (&buf_lock);
  while (tickets == 0)
    {
      cond_wait (&ticket_cond, &buf_lock);
      ticket_wakeups++;
    }
  tickets--;
  ticket_holders++;
  lock_release (&buf_lock);
}

/* Returns true if *AUX (an int) threads hold tickets and the others
   wait on ticket_cond again. */
static bool
tickets_settled (void *aux)
{
  int holders = *(int *) aux;
  size_t waiting;

  lock_acquire (&buf_lock);
  waiting = list_size (&ticket_cond.waiters);
  lock_release (&buf_lock);
  return ticket_holders == holders
         && waiting == (size_t) (TICKET_WAITERS - holders);
}

/* Hands out one ticket and wakes waiters with cond_signal or, if
   BROADCAST, cond_broadcast; waits until HOLDERS threads hold tickets
   and the rest wait again, and reports how many woke. */
static void
give_ticket (bool broadcast, int holders)
{
  int waiting = TICKET_WAITERS - (holders - 1);
  int wakeups_before = ticket_wakeups;

  lock_acquire (&buf_lock);
  tickets++;
  if (broadcast)
    cond_broadcast (&ticket_cond, &buf_lock);
  else
    cond_signal (&ticket_cond, &buf_lock);
  lock_release (&buf_lock);
  check_yield_until (tickets_settled, &holders, "the waiters to settle");
  msg ("%s, 1 ticket, %d waiting: %d woke, 1 went on, %d wait again",
       broadcast ? "cond_broadcast" : "cond_signal", waiting,
       ticket_wakeups - wakeups_before, TICKET_WAITERS - holders);
}

/* cond_signal wakes one; cond_broadcast wakes all, and those that
   find no ticket wait again. */
static void
test_signal_broadcast (void)
{
  int i, none = 0;

  cond_init (&ticket_cond);
  for (i = 0; i < TICKET_WAITERS; i++)
    spawn ("ticket", i, ticket_main, NULL);
  check_yield_until (tickets_settled, &none, "the waiters to wait");
  give_ticket (false, 1);
  give_ticket (true, 2);
  give_ticket (true, 3);
}

/* Runs both parts. */
static void
cond_basic_test (void)
{
  test_bounded_buffer ();
  test_signal_broadcast ();
}

KTEST ("cond-basic", cond_basic_test);
