/* The emulated CMOS memory and real-time clock at ports 0x70/0x71
   (hv/vdev/rtc.c): its state, as part of struct vm. */
#ifndef HV_VDEV_RTC_H
#define HV_VDEV_RTC_H

#include <stdbool.h>
#include <stdint.h>

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

#endif /* hv/vdev/rtc.h */
