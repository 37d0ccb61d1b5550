/* The CMOS memory and real-time clock.  Placeholder: reads all ones
   until the model is written. */

#include "hv/hv.h"

void
vdev_rtc_init (struct vm *vm)
{
  vm->rtc.index = 0;
}

enum exit_action
vdev_rtc_pio (struct vcpu *vcpu UNUSED, struct vdev_pio *pio)
{
  if (pio->in)
    pio->value = UINT32_MAX;
  return EXIT_RESUME;
}
