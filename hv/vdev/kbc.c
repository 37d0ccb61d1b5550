/* The 8042 keyboard controller.  Placeholder: reads all ones until the
   model is written. */

#include "hv/hv.h"

void
vdev_kbc_init (struct vm *vm)
{
  vm->kbc.command_byte = 0;
}

enum exit_action
vdev_kbc_pio (struct vcpu *vcpu UNUSED, struct vdev_pio *pio)
{
  if (pio->in)
    pio->value = UINT32_MAX;
  return EXIT_RESUME;
}
