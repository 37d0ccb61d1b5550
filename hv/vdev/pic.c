/* The emulated 8259A programmable interrupt controller pair of a PC:
   a master whose line 2 is the slave's output, lines 0-7 and 8-15.

   Devices drive input lines (vdev_pic_set_irq); a rising edge (or a
   high level, for a line the edge/level control register makes
   level-triggered) sets the line's bit in the interrupt request
   register IRR.  The chip offers the CPU the highest-priority request
   that is not masked in IMR and outranks everything in service (ISR);
   the CPU's acknowledgement (vdev_pic_ack, hv/irq.c calls it once the
   guest has taken the interrupt) moves the request from IRR to ISR,
   and the guest's end-of-interrupt command clears it from ISR.

   The guest programs each chip as on a PC (8259A data sheet):
   - ICW1 (command port, bit 4 set) starts initialisation, then ICW2
     (the vector of line 0), ICW3 (the cascade wiring) and, if ICW1
     asked for it, ICW4 (8086 mode, automatic EOI) go to the data
     port;
   - after that the data port is the mask register (OCW1), and the
     command port takes OCW2 (EOI: non-specific, specific, with
     rotation; set priority) and OCW3 (read IRR or ISR next, poll,
     special mask mode).
   A request that is gone by the time the CPU acknowledges it gives
   the chip's spurious vector, line 7 (line 15 on the slave, which
   the master sees in service on line 2), with nothing put in
   service on that chip.

   An uninitialised chip (before its first ICW1...ICW4) offers
   nothing: a kernel that never sets up the PIC gets no interrupts
   from it.  All state is under the VM's pc_lock. */

#include "hv/hv.h"
#include "threads/interrupt.h"

/* Port offsets and command bits (8259A data sheet). */
#define PIC_ICW1         0x10   /* Command port: this is ICW1. */
#define PIC_ICW1_IC4     0x01   /* ICW1: ICW4 follows. */
#define PIC_ICW1_SNGL    0x02   /* ICW1: single chip, no ICW3. */
#define PIC_OCW3         0x08   /* Command port, bit 4 clear: OCW3. */
#define PIC_ICW4_AEOI    0x02   /* ICW4: automatic end of interrupt. */
#define PIC_OCW3_RR      0x02   /* OCW3: act on RIS. */
#define PIC_OCW3_RIS     0x01   /* OCW3: read ISR (else IRR). */
#define PIC_OCW3_POLL    0x04   /* OCW3: poll command. */
#define PIC_OCW3_ESMM    0x40   /* OCW3: act on SMM. */
#define PIC_OCW3_SMM     0x20   /* OCW3: special mask mode on. */
#define PIC_CASCADE_LINE 2      /* The master's line the slave drives. */
#define PIC_SPURIOUS     7      /* Line whose vector a spurious
                                   acknowledgement gives. */

/* OCW2's R, SL and EOI bits (7-5). */
enum pic_ocw2
  {
    OCW2_ROTATE_AEOI_CLEAR = 0, /* Automatic rotation off. */
    OCW2_EOI = 1,               /* Non-specific EOI. */
    OCW2_NOP = 2,
    OCW2_SPECIFIC_EOI = 3,      /* EOI of line L. */
    OCW2_ROTATE_AEOI_SET = 4,   /* Automatic rotation on. */
    OCW2_ROTATE_EOI = 5,        /* Non-specific EOI, then rotate. */
    OCW2_SET_PRIORITY = 6,      /* Line L becomes the lowest. */
    OCW2_ROTATE_SPECIFIC = 7    /* EOI of line L, then rotate. */
  };

/* Resets CHIP as power-on leaves it: uninitialised, nothing pending. */
static void
pic_reset (struct vdev_pic_chip *chip)
{
  chip->irr = chip->isr = chip->imr = 0;
  chip->icw_step = 0;
  chip->icw4_needed = chip->single = chip->auto_eoi = false;
  chip->read_isr = chip->special_mask = chip->poll = false;
  chip->initialised = false;
  chip->priority_low = 7;
  chip->rotate_on_aeoi = false;
  chip->vector_base = 0;
}

