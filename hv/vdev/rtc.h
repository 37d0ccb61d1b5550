/* The emulated CMOS memory and real-time clock at ports 0x70/0x71
   (hv/vdev/rtc.c): the MC146818's registers, the clock's state as
   part of struct vm, and the calendar and host clock it counts from
   (hv/vdev/rtc-clock.c). */
#ifndef HV_VDEV_RTC_H
#define HV_VDEV_RTC_H

#include <stdbool.h>
#include <stdint.h>

/* The MC146818's registers, and the PC's century byte. */
#define RTC_SEC          0x00
#define RTC_SEC_ALARM    0x01
#define RTC_MIN          0x02
#define RTC_MIN_ALARM    0x03
#define RTC_HOUR         0x04
#define RTC_HOUR_ALARM   0x05
#define RTC_WDAY         0x06
#define RTC_MDAY         0x07
#define RTC_MONTH        0x08
#define RTC_YEAR         0x09
#define RTC_A            0x0a
#define RTC_B            0x0b
#define RTC_C            0x0c
#define RTC_D            0x0d
#define RTC_CENTURY      0x32
#define RTC_PORT_INDEX   0x70   /* Then the data port, 0x71. */

/* Their bits. */
#define RTC_A_UIP        0x80   /* Update in progress. */
#define RTC_A_RATE       0x0f   /* RS3-RS0: periodic rate. */
#define RTC_B_SET        0x80   /* Updates stopped. */
#define RTC_B_PIE        0x40   /* Periodic interrupt enable. */
#define RTC_B_AIE        0x20   /* Alarm interrupt enable. */
#define RTC_B_UIE        0x10   /* Update-ended interrupt enable. */
#define RTC_B_BINARY     0x04   /* DM: binary, not BCD. */
#define RTC_B_24H        0x02   /* 24-hour mode. */
#define RTC_C_IRQF       0x80   /* An enabled flag below is set. */
#define RTC_C_EVENTS     0x70   /* PF, AF, UF: each at its enable's bit. */
#define RTC_C_PF         0x40   /* Periodic tick. */
#define RTC_C_AF         0x20   /* Alarm. */
#define RTC_C_UF         0x10   /* Update ended. */
#define RTC_D_VRT        0x80   /* RAM and time valid. */
#define RTC_HOUR_PM      0x80   /* Hour registers, 12-hour mode: p.m. */
#define RTC_ALARM_ANY    0xc0   /* Alarm values from here on match all. */

/* A date and time of day in binary, as the clock registers count it
   (hv/vdev/rtc.c encodes it in BCD or binary, 12 or 24 hours, as the
   guest asks). */
struct vdev_rtc_time
  {
    uint8_t sec;                /* 0-59. */
    uint8_t min;                /* 0-59. */
    uint8_t hour;               /* 0-23. */
    uint8_t wday;               /* Day of the week, 1-7, 1 = Sunday. */
    uint8_t mday;               /* Day of the month, 1-31. */
    uint8_t month;              /* 1-12. */
    uint16_t year;              /* 0-9999: century and year registers. */
  };

struct vdev_rtc
  {
    uint8_t index;              /* Register selected through port 0x70. */
    uint8_t cmos[128];          /* CMOS bytes (the clock's are computed,
                                   status A without UIP). */
    /* The running clock: it read EPOCH_SEC (seconds since 0000-01-01
       00:00:00) at the VM's virtual time EPOCH_NS (vdev_clock_ns) and
       has counted a second every second since. */
    uint64_t epoch_sec;
    uint64_t epoch_ns;
    uint8_t wday_shift;         /* Day of the week = (day number + shift)
                                   % 7 + 1, day 0 being 0000-01-01. */
    struct vdev_rtc_time held;  /* The clock while status B's SET stops it. */
    /* Status C and IRQ 8. */
    uint8_t flags;              /* PF, AF, UF seen since C was last read... */
    uint64_t checked_ns;        /* ...counted up to this virtual time. */
    bool irq_high;              /* IRQ 8 is raised (IRQF is set). */
  };

/* hv/vdev/rtc-clock.c. */
#define VDEV_RTC_SEC_PER_DAY 86400u
#define VDEV_RTC_WDAY_SHIFT 6   /* 0000-01-01 was a Saturday. */
unsigned vdev_rtc_days_in_month (unsigned year, unsigned month);
uint64_t vdev_rtc_time_to_sec (const struct vdev_rtc_time *);
void vdev_rtc_sec_to_time (uint64_t sec, unsigned wday_shift,
                           struct vdev_rtc_time *);
uint64_t vdev_rtc_host_now (void);

#endif /* hv/vdev/rtc.h */
