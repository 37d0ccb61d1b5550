/* What the emulated real-time clock (hv/vdev/rtc.c) counts in: the
   Gregorian calendar, as seconds since 0000-01-01 00:00:00 and back,
   for years 0 to 9999 (the century and year registers' range); and
   where it starts: the host's wall-clock time, read once from the
   host machine's own MC146818 (the kernel has no clock reader of its
   own) and carried on by the host's timer ticks. */

#include <string.h>
#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/interrupt.h"
#include "threads/io.h"

#define YEAR_MAX         9999
#define HOST_POLLS       1000000 /* Reads of status A while UIP is set. */
#define HOST_TRIES       10      /* Readings until two agree. */
#define HOST_DEFAULT     { 0, 0, 0, 7, 1, 1, 2000 } /* If the host's
                                   clock makes no sense: 2000-01-01. */

/* Days in the months of a common year, and before each month. */
static const uint8_t month_days[12] =
  { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
static const uint16_t month_start[12] =
  { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

/* ---- The calendar ---- */

/* Returns true if YEAR has a February 29. */
static bool
leap_year (unsigned year)
{
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* Returns the days in MONTH (1-12) of YEAR. */
unsigned
vdev_rtc_days_in_month (unsigned year, unsigned month)
{
  return month_days[month - 1] + (month == 2 && leap_year (year));
}

/* Returns the number of the day January 1 of YEAR is, counting from
   0000-01-01 (the Gregorian calendar run back): 365 a year, plus one
   for each leap year before it (year 0 was one). */
static uint64_t
year_start (uint64_t year)
{
  return 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
}

/* Returns T, whose fields are in range, as seconds since 0000-01-01
   (its day of the week is not looked at). */
uint64_t
vdev_rtc_time_to_sec (const struct vdev_rtc_time *t)
{
  uint64_t day = year_start (t->year) + month_start[t->month - 1]
                 + (t->month > 2 && leap_year (t->year)) + t->mday - 1;
  return day * VDEV_RTC_SEC_PER_DAY + t->hour * 3600u + t->min * 60u + t->sec;
}

/* Stores in T the date and time SEC seconds after 0000-01-01 (after
   year 9999 the years count from 0 again), with WDAY_SHIFT giving the
   day of the week (struct vdev_rtc). */
void
vdev_rtc_sec_to_time (uint64_t sec, unsigned wday_shift,
                      struct vdev_rtc_time *t)
{
  sec %= year_start (YEAR_MAX + 1) * VDEV_RTC_SEC_PER_DAY;
  uint64_t day = sec / VDEV_RTC_SEC_PER_DAY;
  unsigned in_day = sec % VDEV_RTC_SEC_PER_DAY;
  t->hour = in_day / 3600;
  t->min = in_day / 60 % 60;
  t->sec = in_day % 60;
  t->wday = (day + wday_shift) % 7 + 1;

  unsigned year = day / 366;            /* Low, but by a few years only. */
  while (year_start (year + 1) <= day)
    year++;
  unsigned in_year = day - year_start (year);
  unsigned leap = leap_year (year);
  unsigned month = 1;
  while (month < 12 && in_year >= month_start[month] + (month >= 2 ? leap : 0))
    month++;
  t->year = year;
  t->month = month;
  t->mday = in_year - month_start[month - 1] - (month > 2 ? leap : 0) + 1;
}

/* ---- The host's clock ---- */

/* Returns byte REG of the host machine's CMOS.  Interrupts are off
   between the index and the data access, so that nothing else on this
   CPU comes between them. */
static uint8_t
host_cmos (unsigned reg)
{
  enum intr_level old = intr_disable ();
  outb (RTC_PORT_INDEX, reg);                   /* NMI stays unmasked. */
  uint8_t value = inb (RTC_PORT_INDEX + 1);
  intr_set_level (old);
  return value;
}

/* The host's clock registers, as read. */
struct host_reading
  {
    uint8_t reg[RTC_YEAR + 1];
    uint8_t century;
  };

/* Reads the host's clock registers into R once its UIP is clear (or
   has not cleared after HOST_POLLS reads, on a machine whose clock
   does not run). */
static void
host_read_once (struct host_reading *r)
{
  for (unsigned i = 0; i < HOST_POLLS && (host_cmos (RTC_A) & RTC_A_UIP); i++)
    continue;
  for (unsigned reg = RTC_SEC; reg <= RTC_YEAR; reg++)
    r->reg[reg] = host_cmos (reg);
  r->century = host_cmos (RTC_CENTURY);
}

/* Returns the host's clock register value RAW in binary, as the
   host's status B, B, formats it (hours without their p.m. bit). */
static unsigned
host_value (uint8_t b, uint8_t raw)
{
  return b & RTC_B_BINARY ? raw : (raw >> 4) * 10 + (raw & 0xf);
}

/* Returns the host's wall-clock time, in seconds since 0000-01-01,
   from its CMOS: read until two readings agree (an update may come in
   the middle of one).  A reading out of range gives HOST_DEFAULT. */
static uint64_t
host_read_time (void)
{
  struct host_reading a, b;
  host_read_once (&a);
  for (unsigned i = 0; i < HOST_TRIES; i++)
    {
      host_read_once (&b);
      if (memcmp (&a, &b, sizeof a) == 0)
        break;
      a = b;
    }
  uint8_t status_b = host_cmos (RTC_B);
  struct vdev_rtc_time t;
  t.sec = host_value (status_b, a.reg[RTC_SEC]);
  t.min = host_value (status_b, a.reg[RTC_MIN]);
  t.hour = host_value (status_b, a.reg[RTC_HOUR] & ~RTC_HOUR_PM);
  if (!(status_b & RTC_B_24H))
    t.hour = t.hour % 12 + (a.reg[RTC_HOUR] & RTC_HOUR_PM ? 12 : 0);
  t.mday = host_value (status_b, a.reg[RTC_MDAY]);
  t.month = host_value (status_b, a.reg[RTC_MONTH]);
  unsigned year = host_value (status_b, a.reg[RTC_YEAR]);
  unsigned century = host_value (status_b, a.century);
  if (century < 19 || century > 99)
    century = year < 70 ? 20 : 19;      /* No century byte: guess. */
  t.year = century * 100 + year;
  t.wday = 1;
  if (t.sec > 59 || t.min > 59 || t.hour > 23 || year > 99
      || t.month < 1 || t.month > 12
      || t.mday < 1 || t.mday > vdev_rtc_days_in_month (t.year, t.month))
    t = (struct vdev_rtc_time) HOST_DEFAULT;
  return vdev_rtc_time_to_sec (&t);
}

/* Returns the host's wall-clock time now, in seconds since
   0000-01-01: its CMOS is read the first time only (VMs are created
   by kernel threads, which all run on the boot CPU), then the host's
   timer ticks count on from there. */
uint64_t
vdev_rtc_host_now (void)
{
  static bool read;
  static uint64_t read_sec;
  static int64_t read_tick;
  if (!read)
    {
      read_sec = host_read_time ();
      read_tick = timer_ticks ();
      read = true;
    }
  return read_sec + (timer_ticks () - read_tick) / TIMER_FREQ;
}
