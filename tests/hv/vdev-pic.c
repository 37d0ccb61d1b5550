/* The 8259A PIC pair: initialisation and vector bases, the mask,
   IRR and ISR, interrupts from the PC's own devices (the PIT on IRQ
   0, the keyboard controller on 1, the UART on 4, the RTC on 8 and
   the IDE disk on 14, the last two through the cascade), masking,
   priority and its rotation, in-service blocking and the EOI
   commands, automatic EOI, special mask mode, polling, and the guest's
   IF.  The guest runs with interrupts masked and lets them in at
   chosen moments; each line prints the IRQs taken, in order. */

#include "hv/guest/guest.h"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "vdev-pic";

/* The master's lines go to vectors 0x28-0x2f and the slave's to
   0x20-0x27, the other way round from a PC's usual layout; ICW2's
   low three bits, set here, must be ignored. */
#define MASTER_ICW2 0x2d
#define SLAVE_ICW2 0x23
#define MASTER_BASE 0x28
#define SLAVE_BASE 0x20
#define TIMER_VECTOR 0x30               /* The virtual timer's. */

/* OCW2 commands; L is a line, 0-7. */
#define OCW2_ROTATE_EOI 0xa0            /* Non-specific EOI, then rotate. */
#define OCW2_SPECIFIC_EOI(L) (0x60 | (L))
#define OCW2_ROTATE_SPECIFIC(L) (0xe0 | (L))
#define OCW2_SET_PRIORITY(L) (0xc0 | (L))       /* L becomes the lowest. */
#define OCW2_ROTATE_AEOI_ON 0x80
#define OCW2_ROTATE_AEOI_OFF 0x00
#define OCW3_SMM_ON 0x68                /* Special mask mode on. */
#define OCW3_SMM_OFF 0x48

/* Device ports. */
#define KBC_DATA 0x60
#define KBC_STATUS 0x64
#define KBC_COMMAND 0x64
#define KBC_WRITE_KBD_OB 0xd2           /* Puts a byte in the output buffer. */
#define KBC_OBF 0x01
#define UART_IER 0x3f9
#define UART_IER_THRE 0x02              /* Transmitter-empty interrupt. */
#define RTC_A 0x0a
#define RTC_B 0x0b
#define RTC_C 0x0c
#define RTC_A_1024HZ 0x26
#define RTC_B_24H 0x02
#define RTC_B_PIE 0x40
#define IDE_STATUS 0x1f7
#define IDE_COMMAND 0x1f7
#define IDE_DIAGNOSE 0x90               /* EXECUTE DEVICE DIAGNOSTIC. */
#define PIT_MODE0_CH0 0x30              /* Channel 0, low/high byte, mode 0. */

#define SPIN_MAX 10000                  /* Port reads to wait for a request. */
#define TAKEN_MAX 16

/* How the interrupt handler ends each interrupt. */
enum eoi_mode
  {
    EOI_NONE,                   /* Not at all: the test does. */
    EOI_NORMAL,                 /* Non-specific EOI. */
    EOI_ROTATE                  /* Non-specific EOI with rotation. */
  };
static volatile enum eoi_mode eoi_mode = EOI_NORMAL;

/* Vectors taken, in order, since the last take (). */
static volatile uint8_t taken[TAKEN_MAX];
static volatile unsigned taken_count;

/* ---- The devices that raise the lines ---- */

/* Each source makes a rising edge on its line (RAISE) and lowers it
   again (QUIET), as its driver would. */
struct source
  {
    unsigned irq;
    void (*raise) (void);
    void (*quiet) (void);
  };

/* Waits until line IRQ's bit is set in its chip's IRR. */
static void
wait_request (unsigned irq)
{
  uint16_t chip = irq < 8 ? PIC_MASTER : PIC_SLAVE;
  for (int i = 0; !(pic_irr (chip) & 1u << irq % 8); i++)
    if (i == SPIN_MAX)
      fail ("IRQ %u never requested", irq);
}

