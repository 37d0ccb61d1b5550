/* The 8254 PIT and port 0x61: channel 0's IRQ 0 at the rate its count
   sets (modes 2 and 3) and once at terminal count (mode 0), timed
   against the hv's virtual timer; the counter-latch and read-back
   commands; channel 2 gated and seen through port 0x61, as kernels
   calibrate with it; the refresh bit; BCD counts; counts written as
   the low or the high byte alone.  Counts that must not move are read
   from channel 2 with its gate low. */

#include "hv/guest/guest.h"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "vdev-pit";

#define PIT_HZ 1193182ull               /* Input clock. */

/* Control word (8254 data sheet): channel, access, mode, BCD. */
#define CTL_CHANNEL(N) ((N) << 6)
#define CTL_LATCH 0x00                  /* Access 0: counter-latch command. */
#define CTL_LOW 0x10                    /* Access 1: low byte only. */
#define CTL_HIGH 0x20                   /* Access 2: high byte only. */
#define CTL_BOTH 0x30                   /* Access 3: low, then high. */
#define CTL_MODE(M) ((M) << 1)
#define CTL_BCD 0x01
#define CTL_READBACK 0xc0
#define RB_NO_COUNT 0x20                /* Read-back: leave the count. */
#define RB_NO_STATUS 0x10               /* Read-back: leave the status. */
#define RB_CHANNEL(N) (2 << (N))

/* Port 0x61. */
#define P61_GATE2 0x01
#define P61_SPEAKER 0x02
#define P61_REFRESH 0x10
#define P61_OUT2 0x20

#define OUT2_TICKS_MAX 20               /* Ticks to wait for OUT2. */
#define RATE_TOLERANCE 2                /* IRQ 0s more or fewer than due. */

static volatile unsigned irq0_count;

/* IRQ 0: counts it. */
static void
on_irq0 (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
         uint32_t error UNUSED)
{
  irq0_count++;
  outb (PIC_MASTER, PIC_EOI);
}

/* Prints "WHAT: yes" if OK, else "WHAT: no" with VALUE, the number
   that was not as it should be. */
static void
expect (bool ok, const char *what, unsigned value)
{
  if (ok)
    msg ("%s: yes", what);
  else
    msg ("%s: no (%#x)", what, value);
}

/* ---- The PIT's ports ---- */

/* Writes control word CTL for channel CH. */
static void
pit_set (unsigned ch, uint8_t ctl)
{
  outb (PIT_CONTROL, CTL_CHANNEL (ch) | ctl);
}

/* Writes COUNT to channel CH, low byte then high byte. */
static void
pit_load (unsigned ch, uint16_t count)
{
  outb (PIT_COUNTER + ch, count & 0xff);
  outb (PIT_COUNTER + ch, count >> 8);
}

/* Reads two bytes from channel CH, low then high. */
static uint16_t
pit_read16 (unsigned ch)
{
  uint8_t low = inb (PIT_COUNTER + ch);
  return inb (PIT_COUNTER + ch) << 8 | low;
}

/* Latches channel CH's count and reads it. */
static uint16_t
pit_latch (unsigned ch)
{
  pit_set (ch, CTL_LATCH);
  return pit_read16 (ch);
}

/* Returns channel CH's status byte, through the read-back command. */
static uint8_t
pit_status (unsigned ch)
{
  outb (PIT_CONTROL, CTL_READBACK | RB_NO_COUNT | RB_CHANNEL (ch));
  return inb (PIT_COUNTER + ch);
}

/* Sets channel 2's gate to HIGH, with the speaker off. */
static void
gate2 (bool high)
{
  outb (PORT_61, (inb (PORT_61) & 0x0c) | (high ? P61_GATE2 : 0));
}

/* Returns channel 2's output, as port 0x61 shows it. */
static bool
out2 (void)
{
  return inb (PORT_61) & P61_OUT2;
}

/* Returns true if every digit of V is a decimal one. */
static bool
is_bcd (uint16_t v)
{
  for (int i = 0; i < 4; i++, v >>= 4)
    if ((v & 0xf) > 9)
      return false;
  return true;
}

/* ---- Time ---- */

/* Waits for the start of the hv's next tick (the virtual timer's NOW
   register). */
static void
tick_edge (void)
{
  uint32_t now = timer_now ();
  while (timer_now () == now)
    continue;
}

