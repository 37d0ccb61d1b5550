/* The emulated CMOS memory and real-time clock at ports 0x70/0x71
   (hv/vdev/rtc.c): its state, as part of struct vm. */
#ifndef HV_VDEV_RTC_H
#define HV_VDEV_RTC_H

#include <stdint.h>

struct vdev_rtc
  {
    uint8_t index;              /* Register selected through port 0x70. */
    uint8_t cmos[128];          /* CMOS bytes (the clock's are computed). */
  };

#endif /* hv/vdev/rtc.h */