/* IRQ 0: channel 0 of the PIT counts 100 cycles once (mode 0). */
static void
pit_raise (void)
{
  outb (PIT_CONTROL, PIT_MODE0_CH0);
  outb (PIT_COUNTER, 100);
  outb (PIT_COUNTER, 0);
  wait_request (0);
}

static void
pit_quiet (void)
{
}

/* IRQ 1: the keyboard controller is given a byte to read. */
static void
kbc_quiet (void)
{
  while (inb (KBC_STATUS) & KBC_OBF)
    inb (KBC_DATA);
}

static void
kbc_raise (void)
{
  kbc_quiet ();
  outb (KBC_COMMAND, KBC_WRITE_KBD_OB);
  outb (KBC_DATA, 0x42);
}

/* IRQ 4: the UART's transmitter-empty interrupt is enabled. */
static void
uart_quiet (void)
{
  outb (UART_IER, 0);
}

static void
uart_raise (void)
{
  uart_quiet ();
  outb (UART_IER, UART_IER_THRE);
}

/* IRQ 8: the RTC's periodic interrupt, once. */
static void
rtc_quiet (void)
{
  cmos_write (RTC_B, RTC_B_24H);
  cmos_read (RTC_C);
}

static void
rtc_raise (void)
{
  rtc_quiet ();
  cmos_write (RTC_A, RTC_A_1024HZ);
  cmos_write (RTC_B, RTC_B_24H | RTC_B_PIE);
  wait_request (8);
}

/* IRQ 14: the IDE disk finishes a diagnostic. */
static void
ide_quiet (void)
{
  inb (IDE_STATUS);
}

static void
ide_raise (void)
{
  ide_quiet ();
  outb (IDE_COMMAND, IDE_DIAGNOSE);
}

static const struct source sources[] =
  {
    { 0, pit_raise, pit_quiet },
    { 1, kbc_raise, kbc_quiet },
    { 4, uart_raise, uart_quiet },
    { 8, rtc_raise, rtc_quiet },
    { 14, ide_raise, ide_quiet },
  };

/* Returns the source of line IRQ. */
static const struct source *
source_of (unsigned irq)
{
  for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
    if (sources[i].irq == irq)
      return &sources[i];
  fail ("no device raises IRQ %u", irq);
}

/* Raises the lines in IRQS, a list ending in -1, in that order. */
static void
raise (const int *irqs)
{
  for (; *irqs >= 0; irqs++)
    source_of (*irqs)->raise ();
}
#define RAISE(...) raise ((const int[]) { __VA_ARGS__, -1 })

/* ---- Taking interrupts ---- */

/* Returns the line whose interrupt is VECTOR. */
static unsigned
irq_of (unsigned vector)
{
  return vector >= MASTER_BASE ? vector - MASTER_BASE
                               : vector - SLAVE_BASE + 8;
}

/* Ends the interrupt of line IRQ: at the slave too for its lines. */
static void
eoi (unsigned irq, uint8_t master_command)
{
  if (irq >= 8)
    outb (PIC_SLAVE, PIC_EOI);
  outb (PIC_MASTER, master_command);
}

/* Any PIC interrupt: notes it, quiets its device and ends it as
   EOI_MODE says. */
static void
on_pic (unsigned vector, struct guest_frame *frame UNUSED,
        uint32_t error UNUSED)
{
  unsigned irq = irq_of (vector);
  if (taken_count < TAKEN_MAX)
    taken[taken_count] = vector;
  taken_count++;
  source_of (irq)->quiet ();
  if (eoi_mode == EOI_NORMAL)
    eoi (irq, PIC_EOI);
  else if (eoi_mode == EOI_ROTATE)
    eoi (irq, OCW2_ROTATE_EOI);
}

/* Lets interrupts in until they stop coming: twice at least, as on
   Bochs the hv may find out in one window that this CPU needs PIC
   interrupts injected another way (hv/irq.c) and deliver them only in
   the next; then again while the last window brought some. */
static void
let_in_all (void)
{
  unsigned before;

  pc_let_in ();
  do
    {
      before = taken_count;
      pc_let_in ();
    }
  while (taken_count != before);
}

/* Lets interrupts in; returns the IRQs taken since the last call, in
   order ("1 4"), or "none". */
