/* The 16550A UART at COM1.  Output starts polled (busy-waiting for
   the transmitter) and switches to interrupt-driven once
   serial_init_queue has run: bytes then go through a queue that the
   transmit interrupt drains, so a thread printing a lot yields the
   CPU instead of spinning.  Received bytes go to the input buffer.

   The UART is programmed on first use, so even the earliest boot
   messages come out readable (Bochs garbles the output of a UART
   whose line format was never set). */

#include "devices/serial.h"
#include <debug.h>
#include "devices/input.h"
#include "devices/intq.h"
#include "threads/interrupt.h"
#include "threads/io.h"

/* COM1's registers, at offsets from its base port (16550A data
   sheet).  The divisor latch replaces RBR/THR and IER while the LCR's
   DLAB bit is set. */
#define SERIAL_BASE 0x3f8
#define SERIAL_RBR (SERIAL_BASE + 0)  /* Receiver buffer (read). */
#define SERIAL_THR (SERIAL_BASE + 0)  /* Transmitter holding (write). */
#define SERIAL_DLL (SERIAL_BASE + 0)  /* Divisor latch, low byte (DLAB). */
#define SERIAL_IER (SERIAL_BASE + 1)  /* Interrupt enable. */
#define SERIAL_DLM (SERIAL_BASE + 1)  /* Divisor latch, high byte (DLAB). */
#define SERIAL_IIR (SERIAL_BASE + 2)  /* Interrupt identification (read). */
#define SERIAL_FCR (SERIAL_BASE + 2)  /* FIFO control (write). */
#define SERIAL_LCR (SERIAL_BASE + 3)  /* Line control. */
#define SERIAL_MCR (SERIAL_BASE + 4)  /* Modem control. */
#define SERIAL_LSR (SERIAL_BASE + 5)  /* Line status. */

#define SERIAL_IRQ 4                  /* COM1's interrupt line. */

/* Line speed: the divisor of the UART's 1.8432 MHz / 16 clock. */
#define SERIAL_CLOCK_HZ 115200
#define SERIAL_BAUD 115200

/* Register bits. */
#define UART_IER_RECV     0x01  /* IER: interrupt when a byte arrives. */
#define UART_IER_XMIT     0x02  /* IER: interrupt when THR is empty. */
#define UART_LCR_8N1      0x03  /* LCR: 8 data bits, no parity, 1 stop bit. */
#define UART_LCR_DLAB     0x80  /* LCR: divisor latch access. */
#define UART_MCR_DTR      0x01  /* MCR: data terminal ready. */
#define UART_MCR_RTS      0x02  /* MCR: request to send. */
#define UART_MCR_OUT2     0x08  /* MCR: OUT2, gates the IRQ line on a PC. */
#define UART_LSR_DR       0x01  /* LSR: a received byte is waiting. */
#define UART_LSR_THRE     0x20  /* LSR: THR (or the FIFO) is empty. */
#define UART_LSR_TEMT     0x40  /* LSR: THR and shift register are empty. */
#define UART_FCR_ENABLE   0x07  /* FCR: enable FIFOs, clear both, trigger
                                   at 1 received byte. */
#define UART_IIR_FIFO_ON  0xc0  /* IIR: both bits set when FIFOs work. */
#define SERIAL_FIFO_BYTES 16    /* 16550A transmit FIFO depth. */

/* How output is sent. */
enum serial_mode
  {
    SERIAL_UNINIT,            /* UART not yet programmed. */
    SERIAL_POLL,              /* Busy-wait for each byte. */
    SERIAL_QUEUE              /* Queue, drained by the interrupt. */
  };
static enum serial_mode serial_mode;

/* Bytes waiting to go out, in SERIAL_QUEUE mode. */
static struct intq serial_txq;

/* Bytes that may be written to THR at once when it is empty: the
   FIFO's depth, or 1 on a UART without a working FIFO. */
static int serial_burst;

static intr_handler_func serial_interrupt;

/* Programs the UART for SERIAL_BAUD 8N1, with FIFOs if it has them,
   interrupts off, and enters polled mode.  Interrupts must be off. */
