/* An emulated 16550 UART at COM1, as much of it as a guest needs to
   print: everything written to the transmit register goes to the
   VM's console at once, so the transmitter is always empty; nothing
   is ever received.  The other registers hold what the guest
   writes, so a driver that programs the baud rate and reads it back
   is content.

   Interrupts: with "transmitter empty" enabled in IER, the UART
   raises IRQ 4 (through the PIC, hv/vdev/pic.c) whenever the
   transmit register has become empty -- on enabling, and after each
   byte -- until the guest reads IIR (which then reports it) or
   writes the next byte; an interrupt-driven driver (Ringlet's own
   devices/serial.c) sends its queue that way.  A guest written for
   the hv that never enables it never sees one. */

#include "hv/hv.h"

/* Register offsets from the base port (16550 data sheet). */
#define UART_THR 0      /* Transmit holding (write); receive buffer (read). */
#define UART_IER 1      /* Interrupt enable. */
#define UART_IIR 2      /* Interrupt identification (read); FIFO control (write). */
#define UART_LCR 3      /* Line control. */
#define UART_MCR 4      /* Modem control. */
#define UART_LSR 5      /* Line status. */
#define UART_MSR 6      /* Modem status. */
#define UART_SCR 7      /* Scratch. */

#define LCR_DLAB     0x80       /* THR and IER are the divisor latch. */
#define IER_THRE     0x02       /* Interrupt when the transmitter is empty. */
#define IIR_NO_INT   0x01       /* No interrupt pending. */
#define IIR_THRE     0x02       /* Transmitter-empty interrupt pending. */
#define LSR_THRE     0x20       /* Transmit holding register empty. */
#define LSR_TEMT     0x40       /* Transmitter empty. */
#define MSR_CONNECTED 0xb0      /* DCD, DSR, CTS. */
#define SERIAL_IRQ   4          /* COM1's line on the PIC. */

/* Sets the UART's interrupt line as its enabled, pending causes say. */
static void
serial_update_irq (struct vm *vm)
{
  struct vdev_serial *s = &vm->serial;
  vdev_pic_set_irq (vm, SERIAL_IRQ, (s->ier & IER_THRE) && s->thre_pending);
}

/* Carries out a read of register REG of VM's UART. */
static uint8_t
serial_read (struct vm *vm, unsigned reg)
{
  struct vdev_serial *s = &vm->serial;
  bool dlab = s->lcr & LCR_DLAB;

  switch (reg)
    {
    case UART_THR: return dlab ? s->divisor & 0xff : 0;
    case UART_IER: return dlab ? s->divisor >> 8 : s->ier;
    case UART_IIR:
      if ((s->ier & IER_THRE) && s->thre_pending)
        {
          /* Reading IIR when it reports the transmitter is what
             acknowledges that interrupt. */
          s->thre_pending = false;
          serial_update_irq (vm);
          return IIR_THRE;
        }
      return IIR_NO_INT;
    case UART_LCR: return s->lcr;
    case UART_MCR: return s->mcr;
    case UART_LSR: return LSR_THRE | LSR_TEMT;
    case UART_MSR: return MSR_CONNECTED;
    default: return s->scr;
    }
}

/* Carries out a write of VALUE to register REG of VM's UART. */
static void
serial_write (struct vm *vm, unsigned reg, uint8_t value)
{
  struct vdev_serial *s = &vm->serial;
  bool dlab = s->lcr & LCR_DLAB;

  switch (reg)
    {
    case UART_THR:
      if (dlab)
        s->divisor = (s->divisor & 0xff00) | value;
      else
        {
          vdev_console_putc (vm, value);
          s->thre_pending = true;       /* Sent at once: empty again. */
        }
      break;
    case UART_IER:
      if (dlab)
        s->divisor = (s->divisor & 0x00ff) | value << 8;
      else
        {
          /* Enabling the transmitter interrupt with the transmitter
             empty raises it at once. */
          if ((value & IER_THRE) && !(s->ier & IER_THRE))
            s->thre_pending = true;
          s->ier = value & 0x0f;
        }
      break;
    case UART_LCR: s->lcr = value; break;
    case UART_MCR: s->mcr = value; break;
    case UART_SCR: s->scr = value; break;
    default: break;             /* FCR, LSR, MSR: nothing to keep. */
    }
  serial_update_irq (vm);
}

/* Port I/O to COM1's eight ports.  Only the low byte of a wider
   access counts, as on the real part. */
enum exit_action
vdev_serial_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  unsigned reg = pio->port - HV_PORT_COM1;

  if (pio->in)
    pio->value = serial_read (vcpu->vm, reg);
  else
    serial_write (vcpu->vm, reg, pio->value);
  return EXIT_RESUME;
}