static const char *
take (void)
{
  static char buf[64];
  int len = 0;

  let_in_all ();
  buf[0] = '\0';
  for (unsigned i = 0; i < taken_count && i < TAKEN_MAX; i++)
    len += snprintf (buf + len, sizeof buf - len, "%s%u", i ? " " : "",
                     irq_of (taken[i]));
  if (taken_count > TAKEN_MAX)
    snprintf (buf + len, sizeof buf - len, " ... (%u)", taken_count);
  taken_count = 0;
  return len > 0 ? buf : "none";
}

/* Prints the master's and the slave's IRR and ISR, after WHAT. */
static void
show_registers (const char *what)
{
  msg ("%s: IRR 0x%02x 0x%02x, ISR 0x%02x 0x%02x", what, pic_irr (PIC_MASTER),
       pic_irr (PIC_SLAVE), pic_isr (PIC_MASTER), pic_isr (PIC_SLAVE));
}

/* Sets the mask of both chips: bit N masks IRQ N. */
static void
set_mask (uint16_t mask)
{
  outb (PIC_MASTER + 1, (uint8_t) mask);
  outb (PIC_SLAVE + 1, (uint8_t) (mask >> 8));
}

/* ---- The tests ---- */

/* Before its initialisation the PIC gives nothing; initialising it
   sets the vector bases and the mask reads back.  A line that was high
   through the initialisation must rise again to interrupt. */
static void
test_init (void)
{
  RAISE (1, 4);
  msg ("uninitialised, IRQ 1 and 4 raised: %s", take ());
  pic_setup (MASTER_ICW2, SLAVE_ICW2, PIC_ICW4_8086, 0);
  msg ("IRQ 1 and 4 high through initialisation: %s", take ());
  show_registers ("after initialisation");
  set_mask (0x5aa5);
  msg ("masks read back: master 0x%02x, slave 0x%02x", inb (PIC_MASTER + 1),
       inb (PIC_SLAVE + 1));
  set_mask (0);
  uart_raise ();
  msg ("IRQ 4 raised again: %s", take ());
}

/* Each device's interrupt arrives on the vector its line was given. */
static void
test_vectors (void)
{
  for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
    {
      sources[i].raise ();
      let_in_all ();
      msg ("IRQ %u: %u interrupt(s), vector %#x", sources[i].irq,
           taken_count, taken_count > 0 ? taken[0] : 0);
      taken_count = 0;
    }
}

/* IRR holds a request until the CPU takes it; ISR holds it from then
   until the EOI.  The slave's request shows on the master's line 2. */
static void
test_irr_isr (void)
{
  eoi_mode = EOI_NONE;
  RAISE (4);
  show_registers ("IRQ 4 requested");
  msg ("taken: %s", take ());
  show_registers ("IRQ 4 in service");
  eoi (4, PIC_EOI);
  show_registers ("after EOI");
  RAISE (8);
  show_registers ("IRQ 8 requested");
  msg ("taken: %s", take ());
  show_registers ("IRQ 8 in service");
  eoi (8, PIC_EOI);
  show_registers ("after EOI at both");
  eoi_mode = EOI_NORMAL;
}

/* IRR shows a device's request even while the guest, IF clear, leaves
   another interrupt pending (its virtual timer's), so that the hv
   offers it nothing: a kernel may poll IRR with interrupts off. */
static void
test_irr_if_clear (void)
{
  timer_start (1, TIMER_VECTOR, timer_count);
  uint32_t start = timer_now ();
  while (timer_now () - start < 2)
    continue;
  RAISE (0);
  uint8_t irr = pic_irr (PIC_MASTER);
  timer_stop ();
  msg ("IRQ 0 raised, IF clear, a timer interrupt pending: IRR 0x%02x; "
       "taken: %s", irr, take ());
}

/* Nothing comes in while IF is clear, however long; it comes at STI. */
static void
test_if (void)
{
  RAISE (4);
  uint32_t start = timer_now ();
  while (timer_now () - start < 3)
    continue;
  unsigned masked = taken_count;
  msg ("IRQ 4 raised, 2 ticks with IF clear: %u interrupts; after STI: %s",
       masked, take ());
}