static void
serial_init_poll (void)
{
  unsigned divisor = SERIAL_CLOCK_HZ / SERIAL_BAUD;

  ASSERT (intr_get_level () == INTR_OFF);
  outb (SERIAL_IER, 0);
  outb (SERIAL_LCR, UART_LCR_DLAB);
  outb (SERIAL_DLL, divisor & 0xff);
  outb (SERIAL_DLM, divisor >> 8);
  outb (SERIAL_LCR, UART_LCR_8N1);
  outb (SERIAL_FCR, UART_FCR_ENABLE);
  serial_burst = (inb (SERIAL_IIR) & UART_IIR_FIFO_ON) == UART_IIR_FIFO_ON
                 ? SERIAL_FIFO_BYTES : 1;
  outb (SERIAL_MCR, UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2);
  serial_mode = SERIAL_POLL;
}

/* Switches output to interrupt-driven mode and starts accepting
   input.  Called once, after the scheduler has started (a printing
   thread may then sleep on the queue). */
void
serial_init_queue (void)
{
  enum intr_level saved = intr_disable ();

  ASSERT (serial_mode != SERIAL_QUEUE);
  if (serial_mode == SERIAL_UNINIT)
    serial_init_poll ();
  intq_init (&serial_txq);
  intr_register_ext (INTR_IRQ_BASE + SERIAL_IRQ, serial_interrupt,
                     "serial");
  serial_mode = SERIAL_QUEUE;
  serial_notify ();
  intr_set_level (saved);
}

/* Spins until line-status bit BIT reads as set. */
static void
serial_wait_for (uint8_t bit)
{
  while (!(inb (SERIAL_LSR) & bit))
    continue;
}

/* Writes C to THR as soon as THR can take it. */
static void
serial_put_poll (uint8_t c)
{
  serial_wait_for (UART_LSR_THRE);
  outb (SERIAL_THR, c);
}

/* Sends every queued byte by polling, keeping their order.
   Interrupts must be off. */
static void
serial_drain_poll (void)
{
  ASSERT (intr_get_level () == INTR_OFF);
  if (serial_mode == SERIAL_QUEUE)
    while (!intq_empty (&serial_txq))
      serial_put_poll (intq_getc (&serial_txq));
}

/* Sends BYTE out of the serial port.  With interrupts on (after
   serial_init_queue) the byte is queued and the caller may sleep
   while the queue is full; with interrupts off, in an interrupt
   handler or before serial_init_queue, it is sent by polling, after
   whatever was queued before it. */
void
serial_putc (uint8_t c)
{
  enum intr_level saved = intr_disable ();
  bool may_sleep = saved == INTR_ON && serial_mode == SERIAL_QUEUE;

  if (serial_mode == SERIAL_UNINIT)
    serial_init_poll ();
  if (may_sleep)
    {
      intq_putc (&serial_txq, c);
      serial_notify ();
    }
  else
    {
      serial_drain_poll ();
      serial_put_poll (c);
    }
  intr_set_level (saved);
}

/* Sends everything still queued and waits until the last byte has
   left the UART, so that nothing is lost if the machine stops next.
   May be called with interrupts on or off. */
void
serial_flush (void)
{
  enum intr_level saved;

  if (serial_mode == SERIAL_UNINIT)
    return;                     /* Nothing was ever sent. */
  saved = intr_disable ();
  serial_drain_poll ();
  serial_wait_for (UART_LSR_TEMT);
  intr_set_level (saved);
}

/* Enables exactly the UART interrupts that have work to do: transmit
   while bytes are queued, receive while the input buffer has room.
   The input buffer calls it when that room changes.  Interrupts must
   be off. */
void
serial_notify (void)
{
  if (serial_mode != SERIAL_QUEUE)
    return;
  ASSERT (intr_get_level () == INTR_OFF);

  uint8_t wanted = input_full () ? 0 : UART_IER_RECV;
  if (!intq_empty (&serial_txq))
    wanted |= UART_IER_XMIT;
  outb (SERIAL_IER, wanted);
}

/* IRQ 4: moves received bytes to the input buffer while it has room,
   refills the transmitter from the queue, then re-arms the UART. */
static void
serial_interrupt (struct intr_frame *f UNUSED)
{
  inb (SERIAL_IIR);             /* Acknowledges a transmit interrupt. */

  while (!input_full () && (inb (SERIAL_LSR) & UART_LSR_DR) != 0)
    input_putc (inb (SERIAL_RBR));

  if ((inb (SERIAL_LSR) & UART_LSR_THRE) != 0)
    for (int i = 0; i < serial_burst && !intq_empty (&serial_txq); i++)
      outb (SERIAL_THR, intq_getc (&serial_txq));

  serial_notify ();
}
