/* The task-state segment.  Ringlet switches tasks in software, so the
   TSS serves one purpose: when an interrupt or system call arrives
   while a user program runs (ring 3), the CPU loads the kernel stack
   pointer from TSS.esp0.  The scheduler points it at the top of the
   running thread's page on every switch. */

#include "threads/tss.h"
#include <string.h>
#include "threads/loader.h"

static struct tss tss;

/* Initializes the TSS: kernel stack segment set, no I/O permission
   bitmap (the offset lies past the segment limit, so every port
   access from ring 3 faults). */
void
tss_init (void)
{
  memset (&tss, 0, sizeof tss);
  tss.ss0 = SEL_KDSEG;
  tss.bitmap = 0xdfff;
}

/* Returns the TSS. */
struct tss *
tss_get (void)
{
  return &tss;
}

/* Makes ESP0 the stack the CPU switches to on entry from ring 3. */
void
tss_update (void *esp0)
{
  tss.esp0 = esp0;
}
