/* The system timer: a tick counter driven by the 8254 at TIMER_FREQ
   interrupts per second, sleeping for a number of ticks or a real
   time, and busy-wait delays shorter than a tick. */
#ifndef DEVICES_TIMER_H
#define DEVICES_TIMER_H

/* Ticks per second.  The 8254's 16-bit divisor cannot go below 19
   Hz, and above 1000 Hz the tick handler would eat the CPU, so
   timer.c refuses anything outside 19..1000. */
#define TIMER_FREQ 100

#include <stdint.h>

/* Boot: start the ticks, then measure the delay loop. */
void timer_take_over (void);
void timer_init (void);
void timer_calibrate (void);

/* Time in ticks. */
int64_t timer_ticks (void);
int64_t timer_elapsed (int64_t then);

/* Giving the CPU away for a while (interrupts on). */
void timer_sleep (int64_t ticks);
void timer_nsleep (int64_t nanoseconds);
void timer_usleep (int64_t microseconds);
void timer_msleep (int64_t milliseconds);

/* Keeping the CPU, spinning (interrupts on or off). */
void timer_ndelay (int64_t nanoseconds);
void timer_udelay (int64_t microseconds);
void timer_mdelay (int64_t milliseconds);

void timer_print_stats (void);

#endif /* devices/timer.h */
