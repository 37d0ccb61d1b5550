/* IRQ 8 from the real-time clock, through the PIC pair: periodic
   interrupts at the rate status A chooses, update-ended interrupts
   once a second, and no second interrupt while the guest leaves
   status C unread (IRQ 8 stays high until then). */

#include "hv/guest/guest.h"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "vdev-rtc-irq";

#define RTC_A 0x0a
#define RTC_B 0x0b
#define RTC_C 0x0c
#define A_NONE 0x20             /* 32.768 kHz divider, no periodic rate. */
#define A_8HZ 0x2d              /* The same, periodic rate 8 Hz. */
#define A_1024HZ 0x26           /* The same, periodic rate 1024 Hz. */
#define B_PIE 0x40
#define B_UIE 0x10
#define B_24H 0x02

#define RTC_IRQ 8
#define TIMER_VECTOR 0x30
#define WAIT_MAX 300            /* Ticks to wait for a first interrupt. */

static volatile unsigned irq_count;
static volatile bool read_c;    /* The handler reads status C. */

/* IRQ 8: counts it and, if READ_C, reads status C, which lowers the
   line. */
static void
on_rtc_irq (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
            uint32_t error UNUSED)
{
  if (read_c)
    cmos_read (RTC_C);
  irq_count++;
  outb (PIC_SLAVE, PIC_EOI);
  outb (PIC_MASTER, PIC_EOI);
}

/* Lets interrupts in for TICKS timer ticks, halting between them (the
   virtual timer wakes the guest every tick).  Interrupts are unmasked
   for one instruction before each halt: on Bochs 2.7, a PIC interrupt
   offered through V_IRQ (hv/irq.c) reaches the guest only as IF goes
   from 0 to 1, so one that arrives during the halt comes in at the
   next STI. */
static void
let_in (uint32_t ticks)
{
  uint32_t start = timer_now ();
  while (timer_now () - start < ticks)
    asm volatile ("sti; nop; hlt; cli" : : : "memory");
}

/* Turns the clock's interrupts off, lowers IRQ 8 and lets in what the
   PIC still holds. */
static void
quiet (void)
{
  cmos_write (RTC_B, B_24H);
  cmos_read (RTC_C);
  let_in (2);
}

/* Waits for one interrupt, then returns how many more come in TICKS
   timer ticks. */
static unsigned
count_after_first (uint32_t ticks)
{
  irq_count = 0;
  for (int i = 0; irq_count == 0; i++)
    {
      if (i == WAIT_MAX)
        fail ("no IRQ 8 in %d ticks", WAIT_MAX);
      let_in (1);
    }
  irq_count = 0;
  let_in (ticks);
  return irq_count;
}

int
main (void)
{
  pic_init (RTC_IRQ);
  idt_set_handler (PIC_VECTOR + RTC_IRQ, on_rtc_irq);
  timer_start (1, TIMER_VECTOR, timer_count);
  read_c = true;

  cmos_write (RTC_A, A_8HZ);
  cmos_write (RTC_B, B_24H | B_PIE);
  msg ("periodic at 8 Hz: %u interrupts in 0.45 s after one",
       count_after_first (45));

  quiet ();
  cmos_write (RTC_A, A_NONE);
  cmos_write (RTC_B, B_24H | B_UIE);
  msg ("update-ended: %u interrupts in 2.5 s after one",
       count_after_first (250));

  quiet ();
  cmos_write (RTC_A, A_1024HZ);
  cmos_write (RTC_B, B_24H | B_PIE);
  unsigned fast = count_after_first (20);
  msg ("periodic at 1024 Hz: %s 10 interrupts in 0.2 s after one",
       fast >= 10 ? "at least" : "fewer than");

  quiet ();
  read_c = false;
  cmos_write (RTC_A, A_8HZ);
  cmos_write (RTC_B, B_24H | B_PIE);
  msg ("periodic at 8 Hz, status C never read: %u interrupts in 0.45 s "
       "after one", count_after_first (45));
  read_c = true;
  quiet ();
  timer_stop ();
  return 0;
}