/* A masked line's request waits in IRR and comes in once unmasked:
   on both chips, none lost. */
static void
test_masking (void)
{
  set_mask (0x0113);
  RAISE (0, 1, 4, 8);
  msg ("IRQ 0, 1, 4 and 8 masked and raised: %s", take ());
  show_registers ("masked");
  set_mask (0x0100);
  msg ("IRQ 0, 1 and 4 unmasked: %s", take ());
  set_mask (0);
  msg ("IRQ 8 unmasked: %s", take ());
}

/* With several pending, the highest priority comes first: line 0
   highest, the slave's lines in the place of line 2.  Setting the
   lowest-priority line rotates the order. */
static void
test_priority (void)
{
  RAISE (4, 14, 1, 8, 0);
  msg ("raised 4 14 1 8 0: %s", take ());
  outb (PIC_MASTER, OCW2_SET_PRIORITY (1));
  RAISE (0, 1, 4, 8);
  msg ("master's line 1 lowest, raised 0 1 4 8: %s", take ());
  outb (PIC_MASTER, OCW2_SET_PRIORITY (3));
  RAISE (0, 1, 4, 8);
  msg ("master's line 3 lowest, raised 0 1 4 8: %s", take ());
  outb (PIC_SLAVE, OCW2_SET_PRIORITY (0));
  RAISE (14, 8);
  msg ("slave's line 0 lowest, raised 14 8: %s", take ());
  outb (PIC_SLAVE, OCW2_SET_PRIORITY (7));
  outb (PIC_MASTER, OCW2_SET_PRIORITY (7));
  RAISE (4, 1);
  msg ("line 7 lowest again, raised 4 1: %s", take ());
}

/* Rotation by EOI: the line just ended becomes the lowest. */
static void
test_rotation (void)
{
  eoi_mode = EOI_ROTATE;
  RAISE (1);
  msg ("rotating EOI: %s", take ());
  RAISE (0, 4);
  msg ("after IRQ 1's rotating EOI, raised 0 4: %s", take ());
  eoi_mode = EOI_NONE;
  RAISE (0);
  msg ("taken: %s", take ());
  outb (PIC_MASTER, OCW2_ROTATE_SPECIFIC (0));
  show_registers ("after a rotating specific EOI of line 0");
  eoi_mode = EOI_NORMAL;
  RAISE (1, 0);
  msg ("line 0 lowest, raised 1 0: %s", take ());
  outb (PIC_MASTER, OCW2_SET_PRIORITY (7));
}

/* A request of lower priority than one in service waits for its EOI;
   a higher one comes in (nesting).  A specific EOI ends the line it
   names, a non-specific one the highest in service. */
static void
test_in_service (void)
{
  eoi_mode = EOI_NONE;
  RAISE (1);
  msg ("taken: %s", take ());
  RAISE (4);
  msg ("IRQ 1 in service, raised 4: %s", take ());
  RAISE (0);
  msg ("raised 0: %s", take ());
  show_registers ("IRQ 0 and 1 in service");
  outb (PIC_MASTER, OCW2_SPECIFIC_EOI (1));
  show_registers ("after a specific EOI of line 1");
  msg ("IRQ 0 in service: %s", take ());
  outb (PIC_MASTER, PIC_EOI);
  msg ("after a non-specific EOI: %s", take ());
  RAISE (1);
  msg ("IRQ 4 in service, raised 1: %s", take ());
  outb (PIC_MASTER, PIC_EOI);
  show_registers ("after a non-specific EOI");
  outb (PIC_MASTER, PIC_EOI);

  RAISE (8);
  msg ("taken: %s", take ());
  RAISE (14, 4);
  msg ("IRQ 8 in service, raised 14 4: %s", take ());
  outb (PIC_SLAVE, PIC_EOI);
  msg ("after the slave's EOI (master's line 2 in service): %s", take ());
  outb (PIC_MASTER, PIC_EOI);
  msg ("after the master's EOI: %s", take ());
  show_registers ("IRQ 14 in service");
  eoi (14, PIC_EOI);
  msg ("after IRQ 14's EOI: %s", take ());
  outb (PIC_MASTER, PIC_EOI);
  show_registers ("after EOIs");
  eoi_mode = EOI_NORMAL;
}

