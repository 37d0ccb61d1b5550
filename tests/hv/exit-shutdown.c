/* SHUTDOWN: a guest that triple-faults (here: a breakpoint with an
   empty IDT, so the #GP and the #DF after it cannot be delivered
   either) ends only its own VM; the host goes on. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-shutdown";

int
main (void)
{
  struct { uint16_t limit; uint32_t base; } __attribute__ ((packed))
    empty = { 0, 0 };

  msg ("loading an empty IDT and raising #BP");
  asm volatile ("lidt %0; int3" : : "m" (empty));
  fail ("survived a triple fault");
}
