/* IOIO exits: the guest ran IN or OUT (every port is intercepted, the
   IOPM is all ones).  The port picks an emulated device from the
   table below; a port with no device reads as all ones and ignores
   writes, like an empty bus. */

#include <inttypes.h>
#include <stdio.h>
#include "hv/hv.h"

/* Unknown-port accesses a VM gets a message about; later ones are
   silent. */
#define IOIO_REPORT_MAX 4

/* A range of ports served by one device. */
struct ioio_device
  {
    uint16_t first;             /* First port. */
    uint16_t count;             /* Number of ports. */
    enum exit_action (*pio) (struct vcpu *, struct vdev_pio *);
  };

/* LAB hv: ioio */
/* The emulated devices on the I/O bus. */
static const struct ioio_device ioio_devices[] =
  {
    { HV_PORT_COM1, 8, vdev_serial_pio },
    { HV_PORT_DEBUG_EXIT, 1, vdev_debug_exit_pio },
  };

/* Returns the device that serves PORT, or a null pointer. */
static const struct ioio_device *
ioio_find (uint16_t port)
{
  for (size_t i = 0; i < sizeof ioio_devices / sizeof *ioio_devices; i++)
    if (port >= ioio_devices[i].first
        && port - ioio_devices[i].first < ioio_devices[i].count)
      return &ioio_devices[i];
  return NULL;
}

/* An access to a port with nothing behind it. */
static enum exit_action
ioio_unknown (struct vcpu *vcpu, struct vdev_pio *pio)
{
  struct vm *vm = vcpu->vm;

  if (vm->ioio_unknown++ < IOIO_REPORT_MAX && !vm->quiet)
    printf ("hv: vm %d '%s': %s port %#"PRIx16" (no device): %s\n", vm->id,
            vm->name, pio->in ? "read from" : "write to", pio->port,
            pio->in ? "all ones" : "ignored");
  if (pio->in)
    pio->value = UINT32_MAX;
  return EXIT_RESUME;
}

/* IOIO: EXITINFO1 holds the port, the direction and the operand size;
   EXITINFO2 the address of the next instruction (on both simulators,
   with or without nRIP). */
enum exit_action
exit_ioio (struct vcpu *vcpu)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  uint32_t info = c->exit_info1;

  if (info & (IOIO_STR | IOIO_REP))
    return vm_fail (vcpu->vm, "string port I/O (INS/OUTS) is not emulated");

  struct vdev_pio pio;
  pio.port = info >> IOIO_PORT_SHIFT;
  pio.size = info & IOIO_SZ32 ? 4 : info & IOIO_SZ16 ? 2 : 1;
  pio.in = info & IOIO_IN;
  uint32_t mask = pio.size == 4 ? UINT32_MAX : (1u << (pio.size * 8)) - 1;
  pio.value = pio.in ? 0 : vcpu_get_reg (vcpu, REG_EAX) & mask;

  const struct ioio_device *dev = ioio_find (pio.port);
  enum exit_action action = dev != NULL ? dev->pio (vcpu, &pio)
                                        : ioio_unknown (vcpu, &pio);
  if (pio.in)
    vcpu_set_reg (vcpu, REG_EAX, (vcpu_get_reg (vcpu, REG_EAX) & ~mask)
                                 | (pio.value & mask));
  vcpu_skip_to (vcpu, c->exit_info2);
  return action;
}
/* STUB:
enum exit_action
exit_ioio (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "IOIO exits are not handled yet");
}
*/
/* END LAB */
