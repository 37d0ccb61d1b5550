/* The emulated 8042 keyboard controller and the keyboard behind it,
   at ports 0x60 (data) and 0x64 (status and command), as a kernel
   finds them after the BIOS: self-test passed, translation on, the
   keyboard's interrupt enabled.  No key is ever pressed and there is
   no mouse; what the controller and the keyboard answer to commands
   is all a guest ever reads.

   Modelled (8042 and AT keyboard data sheets):
   - the status register: output buffer full, input buffer full
     (always 0: every write is taken at once), the system flag, the
     command/data bit (A2), keyboard not inhibited;
   - controller commands: read and write controller RAM (0x20-0x3f,
     0x60-0x7f; byte 0 is the command byte), mouse port off and on
     (0xa7, 0xa8), self-test (0xaa: 0x55, sets the system flag),
     keyboard interface test (0xab: 0x00), keyboard port off and on
     (0xad, 0xae), read and write the output port (0xd0, 0xd1; the
     A20 gate bit is kept, A20 is always on), write the keyboard's
     output buffer (0xd2), write to the mouse (0xd4: dropped), and
     pulse output lines (0xf0-0xff);
   - keyboard commands through port 0x60: reset (0xfa, 0xaa), echo,
     identify (0xfa 0xab 0x83), set LEDs, typematic rate and scan
     code set (each acknowledged with its parameter byte; the set is
     not kept and always reads as 2), enable, disable, defaults,
     resend; any other byte is acknowledged (0xfa);
   - IRQ 1, high while the output buffer holds a byte and the command
     byte enables it; the next queued byte makes a new edge.
   A reset request -- pulsing the reset line (a command 0xf0-0xfe with
   bit 0 clear, 0xfe being the usual one) or writing the output port
   with its reset bit clear -- ends the VM, or restarts it if it was
   created to (vm_restart, hv/vm.c).  Answers wait in a queue of VDEV_KBC_QUEUE bytes; more are
   dropped.  Scan-code translation does not change the answers.

   Port exits run on the boot CPU one at a time: the state needs no
   lock (the PIC takes its own). */

#include <string.h>
#include "hv/hv.h"

#define KBC_PORT_DATA    0x60

/* Status register bits. */
#define STATUS_OBF       0x01   /* Output buffer full. */
#define STATUS_SYS       0x04   /* System flag: self-test passed. */
#define STATUS_A2        0x08   /* Last write was a command (port 0x64). */
#define STATUS_UNLOCKED  0x10   /* Keyboard not inhibited. */

/* Command byte (RAM byte 0) bits. */
#define CMD_KBD_INT      0x01   /* IRQ 1 when the output buffer fills. */
#define CMD_SYS          0x04   /* System flag. */
#define CMD_KBD_OFF      0x10   /* Keyboard clock disabled. */
#define CMD_AUX_OFF      0x20   /* Mouse clock disabled. */
#define CMD_POWER_ON     0x45   /* Translate, system flag, IRQ 1. */

/* Output port bits. */
#define OUT_RESET        0x01   /* CPU reset line, active low. */
#define OUT_A20          0x02   /* A20 gate. */
#define OUT_POWER_ON     (OUT_RESET | OUT_A20)

/* Controller commands. */
#define KBC_READ_RAM     0x20   /* 0x20-0x3f: read RAM byte N. */
#define KBC_WRITE_RAM    0x60   /* 0x60-0x7f: write RAM byte N. */
#define KBC_RAM_MASK     0x1f
#define KBC_AUX_OFF      0xa7
#define KBC_AUX_ON       0xa8
#define KBC_SELF_TEST    0xaa
#define KBC_KBD_TEST     0xab
#define KBC_KBD_OFF      0xad
#define KBC_KBD_ON       0xae
#define KBC_READ_OUT     0xd0
#define KBC_WRITE_OUT    0xd1
#define KBC_WRITE_KBD_OB 0xd2
#define KBC_WRITE_AUX    0xd4
#define KBC_PULSE        0xf0   /* 0xf0-0xff: pulse the lines whose bit
                                   (3-0) is clear; line 0 is reset. */
#define SELF_TEST_OK     0x55
#define KBD_TEST_OK      0x00

