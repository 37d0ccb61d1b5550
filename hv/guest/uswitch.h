/* The user-level thread library's context switch, which runs in
   ring 3 (uswitch.S).  A context is nothing but a saved stack pointer;
   the registers the C calling convention preserves sit on the stack it
   points to. */
#ifndef HV_GUEST_USWITCH_H
#define HV_GUEST_USWITCH_H

#include <stdint.h>

/* Saves the current context's stack pointer in *SAVE_ESP and resumes
   the context whose stack pointer is NEXT_ESP.  Returns when someone
   switches back to the saved context. */
void uswitch (uint32_t *save_esp, uint32_t next_esp);

/* Registers uswitch pops before it returns: EDI, ESI, EBX, EBP. */
#define USWITCH_SAVED 4

/* Prepares a new context on the empty stack that ends at TOP: the
   first uswitch to it "returns" into START, which must never return.
   Returns the context's stack pointer. */
static inline __attribute__ ((always_inline)) uint32_t
uswitch_prepare (void *top, void (*start) (void))
{
  uint32_t *sp = top;
  *--sp = 0;                            /* START's return address. */
  *--sp = (uint32_t) start;
  for (int i = 0; i < USWITCH_SAVED; i++)
    *--sp = 0;
  return (uint32_t) sp;
}

#endif /* hv/guest/uswitch.h */
