/* The 8042 keyboard controller and its keyboard: the controller's
   commands and status, the keyboard's answers, the output queue's
   limit, IRQ 1 through the PIC, and at last a reset request, which
   ends the VM. */

#include "hv/guest/guest.h"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "vdev-kbc";

#define KBC_DATA 0x60
#define KBC_STATUS 0x64         /* Read. */
#define KBC_COMMAND 0x64        /* Write. */
#define STATUS_OBF 0x01         /* Output buffer full. */

#define KBC_IRQ 1

#define CMD_KBD_INT 0x01        /* Command byte: IRQ 1 enabled. */
#define SPIN_MAX 1000000        /* Pauses to wait for an interrupt. */

/* Returns the byte in the output buffer; fails if it is empty. */
static uint8_t
read_byte (void)
{
  if (!(inb (KBC_STATUS) & STATUS_OBF))
    fail ("the output buffer is empty");
  return inb (KBC_DATA);
}

/* Sends controller command COMMAND and returns its answer. */
static uint8_t
ask (uint8_t command)
{
  outb (KBC_COMMAND, command);
  return read_byte ();
}

/* Sends controller command COMMAND with data byte DATA. */
static void
tell (uint8_t command, uint8_t data)
{
  outb (KBC_COMMAND, command);
  outb (KBC_DATA, data);
}

/* Sends BYTE to the keyboard and prints the COUNT bytes it answers,
   then checks that the output buffer is empty. */
static void
keyboard (const char *what, uint8_t byte, int count)
{
  char line[64];
  int len = 0;

  outb (KBC_DATA, byte);
  for (int i = 0; i < count; i++)
    len += snprintf (line + len, sizeof line - len, " %#x", read_byte ());
  if (inb (KBC_STATUS) & STATUS_OBF)
    fail ("%s: more than %d bytes", what, count);
  msg ("keyboard %s:%s", what, line);
}

static volatile unsigned irq_count;
static volatile uint8_t irq_bytes[8];

/* IRQ 1: takes the byte from the output buffer. */
static void
on_kbc_irq (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
            uint32_t error UNUSED)
{
  uint8_t byte = inb (KBC_DATA);
  if (irq_count < sizeof irq_bytes)
    irq_bytes[irq_count] = byte;
  irq_count++;
  outb (PIC_MASTER, PIC_EOI);
}

/* Sends BYTE to the keyboard with IRQ 1 enabled and waits for COUNT
   interrupts, which take its answers.  The guest unmasks interrupts
   after the OUT and spins rather than halting: on Bochs 2.7, a PIC
   interrupt offered through V_IRQ (hv/irq.c) to a guest that enters
   with IF already set is not delivered until IF goes from 0 to 1,
   and STI; HLT halts in the STI shadow. */
static void
keyboard_irq (const char *what, uint8_t byte, unsigned count)
{
  irq_count = 0;
  outb (KBC_DATA, byte);
  guest_sti ();
  for (int i = 0; i < SPIN_MAX && irq_count < count; i++)
    asm volatile ("pause");
  guest_cli ();
  msg ("IRQ 1 after %s: interrupts %u, bytes %#x %#x", what, irq_count,
       irq_bytes[0], count > 1 ? irq_bytes[1] : 0);
}

/* The controller's own commands. */
static void
test_controller (void)
{
  msg ("status %#x", inb (KBC_STATUS));
  msg ("self-test %#x, keyboard interface test %#x",
       ask (0xaa), ask (0xab));
  msg ("status after a command %#x", inb (KBC_STATUS));
  msg ("command byte %#x", ask (0x20));
  tell (0x60, 0x44);
  msg ("command byte after writing 0x44: %#x; status %#x", ask (0x20),
       inb (KBC_STATUS));
  outb (KBC_COMMAND, 0xad);
  outb (KBC_COMMAND, 0xa7);
  msg ("command byte with keyboard and mouse off: %#x", ask (0x20));
  outb (KBC_COMMAND, 0xae);
  outb (KBC_COMMAND, 0xa8);
  msg ("command byte with them on again: %#x", ask (0x20));
  tell (0x7f, 0x5a);
  msg ("controller RAM byte 31: %#x", ask (0x3f));
  msg ("output port %#x", ask (0xd0));
  tell (0xd1, 0xdd);
  msg ("output port after writing 0xdd: %#x", ask (0xd0));
  tell (0xd1, 0xdf);
  tell (0xd2, 0x42);
  msg ("byte written to the keyboard's output buffer: %#x", read_byte ());
  outb (KBC_COMMAND, 0xfd);                     /* Pulses line 1 only. */
  outb (KBC_COMMAND, 0xff);                     /* Pulses nothing. */
  msg ("still running after pulsing lines other than reset");
}

/* The keyboard's answers. */
static void
test_keyboard (void)
{
  keyboard ("echo", 0xee, 1);
  keyboard ("reset", 0xff, 2);
  keyboard ("identify", 0xf2, 3);
  keyboard ("set LEDs", 0xed, 1);
  keyboard ("LEDs 7", 0x07, 1);
  keyboard ("scan code set", 0xf0, 1);
  keyboard ("query", 0x00, 2);
  keyboard ("enable", 0xf4, 1);
  keyboard ("disable", 0xf5, 1);
  keyboard ("resend", 0xfe, 1);
  msg ("empty output buffer reads the last byte again: %#x",
       inb (KBC_DATA));

  for (int i = 0; i < 10; i++)
    outb (KBC_DATA, 0xf2);
  int queued = 0;
  while (inb (KBC_STATUS) & STATUS_OBF)
    {
      inb (KBC_DATA);
      queued++;
    }
  msg ("ten identify commands without reading: %d of 30 bytes kept",
       queued);
}

/* IRQ 1 through the PIC. */
static void
test_irq (void)
{
  pic_init (KBC_IRQ);
  idt_set_handler (PIC_VECTOR + KBC_IRQ, on_kbc_irq);
  tell (0x60, 0x44 | CMD_KBD_INT);
  keyboard_irq ("echo", 0xee, 1);
  keyboard_irq ("reset", 0xff, 2);
  tell (0x60, 0x44);
  irq_count = 0;
  outb (KBC_DATA, 0xee);
  guest_sti ();
  for (int i = 0; i < SPIN_MAX / 100; i++)
    asm volatile ("pause");
  guest_cli ();
  msg ("with IRQ 1 disabled: interrupts %u, byte %#x waiting", irq_count,
       read_byte ());
}

int
main (void)
{
  test_controller ();
  test_keyboard ();
  test_irq ();
  msg ("pulsing the reset line");
  outb (KBC_COMMAND, 0xfe);
  fail ("still running after a reset request");
}
