/* The MC146818 real-time clock and the CMOS around it: the bytes a
   kernel reads at boot, one time read in BCD, binary and 12-hour
   formats, seconds that follow the VM's virtual time, UIP around an
   update, SET stopping the clock and setting it (across a leap day
   and into a new century), and status C's flags, cleared by reading
   them. */

#include "hv/guest/guest.h"
#include "hv/vdev/rtc.h"            /* The register numbers. */
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "vdev-rtc";

#define NMI_OFF 0x80            /* Index bit 7 (masks NMI on a PC). */

#define A_UIP 0x80
#define A_NORMAL 0x20           /* 32.768 kHz divider, no periodic rate. */
#define A_2HZ 0x2f              /* The same, periodic rate 2 Hz. */
#define B_SET 0x80
#define B_PIE 0x40
#define B_UIE 0x10
#define B_BINARY 0x04
#define B_24H 0x02
#define C_UF 0x10
#define HOUR_PM 0x80
#define ALARM_ANY 0xff

#define TIMER_VECTOR 0x30
#define POLL_MAX 20000          /* Reads before UIP must have changed. */

/* The clock registers, as read. */
struct clock
  {
    uint8_t sec, min, hour, wday, mday, month, year, century;
  };

/* Returns the 16-bit value in CMOS bytes REG (low) and REG + 1. */
static unsigned
cmos_read16 (uint8_t reg)
{
  return cmos_read (reg) | cmos_read (reg + 1) << 8;
}

static unsigned
from_bcd (uint8_t value)
{
  return (value >> 4) * 10 + (value & 0xf);
}

/* Reads the clock registers into C, as they are. */
static void
read_registers (struct clock *c)
{
  c->sec = cmos_read (RTC_SEC);
  c->min = cmos_read (RTC_MIN);
  c->hour = cmos_read (RTC_HOUR);
  c->wday = cmos_read (RTC_WDAY);
  c->mday = cmos_read (RTC_MDAY);
  c->month = cmos_read (RTC_MONTH);
  c->year = cmos_read (RTC_YEAR);
  c->century = cmos_read (RTC_CENTURY);
}

static bool
same_clock (const struct clock *a, const struct clock *b)
{
  return a->sec == b->sec && a->min == b->min && a->hour == b->hour
         && a->wday == b->wday && a->mday == b->mday
         && a->month == b->month && a->year == b->year
         && a->century == b->century;
}

/* Waits until UIP is clear, as a careful driver does. */
static void
wait_uip_clear (void)
{
  for (int i = 0; cmos_read (RTC_A) & A_UIP; i++)
    if (i == POLL_MAX)
      fail ("UIP stays set");
}

/* Reads the clock into C: twice the same reading with UIP clear. */
static void
read_clock (struct clock *c)
{
  struct clock again;
  for (int i = 0; i < 10; i++)
    {
      wait_uip_clear ();
      read_registers (c);
      read_registers (&again);
      if (same_clock (c, &again))
        return;
    }
  fail ("the clock never reads the same twice");
}

/* Sleeps for TICKS ticks of the virtual timer. */
static void
wait_ticks (uint32_t ticks)
{
  uint32_t start = timer_now ();
  timer_start (1, TIMER_VECTOR, timer_count);
  while (timer_now () - start < ticks)
    guest_wait ();
  guest_cli ();
  timer_stop ();
}

/* Prints C, read in binary, 24-hour format. */
static void
print_clock (const char *what, const struct clock *c)
{
  msg ("%s: %02u%02u-%02u-%02u %02u:%02u:%02u, day of the week %u", what,
       c->century, c->year, c->month, c->mday, c->hour, c->min, c->sec,
       c->wday);
}

/* Returns the day of the week (1 = Sunday) of a date in 2000-2099:
   2000-01-01 was a Saturday. */