/* Sets up VM's PIC pair: both chips uninitialised, every line
   edge-triggered and low. */
void
vdev_pic_init (struct vm *vm)
{
  struct vdev_pic *pic = &vm->pic;
  for (int i = 0; i < 2; i++)
    {
      pic_reset (&pic->chip[i]);
      pic->chip[i].lines = 0;
      pic->elcr[i] = 0;
    }
}

/* Returns the line of the highest-priority bit in BITS under CHIP's
   rotation, or -1 if BITS is 0. */
static int
pic_first (const struct vdev_pic_chip *chip, uint8_t bits)
{
  for (int i = 1; i <= 8; i++)
    {
      int line = (chip->priority_low + i) % 8;
      if (bits & (1u << line))
        return line;
    }
  return -1;
}

/* Returns the priority rank of LINE on CHIP: 0 is the highest. */
static int
pic_rank (const struct vdev_pic_chip *chip, int line)
{
  return (line - chip->priority_low + 7) % 8;
}

/* Returns the line CHIP would interrupt for, given REQUESTS (its IRR,
   with the cascade input for the master), or -1: the highest
   unmasked request that outranks the highest line in service (in
   special mask mode, lines in service do not block others). */
static int
pic_chip_pending (const struct vdev_pic_chip *chip, uint8_t requests)
{
  if (!chip->initialised)
    return -1;
  int line = pic_first (chip, requests & ~chip->imr);
  if (line < 0)
    return -1;
  uint8_t blocking = chip->isr;
  if (chip->special_mask)
    blocking &= ~chip->imr;
  int served = pic_first (chip, blocking);
  if (served >= 0 && pic_rank (chip, served) <= pic_rank (chip, line))
    return -1;
  return line;
}

/* Returns the master's requests: its IRR, with line 2 high while the
   slave has an interrupt to give. */
static uint8_t
pic_master_requests (const struct vdev_pic *pic)
{
  uint8_t requests = pic->chip[0].irr;
  if (pic_chip_pending (&pic->chip[1], pic->chip[1].irr) >= 0)
    requests |= 1u << PIC_CASCADE_LINE;
  return requests;
}

/* Sets input line IRQ (0-15) of VM's PIC to LEVEL.  pc_lock held. */
void
vdev_pic_set_irq_locked (struct vm *vm, unsigned irq, bool level)
{
  struct vdev_pic *pic = &vm->pic;
  struct vdev_pic_chip *chip = &pic->chip[irq / 8];
  uint8_t bit = 1u << (irq % 8);
  bool level_mode = pic->elcr[irq / 8] & bit;

  if (level)
    {
      if (level_mode || !(chip->lines & bit))
        {
          if (!(chip->irr & bit))
            pic->raised[irq]++;
          chip->irr |= bit;
        }
      chip->lines |= bit;
    }
  else
    {
      chip->lines &= ~bit;
      if (level_mode)
        chip->irr &= ~bit;
    }
}

/* Sets input line IRQ (0-15) of VM's PIC to LEVEL: a device raises or
   lowers its interrupt line.  A device that signals by an edge sets
   the line high, then low. */
void
vdev_pic_set_irq (struct vm *vm, unsigned irq, bool level)
{
  ASSERT (irq < 16);
  enum intr_level old = vdev_pc_lock (vm);
  vdev_pic_set_irq_locked (vm, irq, level);
  vdev_pc_unlock (vm, old);
}

