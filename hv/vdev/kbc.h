/* The emulated 8042 keyboard controller at ports 0x60/0x64
   (hv/vdev/kbc.c): its state, as part of struct vm. */
#ifndef HV_VDEV_KBC_H
#define HV_VDEV_KBC_H

#include <stdint.h>

struct vdev_kbc
  {
    uint8_t command_byte;       /* The controller's configuration byte. */
  };

#endif /* hv/vdev/kbc.h */
