/* The IDE controller.  Placeholder: an empty bus until the model is
   written. */

#include "hv/hv.h"

void
vdev_ide_init (struct vm *vm)
{
  vm->ide.unused = 0;
}

void
vdev_ide_destroy (struct vm *vm UNUSED)
{
}

enum exit_action
vdev_ide_pio (struct vcpu *vcpu UNUSED, struct vdev_pio *pio)
{
  if (pio->in)
    pio->value = UINT32_MAX;
  return EXIT_RESUME;
}