/* Waits TICKS ticks from now, letting interrupts in all the while:
   every timer read is an exit, at which the hv raises the IRQ 0s that
   have fallen due. */
static void
spin_ticks (uint32_t ticks)
{
  uint32_t start = timer_now ();
  while (timer_now () - start < ticks)
    asm volatile ("sti; nop; cli" : : : "memory");
}

/* Channel 1, which counts but drives nothing, serves as a stopwatch:
   loaded with 0xffff in mode 0, it shows the input cycles since. */
#define STOPWATCH 1

/* Starts the stopwatch and, at the next exit, raises channel 2's
   gate. */
static void
gate2_rise_timed (void)
{
  uint8_t high = (inb (PORT_61) & 0x0c) | P61_GATE2;
  pit_set (STOPWATCH, CTL_BOTH | CTL_MODE (0));
  pit_load (STOPWATCH, 0xffff);
  outb (PORT_61, high);
}

/* Waits until the stopwatch shows CYCLES (at most 0xc000) and returns
   OUT2 then, as "high" or "low". */
static const char *
out2_at (uint16_t cycles)
{
  while (0xffff - pit_latch (STOPWATCH) < cycles)
    continue;
  return out2 () ? "high" : "low";
}

/* ---- The tests ---- */

/* Channel 0 in MODE with COUNT: IRQ 0 at PIT_HZ / COUNT, counted over
   TICKS ticks, within RATE_TOLERANCE.  Then the channel is stopped (a
   control word without a count).  The rates are low: the guest's exits
   come about once a millisecond of virtual time, and at 1 kHz the
   host itself misses ticks on Bochs. */
static void
test_rate (unsigned mode, uint16_t count, uint32_t ticks)
{
  unsigned expected = (PIT_HZ * ticks / HV_TICK_HZ + count / 2) / count;

  pit_set (0, CTL_BOTH | CTL_MODE (mode));
  pit_load (0, count);
  tick_edge ();
  irq0_count = 0;
  spin_ticks (ticks);
  unsigned n = irq0_count;
  pit_set (0, CTL_BOTH | CTL_MODE (0));
  pc_let_in ();
  if (n + RATE_TOLERANCE >= expected && n <= expected + RATE_TOLERANCE)
    msg ("mode %u, count %u: about %u interrupts in %u ticks", mode, count,
         expected, ticks);
  else
    msg ("mode %u, count %u: %u interrupts in %u ticks, not about %u", mode,
         count, n, ticks, expected);
}

/* Mode 0: OUT low until the count runs out, then high, one IRQ 0. */
static void
test_mode0 (void)
{
  irq0_count = 0;
  pit_set (0, CTL_BOTH | CTL_MODE (0));
  pit_load (0, 11932);
  uint8_t before = pit_status (0);
  spin_ticks (5);
  msg ("mode 0, count 11932 (10 ms): %u interrupt(s) in 5 ticks; status "
       "%#x before, %#x after", irq0_count, before, pit_status (0));
  pit_set (0, CTL_BOTH | CTL_MODE (0));
}

/* The counter-latch command: the count falls from one latch to the
   next, and a latched count stays as it was until read, whatever
   happens meanwhile, a second latch command included.  Counts read
   low byte first.  Mode 3 counts by two. */
static void
test_latch (void)
{
  pit_set (1, CTL_BOTH | CTL_MODE (0));
  pit_load (1, 0xffff);
  uint16_t first = pit_latch (1);
  uint16_t second = pit_latch (1);
  expect (second < first, "second latch below the first", second);

  pit_load (1, 0xffff);
  pit_set (1, CTL_LATCH);
  spin_ticks (2);
  uint16_t held = pit_read16 (1);
  uint16_t later = pit_latch (1);
  expect (held - later >= 10000, "latched count kept for 10 ms until read",
          held - later);

  pit_load (1, 0xffff);
  pit_set (1, CTL_LATCH);
  spin_ticks (2);
  pit_set (1, CTL_LATCH);
  held = pit_read16 (1);
  later = pit_latch (1);
  expect (held - later >= 10000, "second latch before the read ignored",
          held - later);

  gate2 (false);
  pit_set (2, CTL_BOTH | CTL_MODE (0));
  pit_load (2, 0x1234);
  uint8_t low = inb (PIT_COUNTER + 2);
  uint8_t high = inb (PIT_COUNTER + 2);
  pit_set (2, CTL_LATCH);
  uint8_t latched_low = inb (PIT_COUNTER + 2);
  msg ("channel 2 stopped at 0x1234: reads %#x %#x; latched %#x %#x", low,
       high, latched_low, inb (PIT_COUNTER + 2));

  pit_set (1, CTL_BOTH | CTL_MODE (3));
  pit_load (1, 1001);
  uint16_t odd = 0;
  for (int i = 0; i < 20 && odd == 0; i++)
    {
      uint16_t count = pit_latch (1);
      if (count % 2 != 0 || count > 1000)
        odd = count;
    }
  expect (odd == 0, "mode 3, count 1001: 20 latched counts even, at most 1000",
          odd);
}

