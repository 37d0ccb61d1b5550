/* An interrupt queue: a small circular byte buffer shared between
   kernel threads and interrupt handlers.  A thread that finds it
   empty (reading) or full (writing) sleeps until an interrupt handler
   changes that; an interrupt handler must never find it so. */
#ifndef DEVICES_INTQ_H
#define DEVICES_INTQ_H

#include <stdbool.h>
#include <stdint.h>
#include "threads/synch.h"

/* Bytes an interrupt queue holds. */
#define INTQ_BUFSIZE 64

/* An interrupt queue.  Every access is made with interrupts off. */
struct intq
  {
    /* Serialises sleepers: one waiting thread at a time. */
    struct lock lock;
    struct thread *not_full;    /* Writer waiting for room, or NULL. */
    struct thread *not_empty;   /* Reader waiting for a byte, or NULL. */

    /* The bytes: COUNT of them, oldest at HEAD. */
    uint8_t buf[INTQ_BUFSIZE];
    unsigned head;              /* Index of the oldest byte. */
    unsigned count;             /* Bytes held. */
  };

void intq_init (struct intq *);
bool intq_empty (const struct intq *);
bool intq_full (const struct intq *);
uint8_t intq_getc (struct intq *);
void intq_putc (struct intq *, uint8_t);

#endif /* devices/intq.h */
