/* The emulated power-off ports (hv/vdev/power.c): their state, as
   part of struct vm.  All zero is the power-on state. */
#ifndef HV_VDEV_POWER_H
#define HV_VDEV_POWER_H

#include <stdint.h>

struct vdev_power
  {
    uint8_t shutdown_matched;   /* Port 0x8900: bytes of "Shutdown"
                                   written in order so far. */
  };

#endif /* hv/vdev/power.h */