/* The read-back command: status bytes (output, null count, access,
   mode, BCD), status and count together, counts of two channels at
   once. */
static void
test_readback (void)
{
  gate2 (false);
  pit_set (2, CTL_BOTH | CTL_MODE (0));
  uint8_t no_count = pit_status (2);
  pit_load (2, 0x1234);
  msg ("channel 2, mode 0: status %#x before the count, %#x after",
       no_count, pit_status (2));
  outb (PIT_CONTROL, CTL_READBACK | RB_CHANNEL (2));
  uint8_t status = inb (PIT_COUNTER + 2);
  msg ("status and count latched together: %#x, then %#x", status,
       pit_read16 (2));

  pit_set (1, CTL_BOTH | CTL_MODE (2));
  pit_load (1, 1000);
  msg ("channel 1, mode 2: status %#x", pit_status (1));
  pit_set (2, CTL_LOW | CTL_MODE (3) | CTL_BCD);
  msg ("channel 2, mode 3, low byte, BCD, no count yet: status %#x",
       pit_status (2));

  pit_set (2, CTL_BOTH | CTL_MODE (0));
  pit_load (2, 0x4321);
  pit_set (1, CTL_BOTH | CTL_MODE (0));
  pit_load (1, 0xffff);
  outb (PIT_CONTROL, CTL_READBACK | RB_NO_STATUS | RB_CHANNEL (1)
                     | RB_CHANNEL (2));
  spin_ticks (2);
  uint16_t held = pit_read16 (1);
  uint16_t later = pit_latch (1);
  msg ("channels 1 and 2 latched at once: channel 2 reads %#x",
       pit_read16 (2));
  expect (held - later >= 10000, "channel 1's count kept for 10 ms",
          held - later);
}

/* Channel 2 as kernels calibrate with it: gate high, mode 0, OUT2
   (port 0x61 bit 5) low from the count's writing until it runs out,
   then high.  With the gate low it does not count; it counts from the
   gate's rise. */
static void
test_channel2 (void)
{
  gate2 (true);
  pit_set (2, CTL_BOTH | CTL_MODE (0));
  pit_load (2, 0xffff);
  bool low = !out2 ();
  uint32_t start = timer_now ();
  while (!out2 ())
    if (timer_now () - start > OUT2_TICKS_MAX)
      fail ("OUT2 still low after %d ticks", OUT2_TICKS_MAX);
  uint32_t ticks = timer_now () - start;
  msg ("gate high, count 0xffff (54.9 ms): OUT2 %s at first",
       low ? "low" : "high");
  expect (ticks == 5 || ticks == 6, "OUT2 high 5 or 6 ticks later", ticks);

  gate2 (false);
  pit_set (2, CTL_BOTH | CTL_MODE (0));
  pit_load (2, 0x8000);
  spin_ticks (2);
  uint16_t count = pit_latch (2);
  msg ("gate low for 2 ticks: count %#x, OUT2 %s", count,
       out2 () ? "high" : "low");
  gate2_rise_timed ();
  const char *half = out2_at (0x4000);
  msg ("gate raised: OUT2 %s 0x4000 cycles later, %s 0xc000 cycles later",
       half, out2_at (0xc000));

  gate2 (false);
  pit_set (2, CTL_BOTH | CTL_MODE (0));
  pit_load (2, 0xffff);
  gate2 (true);
  spin_ticks (2);
  gate2 (false);
  uint16_t stopped = pit_latch (2);
  spin_ticks (2);
  count = pit_latch (2);
  expect (count == stopped && stopped < 0xffff - 10000,
          "gate lowered mid-count: the count stops", count);
  gate2 (true);
  count = pit_latch (2);
  expect (count <= stopped, "gate raised again: the count goes on from there",
          count);
  gate2 (false);
}

