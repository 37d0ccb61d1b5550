/* IOIO exits: the guest ran IN or OUT (every port is intercepted, the
   IOPM is all ones).  The port picks an emulated device from the
   table below; a port with no device reads as all ones and ignores
   writes, like an empty bus. */

#include <inttypes.h>
#include <stdio.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* Unknown-port accesses a VM gets a message about; later ones are
   silent. */
#define IOIO_REPORT_MAX 4

/* A range of ports served by one device. */
struct ioio_device
  {
    uint16_t first;             /* First port. */
    uint16_t count;             /* Number of ports. */
    enum exit_action (*pio) (struct vcpu *, struct vdev_pio *);
    enum vdev_id id;            /* Which device, for the statistics. */
  };

/* The emulated devices on the I/O bus. */
static const struct ioio_device ioio_devices[] =
  {
    { HV_PORT_COM1, 8, vdev_serial_pio, VDEV_UART },
    { HV_PORT_DEBUG_EXIT, 1, vdev_debug_exit_pio, VDEV_DEBUG_EXIT },
    /* The PC devices (hv/vdev/): an unmodified kernel probes these. */
    { 0x20, 2, vdev_pic_pio, VDEV_PIC },          /* 8259A master. */
    { 0xa0, 2, vdev_pic_pio, VDEV_PIC },          /* 8259A slave. */
    { 0x4d0, 2, vdev_pic_pio, VDEV_PIC },         /* Edge/level control registers. */
    { 0x40, 4, vdev_pit_pio, VDEV_PIT },          /* 8254 counters and control. */
    { 0x61, 1, vdev_port61_pio, VDEV_PIT },       /* Speaker gate, channel 2 output. */
    { 0x60, 1, vdev_kbc_pio, VDEV_KBC },          /* 8042 data. */
    { 0x64, 1, vdev_kbc_pio, VDEV_KBC },          /* 8042 status and command. */
    { 0x70, 2, vdev_rtc_pio, VDEV_RTC },          /* CMOS index and data. */
    { 0x1f0, 8, vdev_ide_pio, VDEV_IDE },         /* IDE channel 0 command block. */
    { 0x3f6, 1, vdev_ide_pio, VDEV_IDE },         /* IDE channel 0 control. */
    { 0x170, 8, vdev_ide_pio, VDEV_IDE },         /* IDE channel 1 command block. */
    { 0x376, 1, vdev_ide_pio, VDEV_IDE },         /* IDE channel 1 control. */
    { 0x3d4, 2, vdev_vga_pio, VDEV_VGA },         /* VGA CRT controller. */
    { 0x501, 1, vdev_power_pio, VDEV_POWER },       /* Debug exit, at its usual base. */
    { 0x604, 2, vdev_power_pio, VDEV_POWER },       /* ACPI PM1a control (PIIX4). */
    { 0xb004, 2, vdev_power_pio, VDEV_POWER },      /* ACPI PM1a control (older). */
    { 0x8900, 1, vdev_power_pio, VDEV_POWER },      /* "Shutdown" string port. */
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

/* Returns which device serves PORT, for the exit statistics. */
enum vdev_id
ioio_device_of (uint16_t port)
{
  const struct ioio_device *dev = ioio_find (port);
  return dev != NULL ? dev->id : VDEV_NONE;
}

/* Returns true if the port access an IOIO exit's EXITINFO1 INFO
   describes may be carried out on any CPU, not only the boot CPU
   (exit_needs_host, hv/exit.c): a single IN or OUT to the PIC, the
   PIT or the VGA's cursor registers.  String I/O reads or writes
   guest memory, and the other devices print, sleep on disk I/O or
   restart the VM, all of which is the boot CPU's. */
bool
ioio_anywhere (uint32_t info)
{
  if (info & IOIO_STR)
    return false;
  enum vdev_id dev = ioio_device_of (info >> IOIO_PORT_SHIFT);
  return dev == VDEV_PIC || dev == VDEV_PIT || dev == VDEV_VGA;
}

/* LAB hv: ioio */

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

/* Most elements of a REP INS or OUTS carried out in one exit; the
   rest run after the guest resumes at the same instruction (ECX and
   the index register say where it stopped), so a long transfer
   cannot keep the CPU from the host. */
#define IOIO_STRING_BATCH 4096

/* Carries out INS or OUTS (with or without REP) for the port access
   PIO: one element per call of the device's pio function, memory at
   ES:EDI (INS) or DS:ESI (OUTS), stepping by the element size, down
   if the guest's direction flag is set.  Ringlet's own IDE driver
   moves each sector with REP INSW.  Moves the guest past the
   instruction only once every element is done. */
static enum exit_action
ioio_string (struct vcpu *vcpu, struct vdev_pio *pio, uint32_t info)
{
  const struct vmcb_save *s = &vcpu->vmcb->save;
  const struct vmcb_control *c = &vcpu->vmcb->control;
  const struct ioio_device *dev = ioio_find (pio->port);
  bool rep = info & IOIO_REP;
  uint32_t mask = info & IOIO_A16 ? 0xffff : UINT32_MAX;
  unsigned index_reg = pio->in ? REG_EDI : REG_ESI;
  uint32_t base = pio->in ? s->es.base : s->ds.base;
  uint32_t step = s->rflags & FLAG_DF ? -pio->size : pio->size;
  uint32_t count = rep ? vcpu_get_reg (vcpu, REG_ECX) & mask : 1;
  enum exit_action action = EXIT_RESUME;

  for (unsigned done = 0; count > 0 && done < IOIO_STRING_BATCH; done++)
    {
      uint32_t index = vcpu_get_reg (vcpu, index_reg);
      uint32_t linear = base + (index & mask);
      uint32_t value = 0;
      if (!pio->in && !vcpu_read_linear (vcpu, linear, &value, pio->size))
        return vm_fail (vcpu->vm, "OUTS from memory the guest has not "
                        "mapped (%#"PRIx32")", linear);
      pio->value = value;
      action = dev != NULL ? dev->pio (vcpu, pio) : ioio_unknown (vcpu, pio);
      if (pio->in && !vcpu_write_linear (vcpu, linear, &pio->value, pio->size))
        return vm_fail (vcpu->vm, "INS to memory the guest has not mapped "
                        "(%#"PRIx32")", linear);
      vcpu_set_reg (vcpu, index_reg, (index & ~mask) | ((index + step) & mask));
      count--;
      if (rep)
        vcpu_set_reg (vcpu, REG_ECX,
                      (vcpu_get_reg (vcpu, REG_ECX) & ~mask) | count);
      if (action != EXIT_RESUME)
        return action;
    }
  if (count == 0)
    vcpu_skip_to (vcpu, c->exit_info2);
  return action;
}

/* IOIO: EXITINFO1 holds the port, the direction and the operand size;
   EXITINFO2 the address of the next instruction (on both simulators,
   with or without nRIP). */
enum exit_action
exit_ioio (struct vcpu *vcpu)
{
  const struct vmcb_control *c = &vcpu->vmcb->control;
  uint32_t info = c->exit_info1;

  struct vdev_pio pio;
  pio.port = info >> IOIO_PORT_SHIFT;
  pio.size = info & IOIO_SZ32 ? 4 : info & IOIO_SZ16 ? 2 : 1;
  pio.in = info & IOIO_IN;
  if (info & IOIO_STR)
    return ioio_string (vcpu, &pio, info);
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
