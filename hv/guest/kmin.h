/* A minimal guest kernel-thread layer for one VCPU (kmin.c): enough
   kernel threads, preempted by the virtual timer, for ring-3 user
   programs to run as several virtual processors.  It stands in for
   the multi-VCPU guest kernel of the scheduling lab's tier 2 until a
   program is built on that one. */
#ifndef HV_GUEST_KMIN_H
#define HV_GUEST_KMIN_H

#include <stdint.h>
#include "hv/guest/guest.h"

#define KMIN_THREADS 9          /* The starting thread and 8 more. */
#define KMIN_TIMER_VECTOR 0x20  /* The virtual timer's interrupt. */

/* Called with interrupts off at each timer interrupt, before any
   preemption, with the interrupted state. */
typedef void kmin_tick_hook (struct guest_frame *);

/* Called with interrupts off whenever a thread is about to run, with
   the top of its stack (the TSS's ESP0 must follow it). */
typedef void kmin_switch_hook (uint32_t stack_top);

void kmin_init (kmin_tick_hook *, kmin_switch_hook *);
int kmin_create (void (*function) (void *aux), void *aux);
void kmin_yield (void);
void kmin_sleep (uint32_t ticks);
void kmin_exit (void) NO_RETURN;
int kmin_self (void);
uint32_t kmin_ticks (void);

#endif /* hv/guest/kmin.h */
