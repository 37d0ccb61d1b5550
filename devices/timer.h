/* The system timer: a tick counter driven by the 8254 at TIMER_FREQ
   interrupts per second, sleeping for a number of ticks or a real
   time, and busy-wait delays shorter than a tick. */
#ifndef DEVICES_TIMER_H
#define DEVICES_TIMER_H

#include <stdint.h>

/* Number of timer interrupts per second. */
#define TIMER_FREQ 100

#if TIMER_FREQ < 19
#error 8254 timer requires TIMER_FREQ >= 19
#endif
#if TIMER_FREQ > 1000
#error TIMER_FREQ <= 1000 recommended
#endif

void timer_init (void);
void timer_calibrate (void);

int64_t timer_ticks (void);
int64_t timer_elapsed (int64_t then);

/* Sleeping: the calling thread gives up the CPU. */
void timer_sleep (int64_t ticks);
void timer_msleep (int64_t milliseconds);
void timer_usleep (int64_t microseconds);
void timer_nsleep (int64_t nanoseconds);

/* Busy waits: the CPU spins, other threads do not run. */
void timer_mdelay (int64_t milliseconds);
void timer_udelay (int64_t microseconds);
void timer_ndelay (int64_t nanoseconds);

void timer_print_stats (void);

#endif /* devices/timer.h */