/* Keyboard commands and answers. */
#define KBD_SET_LEDS     0xed
#define KBD_ECHO         0xee
#define KBD_SCAN_SET     0xf0
#define KBD_IDENTIFY     0xf2
#define KBD_TYPEMATIC    0xf3
#define KBD_RESEND       0xfe
#define KBD_RESET        0xff
#define KBD_ACK          0xfa
#define KBD_PASSED       0xaa   /* Basic assurance test passed. */
#define KBD_ID_1         0xab   /* Identify: an MF2 keyboard. */
#define KBD_ID_2         0x83
#define KBD_SCAN_SET_DEFAULT 2

#define KBC_IRQ          1

/* Puts BYTE at the end of KBC's output queue (dropped if it is full). */
static void
kbc_push (struct vdev_kbc *kbc, uint8_t byte)
{
  if (kbc->count < VDEV_KBC_QUEUE)
    kbc->queue[(kbc->head + kbc->count++) % VDEV_KBC_QUEUE] = byte;
}

/* The keyboard sends BYTE to the controller. */
static void
kbd_send (struct vdev_kbc *kbc, uint8_t byte)
{
  kbc->last_sent = byte;
  kbc_push (kbc, byte);
}

/* Sets IRQ 1 as VM's controller says: high while a byte waits and the
   command byte enables the interrupt. */
static void
kbc_set_irq (struct vm *vm)
{
  struct vdev_kbc *kbc = &vm->kbc;
  vdev_pic_set_irq (vm, KBC_IRQ, kbc->count > 0 && (kbc->ram[0] & CMD_KBD_INT));
}

/* The guest asked the controller to reset the CPU: the VM restarts
   once this exit is done, if it may ("vmrun NAME+restarts=N",
   vm_restart in hv/vm.c), and ends otherwise. */
static enum exit_action
kbc_reset (struct vcpu *vcpu)
{
  if (vcpu->vm->restarts_left > 0)
    {
      vcpu->vm->restart_pending = true;
      return EXIT_RESUME;
    }
  return vm_fail (vcpu->vm, "reset requested through the keyboard controller");
}

/* The keyboard receives VALUE, the parameter byte of its command
   KBC->kbd_pending. */
static void
kbd_parameter (struct vdev_kbc *kbc, uint8_t value)
{
  uint8_t command = kbc->kbd_pending;
  kbc->kbd_pending = 0;
  if (command == KBD_SCAN_SET && value > 3)
    {
      kbd_send (kbc, KBD_RESEND);       /* No such set: "say again". */
      return;
    }
  kbd_send (kbc, KBD_ACK);
  if (command == KBD_SCAN_SET && value == 0)
    kbd_send (kbc, KBD_SCAN_SET_DEFAULT);
}

/* The keyboard receives VALUE from the guest, through port 0x60. */
static void
kbd_receive (struct vdev_kbc *kbc, uint8_t value)
{
  if (kbc->kbd_pending != 0)
    {
      kbd_parameter (kbc, value);
      return;
    }
  switch (value)
    {
    case KBD_ECHO:
      kbd_send (kbc, KBD_ECHO);
      break;
    case KBD_RESEND:
      kbd_send (kbc, kbc->last_sent);
      break;
    case KBD_RESET:
      kbd_send (kbc, KBD_ACK);
      kbd_send (kbc, KBD_PASSED);
      break;
    case KBD_IDENTIFY:
      kbd_send (kbc, KBD_ACK);
      kbd_send (kbc, KBD_ID_1);
      kbd_send (kbc, KBD_ID_2);
      break;
    case KBD_SET_LEDS: case KBD_SCAN_SET: case KBD_TYPEMATIC:
      kbc->kbd_pending = value;
      kbd_send (kbc, KBD_ACK);
      break;
    default:                    /* Enable, disable, defaults, ... */
      kbd_send (kbc, KBD_ACK);
      break;
    }
}

/* Carries out controller command COMMAND, written to port 0x64 by
   VCPU. */
