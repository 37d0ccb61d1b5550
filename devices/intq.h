/* An interrupt queue: a small circular byte buffer shared between
   kernel threads and interrupt handlers.  A thread that finds it
   empty (reading) or full (writing) sleeps until an interrupt handler
   changes that; an interrupt handler must never find it so. */
#ifndef DEVICES_INTQ_H
#define DEVICES_INTQ_H

#include "threads/synch.h"
#include <stdint.h>
#include <stdbool.h>

/* Capacity of every interrupt queue, in bytes. */
#define INTQ_BUFSIZE 64

/* An interrupt queue.  Touched only with interrupts off. */
struct intq
  {
    uint8_t ring[INTQ_BUFSIZE]; /* Storage, used circularly. */
    unsigned oldest;            /* Index in RING of the next byte out. */
    unsigned used;              /* Bytes stored, 0 to INTQ_BUFSIZE. */

    struct thread *reader;      /* Thread asleep until a byte comes. */
    struct thread *writer;      /* Thread asleep until room appears. */
    struct lock sleepers;       /* Lets one thread at a time sleep here. */
  };

void intq_init (struct intq *);

/* State: interrupts must be off. */
bool intq_full (const struct intq *);
bool intq_empty (const struct intq *);

/* Transfer: interrupts off; may sleep unless called from a handler. */
void intq_putc (struct intq *, uint8_t);
uint8_t intq_getc (struct intq *);

#endif /* devices/intq.h */
