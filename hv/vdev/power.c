/* The power-off ports a kernel tries when it shuts a PC down; each
   ends the VM, as the machine would stop:
   - 0x8900, Bochs's shutdown port: the string "Shutdown" written a
     byte at a time ends the VM with exit code 0; a wrong byte starts
     the match again;
   - 0x604 (the PIIX4's ACPI PM1a control register, as QEMU has it)
     and 0xb004 (older Bochs and QEMU): a write with SLP_EN set ends
     the VM with exit code 0, whatever sleep type it asks for (every
     sleep state is the end here); they read as 0;
   - 0x501, QEMU's isa-debug-exit device at its usual base: a write
     of V ends the VM with exit code V, as the hv's own debug-exit
     port does (hv/vdev/debug-exit.c).
   Writes that end nothing are ignored, and reads of 0x8900 and 0x501
   give all ones. */

#include "hv/hv.h"

#define POWER_PORT_DEBUG_EXIT 0x501
#define POWER_PORT_BOCHS      0x8900
#define POWER_PORT_PIIX4      0x604     /* PM1a_CNT, two ports. */
#define POWER_PORT_OLD        0xb004
#define PM1_CNT_SLP_EN        0x2000    /* PM1 control bit 13: sleep. */
#define PM1_CNT_MASK          0xffff    /* The register's 16 bits. */
#define BOCHS_SHUTDOWN        "Shutdown"

/* Returns the PM1a control bits that a write of VALUE to PORT (within
   the two-byte register at BASE) sets. */
static uint32_t
power_pm1_bits (uint16_t port, uint16_t base, uint32_t value)
{
  return (value << 8 * (port - base)) & PM1_CNT_MASK;
}

/* A byte BYTE written to Bochs's shutdown port by VCPU. */
static enum exit_action
power_bochs (struct vcpu *vcpu, uint8_t byte)
{
  static const char shutdown[] = BOCHS_SHUTDOWN;
  struct vdev_power *power = &vcpu->vm->power;

  if (byte == shutdown[power->shutdown_matched])
    power->shutdown_matched++;
  else
    power->shutdown_matched = byte == shutdown[0];
  if (power->shutdown_matched < sizeof shutdown - 1)
    return EXIT_RESUME;
  power->shutdown_matched = 0;
  return vm_exit (vcpu->vm, 0);
}

/* Port I/O to the power-off ports. */
enum exit_action
vdev_power_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  uint16_t base = pio->port & ~1;

  if (pio->port == POWER_PORT_DEBUG_EXIT)
    return vdev_debug_exit_pio (vcpu, pio);
  if (pio->port == POWER_PORT_BOCHS)
    {
      if (pio->in)
        {
          pio->value = UINT32_MAX;
          return EXIT_RESUME;
        }
      return power_bochs (vcpu, pio->value);
    }
  ASSERT (base == POWER_PORT_PIIX4 || base == POWER_PORT_OLD);
  if (pio->in)
    pio->value = 0;
  else if (power_pm1_bits (pio->port, base, pio->value) & PM1_CNT_SLP_EN)
    return vm_exit (vcpu->vm, 0);
  return EXIT_RESUME;
}