/* Port 0x61: bits 0-3 read back, bit 4 toggles with refresh cycles. */
static void
test_port61 (void)
{
  outb (PORT_61, 0x0c);
  msg ("port 0x61: wrote 0x0c, bits 0-3 read 0x%02x", inb (PORT_61) & 0x0f);
  unsigned changes = 0;
  uint8_t last = inb (PORT_61) & P61_REFRESH;
  for (int i = 0; i < 200; i++)
    {
      uint8_t now = inb (PORT_61) & P61_REFRESH;
      changes += now != last;
      last = now;
    }
  expect (changes >= 10, "refresh bit toggles over 200 reads", changes);
  outb (PORT_61, 0);
}

/* Loads channel 2 (gate low) with COUNT in mode 0, BCD if BCD; pulses
   its gate for a few input cycles; returns the count. */
static uint16_t
count_after_pulse (uint16_t count, bool bcd)
{
  gate2 (false);
  pit_set (2, CTL_BOTH | CTL_MODE (0) | (bcd ? CTL_BCD : 0));
  pit_load (2, count);
  gate2 (true);
  gate2 (false);
  return pit_latch (2);
}

/* BCD counting: a count written in BCD reads back in BCD, counts down
   in BCD and runs from 0 to 9999. */
static void
test_bcd (void)
{
  gate2 (false);
  pit_set (2, CTL_BOTH | CTL_MODE (0) | CTL_BCD);
  pit_load (2, 0x1234);
  uint8_t status = pit_status (2);
  msg ("BCD count 1234, gate low: status %#x, count %#x", status,
       pit_read16 (2));
  uint16_t count = count_after_pulse (0x9999, true);
  expect (is_bcd (count) && count < 0x9999 && count >= 0x5999,
          "BCD 9999 after a gate pulse: lower, in BCD", count);
  count = count_after_pulse (0x0005, true);
  expect (is_bcd (count) && count >= 0x6005,
          "BCD 5 after a gate pulse: past 0, from 9999 down, in BCD", count);
  count = count_after_pulse (0x0005, false);
  expect (count >= 0xf005, "binary 5 after a gate pulse: past 0, "
          "from 0xffff down", count);
}

/* Access modes 1 and 2: one byte makes the count, the other byte 0;
   every read, and a latch, gives that byte. */
static void
test_access (void)
{
  gate2 (false);
  pit_set (2, CTL_LOW | CTL_MODE (0));
  outb (PIT_COUNTER + 2, 0x56);
  uint8_t status = pit_status (2);
  uint8_t first = inb (PIT_COUNTER + 2);
  uint8_t second = inb (PIT_COUNTER + 2);
  gate2_rise_timed ();
  msg ("low byte only, 0x56: status %#x, reads %#x %#x, OUT2 %s 0x800 "
       "cycles after the gate rose", status, first, second, out2_at (0x800));

  gate2 (false);
  outb (PIT_COUNTER + 2, 0x11);
  pit_set (2, CTL_LATCH);
  first = inb (PIT_COUNTER + 2);
  outb (PIT_COUNTER + 2, 0x22);
  pit_set (2, CTL_LATCH);
  msg ("low byte only, latched: 0x11 reads %#x, then 0x22 reads %#x", first,
       inb (PIT_COUNTER + 2));

  gate2 (false);
  pit_set (2, CTL_HIGH | CTL_MODE (0));
  outb (PIT_COUNTER + 2, 0x78);
  status = pit_status (2);
  first = inb (PIT_COUNTER + 2);
  second = inb (PIT_COUNTER + 2);
  gate2_rise_timed ();
  const char *half = out2_at (0x3c00);
  msg ("high byte only, 0x78 (0x7800): status %#x, reads %#x %#x, OUT2 %s "
       "0x3c00 cycles after the gate rose, %s 0xb400 cycles after", status,
       first, second, half, out2_at (0xb400));
  gate2 (false);
}

int
main (void)
{
  pic_init (0);
  idt_set_handler (PIC_VECTOR, on_irq0);

  test_rate (2, 11932, 50);
  test_rate (3, 23863, 50);
  test_mode0 ();
  test_latch ();
  test_readback ();
  test_channel2 ();
  test_port61 ();
  test_bcd ();
  test_access ();
  return 0;
}