/* Returns the vector VM's PIC offers the CPU now, or -1 if none. */
int
vdev_pic_pending (struct vm *vm)
{
  struct vdev_pic *pic = &vm->pic;
  enum intr_level old = vdev_pc_lock (vm);
  int vector = -1;
  int line = pic_chip_pending (&pic->chip[0], pic_master_requests (pic));
  if (line == PIC_CASCADE_LINE && !pic->chip[0].single)
    vector = pic->chip[1].vector_base
             + pic_chip_pending (&pic->chip[1], pic->chip[1].irr);
  else if (line >= 0)
    vector = pic->chip[0].vector_base + line;
  vdev_pc_unlock (vm, old);
  return vector;
}

/* The CPU acknowledges on CHIP, whose requests are REQUESTS: returns
   the line it is given (the spurious line if none is left), puts it
   in service unless in automatic-EOI mode, and clears its request if
   edge-triggered.  Sets *SPURIOUS if nothing was pending. */
static int
pic_chip_ack (struct vdev_pic_chip *chip, uint8_t requests, uint8_t elcr,
              bool *spurious)
{
  int line = pic_chip_pending (chip, requests);
  if (line < 0)
    {
      *spurious = true;
      return PIC_SPURIOUS;
    }
  uint8_t bit = 1u << line;
  if (!(elcr & bit))
    chip->irr &= ~bit;
  if (!chip->auto_eoi)
    chip->isr |= bit;
  else if (chip->rotate_on_aeoi)
    chip->priority_low = line;
  return line;
}

/* The interrupt-acknowledge cycle: the guest has taken the interrupt
   VM's PIC offered.  Returns the vector given, and updates IRR and
   ISR as the two chips would. */
int
vdev_pic_ack (struct vm *vm)
{
  struct vdev_pic *pic = &vm->pic;
  enum intr_level old = vdev_pc_lock (vm);
  bool spurious = false;
  int vector;
  uint8_t requests = pic_master_requests (pic);
  int line = pic_chip_ack (&pic->chip[0], requests, pic->elcr[0], &spurious);
  if (line == PIC_CASCADE_LINE && !spurious && !pic->chip[0].single)
    {
      int sline = pic_chip_ack (&pic->chip[1], pic->chip[1].irr,
                                pic->elcr[1], &spurious);
      vector = pic->chip[1].vector_base + sline;
      line = 8 + sline;
    }
  else
    vector = pic->chip[0].vector_base + line;
  if (spurious)
    pic->spurious++;
  else
    pic->delivered[line]++;
  vdev_pc_unlock (vm, old);
  return vector;
}

/* Clears the highest-priority line in service on CHIP (a
   non-specific EOI), rotating priorities if ROTATE. */
static void
pic_eoi (struct vdev_pic_chip *chip, bool rotate)
{
  int line = pic_first (chip, chip->isr);
  if (line < 0)
    return;
  chip->isr &= ~(1u << line);
  if (rotate)
    chip->priority_low = line;
}

/* A write of VALUE to CHIP's command port: ICW1, OCW2 or OCW3. */
static void
pic_write_command (struct vdev_pic_chip *chip, uint8_t value)
{
  if (value & PIC_ICW1)
    {
      uint8_t lines = chip->lines;
      pic_reset (chip);
      chip->lines = lines;
      chip->icw_step = 2;
      chip->icw4_needed = value & PIC_ICW1_IC4;
      chip->single = value & PIC_ICW1_SNGL;
    }
  else if (value & PIC_OCW3)
    {
      if (value & PIC_OCW3_RR)
        chip->read_isr = value & PIC_OCW3_RIS;
      if (value & PIC_OCW3_ESMM)
        chip->special_mask = value & PIC_OCW3_SMM;
      /* Poll: the next read of the command port acknowledges; see
         pic_read. */
      if (value & PIC_OCW3_POLL)
        chip->poll = true;
    }
  else
    {
      unsigned line = value & 7;
      switch ((enum pic_ocw2) (value >> 5))
        {
        case OCW2_EOI: pic_eoi (chip, false); break;
        case OCW2_ROTATE_EOI: pic_eoi (chip, true); break;
        case OCW2_SPECIFIC_EOI: chip->isr &= ~(1u << line); break;
        case OCW2_ROTATE_SPECIFIC:
          chip->isr &= ~(1u << line);
          chip->priority_low = line;
          break;
        case OCW2_SET_PRIORITY: chip->priority_low = line; break;
        case OCW2_ROTATE_AEOI_SET: chip->rotate_on_aeoi = true; break;
        case OCW2_ROTATE_AEOI_CLEAR: chip->rotate_on_aeoi = false; break;
        case OCW2_NOP: break;
        }
    }
}

