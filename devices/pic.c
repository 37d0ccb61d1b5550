/* The two cascaded 8259A interrupt controllers: remapping their
   lines to vectors INTR_IRQ_BASE...INTR_IRQ_BASE+15, acknowledging
   interrupts, and recognising spurious ones.

   The master PIC serves IRQ 0...7 and receives the slave's output on
   its IRQ 2; the slave serves IRQ 8...15.  The BIOS leaves the master
   on vectors 0x08...0x0f, which collide with CPU exceptions, so
   pic_init moves both. */

#include "devices/pic.h"
#include <debug.h>
#include <stdint.h>
#include "threads/interrupt.h"
#include "threads/io.h"

/* I/O ports (8259A data sheet: A0 = 0 is the command port, A0 = 1
   the data port). */
#define PIC_MASTER_CMD  0x20
#define PIC_MASTER_DATA 0x21
#define PIC_SLAVE_CMD   0xa0
#define PIC_SLAVE_DATA  0xa1

/* Initialisation command words. */
#define PIC_ICW1_INIT   0x11    /* ICW1: start init, edge-triggered,
                                   cascade mode, ICW4 follows. */
#define PIC_CASCADE_IRQ 2       /* Master line the slave is wired to. */
#define PIC_ICW3_MASTER (1 << PIC_CASCADE_IRQ) /* ICW3 (master): bit
                                   per line that has a slave. */
#define PIC_ICW3_SLAVE  PIC_CASCADE_IRQ /* ICW3 (slave): its cascade
                                   identity, the master line it uses. */
#define PIC_ICW4_8086   0x01    /* ICW4: 8086 mode, normal EOI. */

/* Operation command words. */
#define PIC_OCW2_EOI    0x20    /* OCW2: non-specific end of interrupt. */
#define PIC_OCW3_READ_ISR 0x0b  /* OCW3: next command-port read returns
                                   the in-service register. */

#define PIC_MASK_ALL    0xff    /* OCW1: every line masked. */
#define PIC_MASK_NONE   0x00    /* OCW1: every line enabled. */

#define PIC_LINES       8       /* Lines per controller. */
#define PIC_LOWEST_LINE 7       /* The line a spurious interrupt uses. */

/* Programs one controller whose command port is CMD with the four
   initialisation words: vectors from VECTOR_BASE, cascade word ICW3.
   Interrupts must be off. */
static void
pic_program (uint16_t cmd, uint8_t vector_base, uint8_t icw3)
{
  uint16_t data = cmd + 1;

  outb (cmd, PIC_ICW1_INIT);
  outb (data, vector_base);                   /* ICW2: vector base. */
  outb (data, icw3);
  outb (data, PIC_ICW4_8086);
}

/* Remaps both PICs to vectors INTR_IRQ_BASE...INTR_IRQ_BASE+15 and
   unmasks every line.  Interrupts must be off; called once, from
   intr_init. */
void
pic_init (void)
{
  ASSERT (intr_get_level () == INTR_OFF);

  outb (PIC_MASTER_DATA, PIC_MASK_ALL);
  outb (PIC_SLAVE_DATA, PIC_MASK_ALL);

  pic_program (PIC_MASTER_CMD, INTR_IRQ_BASE, PIC_ICW3_MASTER);
  pic_program (PIC_SLAVE_CMD, INTR_IRQ_BASE + PIC_LINES, PIC_ICW3_SLAVE);

  outb (PIC_MASTER_DATA, PIC_MASK_NONE);
  outb (PIC_SLAVE_DATA, PIC_MASK_NONE);
}

/* Returns true if the controller whose command port is CMD has its
   lowest-priority line (7) in service. */
static bool
pic_line7_in_service (uint16_t cmd)
{
  outb (cmd, PIC_OCW3_READ_ISR);
  return (inb (cmd) & (1 << PIC_LOWEST_LINE)) != 0;
}

/* Returns true if an interrupt reported on IRQ is spurious: a PIC
   that loses a request before the CPU acknowledges it reports its
   line 7 (IRQ 7 or IRQ 15) without setting that line's in-service
   bit.  Must be called before pic_end_of_interrupt, interrupts off. */
bool
pic_is_spurious (int irq)
{
  if (irq == PIC_LOWEST_LINE)
    return !pic_line7_in_service (PIC_MASTER_CMD);
  if (irq == PIC_LINES + PIC_LOWEST_LINE)
    return !pic_line7_in_service (PIC_SLAVE_CMD);
  return false;
}

/* Acknowledges IRQ (0...15) so that its controller can deliver the
   next interrupt: the master always, the slave too for IRQ >= 8.  A
   spurious IRQ 7 needs no acknowledgement, and a spurious IRQ 15 only
   the master's (for the cascade line), so both are recognised here.
   Interrupts must be off. */
void
pic_end_of_interrupt (int irq)
{
  ASSERT (irq >= 0 && irq < INTR_IRQ_CNT);

  if (pic_is_spurious (irq))
    {
      if (irq >= PIC_LINES)
        outb (PIC_MASTER_CMD, PIC_OCW2_EOI);
      return;
    }
  if (irq >= PIC_LINES)
    outb (PIC_SLAVE_CMD, PIC_OCW2_EOI);
  outb (PIC_MASTER_CMD, PIC_OCW2_EOI);
}
