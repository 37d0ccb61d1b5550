/* The emulated IDE (ATA PIO) controller (hv/vdev/ide.c): its state,
   as part of struct vm. */
#ifndef HV_VDEV_IDE_H
#define HV_VDEV_IDE_H

#include <stdint.h>

struct vdev_ide
  {
    uint8_t unused;
  };

#endif /* hv/vdev/ide.h */