/* Special mask mode: masking the line in service lets lower ones in. */
static void
test_special_mask (void)
{
  eoi_mode = EOI_NONE;
  RAISE (1);
  msg ("taken: %s", take ());
  outb (PIC_MASTER, OCW3_SMM_ON);
  set_mask (0x0002);
  RAISE (4);
  msg ("special mask mode, IRQ 1 in service and masked, raised 4: %s",
       take ());
  outb (PIC_MASTER, OCW2_SPECIFIC_EOI (4));
  outb (PIC_MASTER, OCW3_SMM_OFF);
  RAISE (4);
  msg ("special mask mode off, raised 4: %s", take ());
  outb (PIC_MASTER, OCW2_SPECIFIC_EOI (1));
  msg ("after IRQ 1's EOI: %s", take ());
  outb (PIC_MASTER, PIC_EOI);
  set_mask (0);
  show_registers ("after EOIs");
  eoi_mode = EOI_NORMAL;
}

/* Automatic EOI (ICW4): the acknowledgement ends the interrupt, so ISR
   stays clear and nothing is blocked; with rotation on, the line taken
   becomes the lowest. */
static void
test_auto_eoi (void)
{
  eoi_mode = EOI_NONE;
  pic_setup (MASTER_ICW2, SLAVE_ICW2, PIC_ICW4_8086 | PIC_ICW4_AEOI, 0);
  RAISE (4);
  msg ("automatic EOI, no EOI sent: %s", take ());
  show_registers ("then");
  RAISE (4);
  msg ("raised 4 again: %s", take ());
  outb (PIC_MASTER, OCW2_ROTATE_AEOI_ON);
  RAISE (1);
  msg ("rotation on: %s", take ());
  RAISE (0, 4);
  msg ("raised 0 4: %s", take ());
  outb (PIC_MASTER, OCW2_ROTATE_AEOI_OFF);
  pic_setup (MASTER_ICW2, SLAVE_ICW2, PIC_ICW4_8086, 0);
  eoi_mode = EOI_NORMAL;
}

/* Returns what a poll of CHIP reads. */
static uint8_t
poll (uint16_t chip)
{
  outb (chip, PIC_POLL);
  return inb (chip);
}

/* The poll command acknowledges the highest request as an interrupt
   would, and reads 0x80 | its line, or 0 with none. */
static void
test_poll (void)
{
  RAISE (4, 1);
  uint8_t first = poll (PIC_MASTER);
  uint8_t blocked = poll (PIC_MASTER);
  show_registers ("raised 4 1, polled");
  outb (PIC_MASTER, PIC_EOI);
  uint8_t second = poll (PIC_MASTER);
  show_registers ("EOI, polled");
  outb (PIC_MASTER, PIC_EOI);
  msg ("polls: 0x%02x, 0x%02x while IRQ 1 is in service, 0x%02x after its "
       "EOI, 0x%02x after IRQ 4's", first, blocked, second, poll (PIC_MASTER));
  kbc_quiet ();
  uart_quiet ();
  RAISE (14);
  uint8_t master = poll (PIC_MASTER);
  msg ("raised 14, polls of master and slave: 0x%02x 0x%02x", master,
       poll (PIC_SLAVE));
  ide_quiet ();
  show_registers ("then");
  eoi (14, PIC_EOI);
  msg ("nothing taken as interrupts: %s", take ());
  show_registers ("after EOIs");
}

int
main (void)
{
  for (unsigned v = SLAVE_BASE; v < MASTER_BASE + 8; v++)
    idt_set_handler (v, on_pic);

  test_init ();
  test_vectors ();
  test_irr_isr ();
  test_irr_if_clear ();
  test_if ();
  test_masking ();
  test_priority ();
  test_rotation ();
  test_in_service ();
  test_special_mask ();
  test_auto_eoi ();
  test_poll ();
  return 0;
}
