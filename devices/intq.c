/* Interrupt queues: a circular byte buffer whose producer or consumer
   may be an interrupt handler.  Threads wait by blocking themselves
   with interrupts off; the other side wakes them. */

#include "devices/intq.h"
#include <debug.h>
#include "threads/thread.h"
#include "threads/interrupt.h"

/* Makes Q an empty queue with nobody waiting. */
void
intq_init (struct intq *q)
{
  q->oldest = 0;
  q->used = 0;
  q->reader = NULL;
  q->writer = NULL;
  lock_init (&q->sleepers);
}

/* Returns how many bytes Q holds.  Interrupts must be off, since
   the answer is stale the moment a handler may run. */
static unsigned
intq_used (const struct intq *q)
{
  ASSERT (intr_get_level () == INTR_OFF);
  return q->used;
}

/* True if no byte is waiting in Q.  Interrupts must be off. */
bool
intq_empty (const struct intq *q)
{
  return intq_used (q) == 0;
}

/* True if Q cannot take another byte.  Interrupts must be off. */
bool
intq_full (const struct intq *q)
{
  return intq_used (q) == INTQ_BUFSIZE;
}

/* If STUCK (Q) holds, sleeps until it does not: takes Q's sleepers
   lock so that waiting threads line up, then blocks as *SLOT, the
   one waiter the other side wakes, as often as needed.  Returns true
   if it slept, and then still holds the lock (intq_end_wait drops
   it).  Interrupts off; from an interrupt handler only when STUCK (Q)
   is false, since a handler cannot sleep. */
static bool
intq_wait_until_not (struct intq *q, bool (*stuck) (const struct intq *),
                     struct thread **slot)
{
  if (!stuck (q))
    return false;
  ASSERT (!intr_context ());
  lock_acquire (&q->sleepers);
  while (stuck (q))
    {
      ASSERT (*slot == NULL);
      *slot = thread_current ();
      thread_block ();
    }
  return true;
}

/* Ends a wait begun by intq_wait_until_not, which returned SLEPT. */
static void
intq_end_wait (struct intq *q, bool slept)
{
  if (slept)
    lock_release (&q->sleepers);
}

/* Unblocks the thread sleeping in *SLOT, if there is one, and clears
   the slot.  Interrupts off; fine from an interrupt handler. */
static void
intq_wake (struct thread **slot)
{
  struct thread *sleeper = *slot;

  ASSERT (intr_get_level () == INTR_OFF);
  if (sleeper == NULL)
    return;
  *slot = NULL;
  thread_unblock (sleeper);
}

/* Adds BYTE at the end of Q; if Q is full, the calling thread first
   sleeps until there is room.  Interrupts must be off.  A handler may
   call it only on a queue that is not full. */
void
intq_putc (struct intq *q, uint8_t byte)
{
  bool slept = intq_wait_until_not (q, intq_full, &q->writer);

  q->ring[(q->oldest + q->used) % INTQ_BUFSIZE] = byte;
  q->used++;
  intq_wake (&q->reader);
  intq_end_wait (q, slept);
}

/* Takes the oldest byte out of Q and returns it; if Q is empty, the
   calling thread first sleeps until a byte arrives.  Interrupts must
   be off.  A handler may call it only on a queue that is not
   empty. */
uint8_t
intq_getc (struct intq *q)
{
  bool slept = intq_wait_until_not (q, intq_empty, &q->reader);
  uint8_t byte = q->ring[q->oldest];

  q->oldest = (q->oldest + 1) % INTQ_BUFSIZE;
  q->used--;
  intq_wake (&q->writer);
  intq_end_wait (q, slept);
  return byte;
}