static enum exit_action
kbc_command (struct vcpu *vcpu, uint8_t command)
{
  struct vdev_kbc *kbc = &vcpu->vm->kbc;

  kbc->pending = 0;
  if (command >= KBC_READ_RAM && command <= (KBC_READ_RAM | KBC_RAM_MASK))
    kbc_push (kbc, kbc->ram[command & KBC_RAM_MASK]);
  else if (command >= KBC_WRITE_RAM && command <= (KBC_WRITE_RAM | KBC_RAM_MASK))
    kbc->pending = command;
  else if (command >= KBC_PULSE)
    return command & OUT_RESET ? EXIT_RESUME : kbc_reset (vcpu);
  else
    switch (command)
      {
      case KBC_AUX_OFF: kbc->ram[0] |= CMD_AUX_OFF; break;
      case KBC_AUX_ON: kbc->ram[0] &= ~CMD_AUX_OFF; break;
      case KBC_KBD_OFF: kbc->ram[0] |= CMD_KBD_OFF; break;
      case KBC_KBD_ON: kbc->ram[0] &= ~CMD_KBD_OFF; break;
      case KBC_SELF_TEST:
        kbc->status |= STATUS_SYS;
        kbc_push (kbc, SELF_TEST_OK);
        break;
      case KBC_KBD_TEST: kbc_push (kbc, KBD_TEST_OK); break;
      case KBC_READ_OUT: kbc_push (kbc, kbc->output_port); break;
      case KBC_WRITE_OUT: case KBC_WRITE_KBD_OB: case KBC_WRITE_AUX:
        kbc->pending = command;
        break;
      default: break;           /* Not modelled: ignored. */
      }
  return EXIT_RESUME;
}

/* Carries out VCPU's write of VALUE to port 0x60: the data byte of
   the controller command waiting for one, else a byte for the
   keyboard. */
static enum exit_action
kbc_data (struct vcpu *vcpu, uint8_t value)
{
  struct vdev_kbc *kbc = &vcpu->vm->kbc;
  uint8_t command = kbc->pending;

  kbc->pending = 0;
  if (command >= KBC_WRITE_RAM && command <= (KBC_WRITE_RAM | KBC_RAM_MASK))
    {
      kbc->ram[command & KBC_RAM_MASK] = value;
      if (command == KBC_WRITE_RAM)     /* The command byte. */
        kbc->status = (kbc->status & ~STATUS_SYS) | (value & CMD_SYS);
    }
  else if (command == KBC_WRITE_OUT)
    {
      kbc->output_port = value;
      if (!(value & OUT_RESET))
        return kbc_reset (vcpu);
    }
  else if (command == KBC_WRITE_KBD_OB)
    kbc_push (kbc, value);
  else if (command != KBC_WRITE_AUX)    /* No mouse to take it. */
    kbd_receive (kbc, value);
  return EXIT_RESUME;
}

/* Returns the byte in KBC's output buffer, emptying it (the next
   queued byte takes its place); the last byte again if it is
   empty. */
static uint8_t
kbc_read_data (struct vdev_kbc *kbc)
{
  if (kbc->count > 0)
    {
      kbc->last = kbc->queue[kbc->head];
      kbc->head = (kbc->head + 1) % VDEV_KBC_QUEUE;
      kbc->count--;
    }
  return kbc->last;
}

/* Sets up VM's controller as the BIOS leaves it. */
void
vdev_kbc_init (struct vm *vm)
{
  struct vdev_kbc *kbc = &vm->kbc;
  memset (kbc, 0, sizeof *kbc);
  kbc->ram[0] = CMD_POWER_ON;
  kbc->status = STATUS_SYS;
  kbc->output_port = OUT_POWER_ON;
}

/* Port I/O to the data port (0x60) and the status and command port
   (0x64).  Only the low byte of a wider access counts. */
enum exit_action
vdev_kbc_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  struct vm *vm = vcpu->vm;
  struct vdev_kbc *kbc = &vm->kbc;
  enum exit_action action = EXIT_RESUME;

  if (pio->port == KBC_PORT_DATA && pio->in)
    {
      pio->value = kbc_read_data (kbc);
      vdev_pic_set_irq (vm, KBC_IRQ, false);    /* An edge for the next. */
    }
  else if (pio->in)
    pio->value = kbc->status | STATUS_UNLOCKED
                 | (kbc->count > 0 ? STATUS_OBF : 0);
  else if (pio->port == KBC_PORT_DATA)
    {
      kbc->status &= ~STATUS_A2;
      action = kbc_data (vcpu, pio->value);
    }
  else
    {
      kbc->status |= STATUS_A2;
      action = kbc_command (vcpu, pio->value);
    }
  kbc_set_irq (vm);
  return action;
}