static unsigned
day_of_week (unsigned year, unsigned month, unsigned mday)
{
  static const unsigned month_start[12] =
    { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  unsigned days = (year - 2000) * 365 + (year - 2000 + 3) / 4
                  + month_start[month - 1] + mday - 1;
  if (month > 2 && year % 4 == 0)
    days++;
  return (days + 6) % 7 + 1;
}

/* The bytes a kernel reads at boot. */
static void
test_config (void)
{
  msg ("base memory %u KiB, extended %u KiB (and %u KiB), "
       "%u blocks of 64 KiB above 16 MiB", cmos_read16 (0x15),
       cmos_read16 (0x17), cmos_read16 (0x30), cmos_read16 (0x34));
  msg ("equipment %#x; status A %#x, B %#x, D %#x", cmos_read (0x14),
       cmos_read (RTC_A) & ~A_UIP, cmos_read (RTC_B), cmos_read (RTC_D));
  unsigned sum = 0;
  for (uint8_t reg = 0x10; reg <= 0x2d; reg++)
    sum += cmos_read (reg);
  if (sum != (unsigned) (cmos_read (0x2e) << 8 | cmos_read (0x2f)))
    fail ("checksum %#x, but bytes 0x2e-0x2f hold %#x", sum,
          cmos_read (0x2e) << 8 | cmos_read (0x2f));
  msg ("bytes 0x2e-0x2f hold the checksum of bytes 0x10-0x2d");

  cmos_write (0x40, 0xa5);
  cmos_write (RTC_D, 0);
  outb (CMOS_INDEX, NMI_OFF | 0x40);
  uint8_t byte = inb (CMOS_DATA);
  msg ("CMOS byte 0x40 holds %#x (index with NMI bit); status D %#x "
       "after writing 0", byte, cmos_read (RTC_D));
}

/* The same time in BCD, binary and 12-hour formats. */
static void
test_formats (void)
{
  struct clock bcd, bin, h12, bcd_again;
  for (int tries = 0; ; tries++)
    {
      if (tries == 5)
        fail ("the second changed during every try");
      cmos_write (RTC_B, B_24H);
      read_clock (&bcd);
      cmos_write (RTC_B, B_24H | B_BINARY);
      read_clock (&bin);
      cmos_write (RTC_B, 0);
      read_clock (&h12);
      cmos_write (RTC_B, B_24H);
      read_clock (&bcd_again);
      if (same_clock (&bcd, &bcd_again))
        break;
    }
  if (from_bcd (bcd.sec) != bin.sec || from_bcd (bcd.min) != bin.min
      || from_bcd (bcd.hour) != bin.hour || from_bcd (bcd.wday) != bin.wday
      || from_bcd (bcd.mday) != bin.mday || from_bcd (bcd.month) != bin.month
      || from_bcd (bcd.year) != bin.year
      || from_bcd (bcd.century) != bin.century)
    fail ("BCD and binary readings differ");
  unsigned hour12 = bin.hour % 12 == 0 ? 12 : bin.hour % 12;
  if (from_bcd (h12.hour & ~HOUR_PM) != hour12
      || (h12.hour & HOUR_PM) != (bin.hour >= 12 ? HOUR_PM : 0))
    fail ("12-hour reading %#x for hour %u", h12.hour, bin.hour);
  msg ("BCD, binary and 12-hour readings of the time agree");

  if (bin.sec > 59 || bin.min > 59 || bin.hour > 23 || bin.month < 1
      || bin.month > 12 || bin.mday < 1 || bin.mday > 31 || bin.wday < 1
      || bin.wday > 7)
    fail ("the time is not valid");
  if (bin.century == 20
      && bin.wday != day_of_week (2000 + bin.year, bin.month, bin.mday))
    fail ("day of the week %u does not match the date", bin.wday);
  msg ("the date and time are valid; the day of the week matches");
}

/* Returns C's time of day in seconds (binary registers). */
static unsigned
seconds_of_day (const struct clock *c)
{
  return c->hour * 3600 + c->min * 60 + c->sec;
}

/* Seconds follow the virtual timer's ticks. */
static void
test_advance (void)
{
  struct clock before, after;
  cmos_write (RTC_B, B_24H | B_BINARY);
  uint8_t sec = cmos_read (RTC_SEC);
  for (int i = 0; cmos_read (RTC_SEC) == sec; i++)
    if (i == POLL_MAX)
      fail ("the seconds do not change");
  read_clock (&before);
  wait_ticks (250);
  read_clock (&after);
  unsigned passed = (seconds_of_day (&after) + 86400
                     - seconds_of_day (&before)) % 86400;
  msg ("from a second's start, %u seconds passed in 250 timer ticks",
       passed);
}

/* Polls UIP until it is SET (or clear); fails if it never gets so. */
static void
poll_uip (bool set)
{
  outb (CMOS_INDEX, RTC_A);
  for (int i = 0; ((inb (CMOS_DATA) & A_UIP) != 0) != set; i++)
    if (i == POLL_MAX)
      fail ("UIP never became %s", set ? "set" : "clear");
}

/* UIP rises before an update and falls after it. */
static void
test_uip (void)
{
  cmos_write (RTC_B, B_24H | B_BINARY);
  uint8_t sec = cmos_read (RTC_SEC);
  for (int i = 0; cmos_read (RTC_SEC) == sec; i++)
    if (i == POLL_MAX)
      fail ("the seconds do not change");
  uint8_t before = cmos_read (RTC_SEC);
  poll_uip (false);             /* The end of the update just seen. */
  poll_uip (true);              /* The next one is coming. */
  poll_uip (false);
  uint8_t after = cmos_read (RTC_SEC);
  msg ("UIP rose and fell again; the seconds went on by %u across it",
       (after + 60 - before) % 60);
}

/* Writes C to the clock registers (in the current format). */
static void
write_clock (const struct clock *c)
{
  cmos_write (RTC_SEC, c->sec);
  cmos_write (RTC_MIN, c->min);
  cmos_write (RTC_HOUR, c->hour);
  cmos_write (RTC_WDAY, c->wday);
  cmos_write (RTC_MDAY, c->mday);
  cmos_write (RTC_MONTH, c->month);
  cmos_write (RTC_YEAR, c->year);
  cmos_write (RTC_CENTURY, c->century);
}

/* SET stops the clock, which starts again from the time written. */
static void
test_set (void)
{
  struct clock before, after;
  cmos_write (RTC_B, B_SET | B_24H | B_BINARY);
  read_registers (&before);
  wait_ticks (150);
  read_registers (&after);
  msg ("with SET, the clock %s for 1.5 s; UIP %u",
       same_clock (&before, &after) ? "stood still" : "ran",
       cmos_read (RTC_A) >> 7);

  static const struct clock leap = { 58, 59, 23, 5, 29, 2, 24, 20 };
  write_clock (&leap);
  read_registers (&after);
  print_clock ("written with SET", &after);
  cmos_write (RTC_B, B_24H | B_BINARY);
  wait_ticks (250);
  read_registers (&after);
  print_clock ("2.5 s after SET was cleared", &after);

  static const struct clock century = { 59, 59, HOUR_PM | 11, 7, 31, 12,
                                        99, 20 };
  cmos_write (RTC_B, B_SET | B_BINARY);
  write_clock (&century);
  cmos_write (RTC_B, B_BINARY);
  wait_ticks (150);
  read_registers (&after);
  msg ("in 12-hour mode, 1.5 s after 11:59:59 p.m. on 2099-12-31: "
       "%02u%02u-%02u-%02u, hour %#x, %02u:%02u, day of the week %u",
       after.century, after.year, after.month, after.mday, after.hour,
       after.min, after.sec, after.wday);

  static const struct clock bad = { 0xff, 0, 0x12, 1, 0x31, 0x02, 0x23,
                                    0x20 };
  cmos_write (RTC_B, B_SET | B_24H);
  write_clock (&bad);
  cmos_write (RTC_B, B_24H);
  read_registers (&after);
  msg ("seconds written as 0xff read %#x; 2023-02-31 became %02x%02x-%02x-%02x",
       after.sec, after.century, after.year, after.month, after.mday);
}

/* Clears status C, lets SECONDS_10 tenths of a second pass and
   returns status C. */
static uint8_t
flags_after (unsigned tenths)
{
  cmos_read (RTC_C);
  wait_ticks (tenths * 10);
  return cmos_read (RTC_C);
}

/* Status C: the flags of the events since it was read, IRQF for the
   enabled ones, all cleared by reading it. */
static void
test_flags (void)
{
  cmos_write (RTC_B, B_24H);
  cmos_write (RTC_A, A_2HZ);
  cmos_write (RTC_SEC_ALARM, ALARM_ANY);
  cmos_write (RTC_MIN_ALARM, ALARM_ANY);
  cmos_write (RTC_HOUR_ALARM, ALARM_ANY);
  cmos_read (RTC_C);
  wait_ticks (150);
  cmos_write (RTC_B, B_SET | B_24H);
  cmos_write (RTC_A, A_NORMAL);
  uint8_t first = cmos_read (RTC_C);
  msg ("status C after 1.5 s at 2 Hz, alarm every second: %#x, "
       "read again %#x", first, cmos_read (RTC_C));

  cmos_write (RTC_B, B_24H);
  cmos_write (RTC_HOUR_ALARM, 0x25);  /* No such hour. */
  msg ("status C with an alarm that cannot match: %#x", flags_after (15));
  cmos_write (RTC_B, B_24H | B_UIE);
  msg ("status C with update interrupts on: %#x", flags_after (15));
  cmos_write (RTC_B, B_24H | B_PIE);
  cmos_write (RTC_A, A_2HZ);
  msg ("status C with periodic interrupts on, without UF: %#x",
       flags_after (6) & ~C_UF);
  cmos_write (RTC_B, B_24H);
  cmos_write (RTC_A, A_NORMAL);
}

int
main (void)
{
  test_config ();
  test_formats ();
  test_advance ();
  test_uip ();
  test_set ();
  test_flags ();
  return 0;
}