/* A write of VALUE to CHIP's data port: the next initialisation word,
   or the mask. */
static void
pic_write_data (struct vdev_pic_chip *chip, uint8_t value)
{
  switch (chip->icw_step)
    {
    case 2:
      chip->vector_base = value & 0xf8;
      chip->icw_step = !chip->single ? 3 : chip->icw4_needed ? 4 : 0;
      break;
    case 3:                     /* The wiring is fixed: nothing to keep. */
      chip->icw_step = chip->icw4_needed ? 4 : 0;
      break;
    case 4:
      chip->auto_eoi = value & PIC_ICW4_AEOI;
      chip->icw_step = 0;
      break;
    default:
      chip->imr = value;
      break;
    }
  if (chip->icw_step == 0)
    chip->initialised = true;
}

/* Port I/O to the PIC pair: command and data ports of either chip,
   and the two edge/level control registers. */
enum exit_action
vdev_pic_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  struct vm *vm = vcpu->vm;
  struct vdev_pic *pic = &vm->pic;
  uint8_t value = pio->value;

  if (pio->port == 0x4d0 || pio->port == 0x4d1)
    {
      enum intr_level old = vdev_pc_lock (vm);
      /* Lines 0-2 (timer, keyboard, cascade) and 8, 13 are always
         edge-triggered on a PC. */
      static const uint8_t writable[2] = { 0xf8, 0xde };
      unsigned i = pio->port - 0x4d0;
      if (pio->in)
        pio->value = pic->elcr[i];
      else
        pic->elcr[i] = value & writable[i];
      vdev_pc_unlock (vm, old);
      return EXIT_RESUME;
    }

  unsigned i = pio->port >= 0xa0;
  struct vdev_pic_chip *chip = &pic->chip[i];
  bool data = pio->port & 1;
  if (!pio->in)
    {
      enum intr_level old = vdev_pc_lock (vm);
      if (data)
        pic_write_data (chip, value);
      else
        pic_write_command (chip, value);
      vdev_pc_unlock (vm, old);
      return EXIT_RESUME;
    }

  if (data)
    {
      pio->value = chip->imr;
      return EXIT_RESUME;
    }
  /* IRR and the poll show the timers' requests that have fallen due,
     even while the CPU has not looked for interrupts (as when the
     guest keeps IF clear with another interrupt pending). */
  vdev_pc_update (vm);
  if (chip->poll)
    {
      /* Poll: acknowledge as an interrupt would, and say which line. */
      enum intr_level old = vdev_pc_lock (vm);
      chip->poll = false;
      uint8_t requests = i == 0 ? pic_master_requests (pic) : chip->irr;
      bool spurious = false;
      int line = pic_chip_ack (chip, requests, pic->elcr[i], &spurious);
      pio->value = spurious ? 0 : 0x80 | line;
      vdev_pc_unlock (vm, old);
    }
  else if (chip->read_isr)
    pio->value = chip->isr;
  else
    {
      /* The master's line 2 is the slave's INT output: high while the
         slave has an interrupt to give. */
      enum intr_level old = vdev_pc_lock (vm);
      pio->value = i == 0 ? pic_master_requests (pic) : chip->irr;
      vdev_pc_unlock (vm, old);
    }
  return EXIT_RESUME;
}
