/* The MC146818-compatible real-time clock in the PC's CMOS.  It keeps
   the date and time (normally UTC under an emulator) in BCD or
   binary, and updates them once a second; a read that races an update
   can see a torn value, so the clock is read until two reads
   agree. */

#include "devices/rtc.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "threads/interrupt.h"
#include "threads/io.h"

/* CMOS ports.  Bit 7 of the index disables NMI, so it stays clear. */
#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71

/* Clock registers (MC146818 data sheet). */
#define RTC_SECONDS  0x00
#define RTC_MINUTES  0x02
#define RTC_HOURS    0x04
#define RTC_DAY      0x07       /* Day of the month, 1...31. */
#define RTC_MONTH    0x08       /* 1...12. */
#define RTC_YEAR     0x09       /* 0...99. */
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b

#define RTC_A_UIP    0x80       /* Status A: update in progress. */
#define RTC_B_24H    0x02       /* Status B: 24-hour mode. */
#define RTC_B_BINARY 0x04       /* Status B: binary, not BCD. */
#define RTC_HOUR_PM  0x80       /* Hours, 12-hour mode: afternoon. */

#define RTC_UIP_POLLS 10000     /* Bound on waiting out an update. */
#define RTC_READ_TRIES 10       /* Bound on reading until two agree. */

#define EPOCH_YEAR 1970
#define CENTURY_PIVOT 70        /* Two-digit years below: 20xx. */

/* A calendar time as the clock keeps it. */
struct rtc_date
  {
    unsigned year, month, day;
    unsigned hour, minute, second;
  };

/* Returns the raw contents of CMOS register REG. */
static uint8_t
rtc_read_reg (uint8_t reg)
{
  outb (CMOS_INDEX, reg);
  return inb (CMOS_DATA);
}

/* Returns clock value V as a number, BCD-decoded unless BINARY. */
static unsigned
rtc_decode (uint8_t v, bool binary)
{
  return binary ? v : (v >> 4) * 10 + (v & 0x0f);
}

/* Returns clock register REG as a number, BCD-decoded unless BINARY. */
static unsigned
rtc_read_value (uint8_t reg, bool binary)
{
  return rtc_decode (rtc_read_reg (reg), binary);
}

/* Reads the clock into *D, once, when no update is in progress (an
   update lasts about 2 ms; the wait is bounded in case the clock is
   broken).  Interrupts must be off. */
static void
rtc_read_once (struct rtc_date *d)
{
  for (int i = 0; i < RTC_UIP_POLLS; i++)
    if (!(rtc_read_reg (RTC_STATUS_A) & RTC_A_UIP))
      break;

  uint8_t status_b = rtc_read_reg (RTC_STATUS_B);
  bool binary = (status_b & RTC_B_BINARY) != 0;
  uint8_t hour = rtc_read_reg (RTC_HOURS);
  bool pm = !(status_b & RTC_B_24H) && (hour & RTC_HOUR_PM);

  d->second = rtc_read_value (RTC_SECONDS, binary);
  d->minute = rtc_read_value (RTC_MINUTES, binary);
  d->hour = rtc_decode (hour & ~RTC_HOUR_PM, binary);
  if (!(status_b & RTC_B_24H))
    d->hour = d->hour % 12 + (pm ? 12 : 0);   /* 12 AM is hour 0. */
  d->day = rtc_read_value (RTC_DAY, binary);
  d->month = rtc_read_value (RTC_MONTH, binary);
  d->year = rtc_read_value (RTC_YEAR, binary);
  d->year += d->year < CENTURY_PIVOT ? 2000 : 1900;
}

/* Returns true if YEAR is a leap year. */
static bool
rtc_is_leap (unsigned year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Returns true if *D is a real date and time. */
static bool
rtc_is_valid (const struct rtc_date *d)
{
  return d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31
         && d->hour < 24 && d->minute < 60 && d->second < 60;
}

/* Returns the seconds from the epoch to *D, a valid date. */
static time_t
rtc_to_epoch (const struct rtc_date *d)
{
  static const unsigned days_before_month[12] =
    { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  unsigned long days = 0;

  for (unsigned y = EPOCH_YEAR; y < d->year; y++)
    days += rtc_is_leap (y) ? 366 : 365;
  days += days_before_month[d->month - 1] + d->day - 1;
  if (d->month > 2 && rtc_is_leap (d->year))
    days++;
  return ((days * 24 + d->hour) * 60 + d->minute) * 60 + d->second;
}

/* Returns the current time in seconds since the Unix epoch, or 0
   (with a message) if the clock holds no valid date. */
time_t
rtc_get_time (void)
{
  struct rtc_date a, b;
  enum intr_level old_level = intr_disable ();

  rtc_read_once (&b);
  for (int i = 0; i < RTC_READ_TRIES; i++)
    {
      a = b;
      rtc_read_once (&b);
      if (a.second == b.second && a.minute == b.minute && a.hour == b.hour
          && a.day == b.day && a.month == b.month && a.year == b.year)
        break;
    }
  intr_set_level (old_level);

  if (!rtc_is_valid (&b))
    {
      printf ("rtc: clock holds an invalid date, using the epoch\n");
      return 0;
    }
  return rtc_to_epoch (&b);
}
