/* The power-off ports.  Placeholder until the model is written. */

#include "hv/hv.h"

enum exit_action
vdev_power_pio (struct vcpu *vcpu UNUSED, struct vdev_pio *pio)
{
  if (pio->in)
    pio->value = UINT32_MAX;
  return EXIT_RESUME;
}
