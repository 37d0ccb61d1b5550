/* The real-time clock in CMOS: the wall-clock time. */
#ifndef DEVICES_RTC_H
#define DEVICES_RTC_H

/* Seconds since the Unix epoch, 1970-01-01 00:00:00 UTC. */
typedef unsigned long time_t;

time_t rtc_get_time (void);

#endif /* devices/rtc.h */
