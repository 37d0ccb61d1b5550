/* IRQ 13, the x87 error line.  A CPU running with CR0.NE clear
   reports an unmasked x87 exception by asserting FERR#, which a PC
   wires to IRQ 13 of the second 8259; the line stays asserted until
   software writes port 0xF0.  The kernel runs with NE set
   (threads/start.S) and so do guests (hv/vmcb.c), so this interrupt
   should never come; if it does, it is acknowledged and counted
   instead of ending in unexpected_interrupt()'s panic. */

#include "devices/fpu-irq.h"
#include <stdio.h>
#include "threads/interrupt.h"
#include "threads/io.h"

/* The PIC line FERR# drives. */
#define FPU_IRQ 13

/* Writing any value here deasserts FERR# (the PC's "clear math
   coprocessor busy" port). */
#define FPU_ERROR_PORT 0xf0

/* IRQ 13 interrupts seen so far. */
static unsigned fpu_irq_cnt;

/* Handles IRQ 13: releases FERR# and reports the first occurrence.
   The interrupt layer sends the PIC its end of interrupt. */
static void
fpu_irq_interrupt (struct intr_frame *frame UNUSED)
{
  outb (FPU_ERROR_PORT, 0);
  if (fpu_irq_cnt++ == 0)
    printf ("fpu: x87 error signalled on IRQ 13 (FERR#); cleared\n");
}

/* Registers the IRQ 13 handler.  Call once, after intr_init (). */
void
fpu_irq_init (void)
{
  intr_register_ext (INTR_IRQ_BASE + FPU_IRQ, fpu_irq_interrupt, "x87 FERR#");
}
