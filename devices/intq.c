/* Interrupt queues: a circular byte buffer whose producer or consumer
   may be an interrupt handler.  Threads wait by blocking themselves
   with interrupts off; the other side wakes them. */

#include "devices/intq.h"
#include <debug.h>
#include "threads/interrupt.h"
#include "threads/thread.h"

/* Initialises Q as an empty queue. */
void
intq_init (struct intq *q)
{
  lock_init (&q->lock);
  q->not_full = q->not_empty = NULL;
  q->head = q->count = 0;
}

/* Returns true if Q holds no bytes.  Interrupts must be off. */
bool
intq_empty (const struct intq *q)
{
  ASSERT (intr_get_level () == INTR_OFF);
  return q->count == 0;
}

/* Returns true if Q has no room left.  Interrupts must be off. */
bool
intq_full (const struct intq *q)
{
  ASSERT (intr_get_level () == INTR_OFF);
  return q->count == INTQ_BUFSIZE;
}

/* Blocks the current thread, recording it in *WAITER, until
   intq_wake wakes it.  Interrupts must be off; not in an interrupt
   handler. */
static void
intq_wait (struct thread **waiter)
{
  ASSERT (!intr_context ());
  ASSERT (intr_get_level () == INTR_OFF);
  ASSERT (*waiter == NULL);

  *waiter = thread_current ();
  thread_block ();
}

/* Wakes the thread recorded in *WAITER, if any.  Interrupts must be
   off; may be called from an interrupt handler. */
static void
intq_wake (struct thread **waiter)
{
  ASSERT (intr_get_level () == INTR_OFF);

  if (*waiter != NULL)
    {
      thread_unblock (*waiter);
      *waiter = NULL;
    }
}

/* Removes and returns the oldest byte of Q, sleeping until there is
   one if Q is empty.  Interrupts must be off.  An interrupt handler
   may call it only when Q is not empty.  A sleeper holds Q's lock
   until it has its byte, so readers queue up behind it in order. */
uint8_t
intq_getc (struct intq *q)
{
  ASSERT (intr_get_level () == INTR_OFF);

  bool waited = intq_empty (q);
  if (waited)
    {
      lock_acquire (&q->lock);
      while (intq_empty (q))
        intq_wait (&q->not_empty);
    }

  uint8_t byte = q->buf[q->head];
  q->head = (q->head + 1) % INTQ_BUFSIZE;
  q->count--;
  intq_wake (&q->not_full);
  if (waited)
    lock_release (&q->lock);
  return byte;
}

/* Appends BYTE to Q, sleeping until there is room if Q is full.
   Interrupts must be off.  An interrupt handler may call it only when
   Q is not full.  Writers that must sleep queue up on Q's lock. */
void
intq_putc (struct intq *q, uint8_t byte)
{
  ASSERT (intr_get_level () == INTR_OFF);

  bool waited = intq_full (q);
  if (waited)
    {
      lock_acquire (&q->lock);
      while (intq_full (q))
        intq_wait (&q->not_full);
    }

  q->buf[(q->head + q->count) % INTQ_BUFSIZE] = byte;
  q->count++;
  intq_wake (&q->not_empty);
  if (waited)
    lock_release (&q->lock);
}
