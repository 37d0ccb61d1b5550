/* The debug-exit port, the guest's power switch: writing a value to
   HV_PORT_DEBUG_EXIT ends the VM with that value as its exit code,
   like QEMU's isa-debug-exit device does for a whole machine.
   Reading it gives all ones, like any port with nothing behind it. */

#include "hv/hv.h"

/* Port I/O to the debug-exit port. */
enum exit_action
vdev_debug_exit_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  if (pio->in)
    {
      pio->value = UINT32_MAX;
      return EXIT_RESUME;
    }
  return vm_exit (vcpu->vm, pio->value);
}
