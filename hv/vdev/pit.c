/* The emulated 8254 programmable interval timer of a PC, and port
   0x61 (the speaker gate and channel 2's output).

   The counters run on the VM's virtual time (vdev_clock_ns), at the
   PIT's input rate of 1.193182 MHz, so nothing is computed until the
   guest looks: a channel remembers when its count was loaded, and
   its count and output at any moment follow from the time since.
   Channel 0's output is wired to IRQ 0 of the PIC: each period of
   modes 2 and 3 (and the terminal count of mode 0) is one rising
   edge.  As on a PC, a period that ends while the last timer
   interrupt is still waiting in the PIC is lost (counted in LOST):
   a guest that was descheduled for a while, or that kept interrupts
   off, sees fewer ticks than time passed, never a burst of them.
   (Delivering the missed ones later, back to back, broke guests
   that check each tick's work was done in that tick -- Ringlet's own
   alarm tests.)

   What a kernel uses is here: the control word (channel, access, mode,
   BCD), counts of 1 to 65536 written as low byte, high byte or both,
   the counter-latch command and the read-back command (count and
   status), modes 0 (interrupt on terminal count), 2 (rate generator)
   and 3 (square wave) in full; modes 1 and 5 act as 0 and 4, which
   count down once without repeating; channel 2's gate (port 0x61 bit
   0) stops and restarts it, and its output is port 0x61 bit 5.
   Channel 1 counts but is wired to nothing.  PC_LOCK guards it all. */

#include "hv/hv.h"
#include "threads/interrupt.h"

#define PIT_HZ 1193182ull               /* Input clock. */
#define NSEC_PER_SEC 1000000000ull
#define PIT_CTL_READBACK 3              /* Control word SC field: read-back. */
#define PORT61_GATE2 0x01               /* Port 0x61: channel 2 gate. */
#define PORT61_WRITABLE 0x0f            /* Port 0x61 bits the guest sets. */
#define PORT61_REFRESH 0x10             /* Port 0x61: refresh toggle. */
#define PORT61_OUT2 0x20                /* Port 0x61: channel 2 output. */
#define REFRESH_NS 15085                /* A refresh cycle, 15.085 us. */

/* Returns the VM's virtual time in PIT input cycles. */
static uint64_t
pit_now (const struct vm *vm)
{
  uint64_t ns = vdev_clock_ns (vm);
  return ns / NSEC_PER_SEC * PIT_HZ + ns % NSEC_PER_SEC * PIT_HZ / NSEC_PER_SEC;
}

/* Sets up VM's PIT: no channel counts until the guest loads a count;
   channel 2's gate is low. */
void
vdev_pit_init (struct vm *vm)
{
  struct vdev_pit *pit = &vm->pit;
  for (int i = 0; i < 3; i++)
    {
      struct vdev_pit_channel *c = &pit->ch[i];
      c->mode = 0;
      c->access = 3;
      c->bcd = false;
      c->reload = 65536;
      c->armed = false;
      c->write_high_next = c->read_high_next = false;
      c->latched = c->status_latched = false;
      c->gate = i != 2;
      c->irq_done = 0;
      c->oneshot_done = false;
    }
  pit->port61 = 0;
  pit->lost = 0;
}

/* Returns true for the modes that count down once (0, 1, 4, 5),
   false for the periodic ones (2, 3). */
static bool
pit_one_shot (const struct vdev_pit_channel *c)
{
  return c->mode != 2 && c->mode != 3;
}

/* Returns input cycles channel C has counted by NOW: 0 if it is not
   armed, stopped at the moment its gate fell if the gate is low. */
static uint64_t
pit_elapsed (const struct vdev_pit_channel *c, uint64_t now)
{
  if (!c->armed)
    return 0;
  if (!c->gate)
    return c->frozen;
  return now - c->start;
}

/* Returns channel C's count at NOW, as the counter would hold it
   (binary; 0 stands for 65536 only as a reload). */
static uint16_t
pit_count (const struct vdev_pit_channel *c, uint64_t now)
{
  if (!c->armed)
    return c->reload & 0xffff;
  uint64_t d = pit_elapsed (c, now);
  if (pit_one_shot (c))
    {
      /* Past 0 the count goes on down from the largest: 0xffff, or
         9999 in BCD. */
      uint32_t modulus = c->bcd ? 10000 : 65536;
      return (c->reload + modulus - d % modulus) % modulus;
    }
  if (c->mode == 2)
    return c->reload - d % c->reload;
  /* Mode 3 counts down by two, twice per period. */
  uint32_t half = c->reload / 2;
  uint32_t in_period = d % c->reload;
  uint32_t in_half = in_period < (c->reload + 1) / 2 ? in_period
                                                     : in_period - (c->reload + 1) / 2;
  uint32_t count = (c->reload & ~1u) - 2 * in_half;
  return half == 0 ? c->reload : count;
}

/* Returns channel C's output at NOW. */
static bool
pit_out (const struct vdev_pit_channel *c, uint64_t now)
{
  if (!c->armed)
    return c->mode != 0;
  uint64_t d = pit_elapsed (c, now);
  switch (c->mode)
    {
    case 0: case 1:
      return d >= c->reload;
    case 2:
      return d % c->reload != c->reload - 1;
    case 3:
      return d % c->reload < (c->reload + 1) / 2;
    default:                    /* 4, 5: a one-cycle low pulse. */
      return d != c->reload;
    }
}

/* Converts a count between binary and BCD. */
static uint32_t
pit_from_bcd (uint32_t v)
{
  return (v >> 12 & 0xf) * 1000 + (v >> 8 & 0xf) * 100 + (v >> 4 & 0xf) * 10
         + (v & 0xf);
}

static uint16_t
pit_to_bcd (uint32_t v)
{
  v %= 10000;
  return (v / 1000) << 12 | (v / 100 % 10) << 8 | (v / 10 % 10) << 4 | v % 10;
}

/* Raises IRQ 0 for channel 0's periods that have passed, one at a
   time: a rising edge only when the PIC has taken the last one.
   PC_LOCK held. */
static void
pit_update_locked (struct vm *vm)
{
  struct vdev_pit *pit = &vm->pit;
  struct vdev_pit_channel *c = &pit->ch[0];
  if (!c->armed)
    return;
  uint64_t d = pit_elapsed (c, pit_now (vm));
  uint64_t periods = pit_one_shot (c) ? (d >= c->reload ? 1 : 0) : d / c->reload;
  if (periods <= c->irq_done)
    return;
  if (vm->pic.chip[0].irr & 1)
    {
      /* The last one is not taken yet: these are lost. */
      pit->lost += periods - c->irq_done;
      c->irq_done = periods;
      return;
    }
  pit->lost += periods - c->irq_done - 1;
  c->irq_done = periods;
  vdev_pic_set_irq_locked (vm, 0, true);
  vdev_pic_set_irq_locked (vm, 0, false);
}

/* Brings VM's PIT up to date: raises the timer interrupts due. */
void
vdev_pit_update (struct vm *vm)
{
  enum intr_level old = vdev_pc_lock (vm);
  pit_update_locked (vm);
  vdev_pc_unlock (vm, old);
}

/* Returns the VM time, in nanoseconds, at which channel 0 next raises
   IRQ 0, or -1 if it will not (stopped, or a one-shot count done).
   A timer interrupt still owed is due now. */
int64_t
vdev_pit_next_ns (struct vm *vm)
{
  struct vdev_pit_channel *c = &vm->pit.ch[0];
  enum intr_level old = vdev_pc_lock (vm);
  int64_t next = -1;
  if (c->armed && !(pit_one_shot (c) && c->irq_done > 0))
    {
      uint64_t due = (c->irq_done + 1) * (uint64_t) c->reload + c->start;
      next = due / PIT_HZ * NSEC_PER_SEC + due % PIT_HZ * NSEC_PER_SEC / PIT_HZ;
    }
  vdev_pc_unlock (vm, old);
  return next;
}

/* Loads channel C with COUNT (as written: BCD if the channel counts
   in BCD; 0 means the largest count) at NOW. */
static void
pit_load (struct vdev_pit_channel *c, uint32_t count, uint64_t now)
{
  if (c->bcd)
    count = pit_from_bcd (count);
  if (count == 0)
    count = c->bcd ? 10000 : 65536;
  /* Modes 2 and 3 cannot count 1. */
  if (count == 1 && !pit_one_shot (c))
    count = 2;
  c->reload = count;
  c->armed = true;
  c->start = now;
  c->frozen = 0;
  c->irq_done = 0;
}

/* Latches channel C's count at NOW, unless one is latched already. */
static void
pit_latch_count (struct vdev_pit_channel *c, uint64_t now)
{
  if (c->latched)
    return;
  uint16_t count = pit_count (c, now);
  c->latch = c->bcd ? pit_to_bcd (count) : count;
  c->latched = true;
  c->latch_bytes = c->access == 3 ? 2 : 1;
}

/* Returns channel C's status byte at NOW, as read-back gives it. */
static uint8_t
pit_status (const struct vdev_pit_channel *c, uint64_t now)
{
  return (pit_out (c, now) ? 0x80 : 0) | (c->armed ? 0 : 0x40)
         | c->access << 4 | c->mode << 1 | (c->bcd ? 1 : 0);
}

/* A write of VALUE to the control port at NOW. */
static void
pit_control (struct vdev_pit *pit, uint8_t value, uint64_t now)
{
  unsigned sc = value >> 6;
  unsigned access = value >> 4 & 3;

  if (sc == PIT_CTL_READBACK)
    {
      for (int i = 0; i < 3; i++)
        if (value & (2 << i))
          {
            struct vdev_pit_channel *c = &pit->ch[i];
            if (!(value & 0x20))
              pit_latch_count (c, now);
            if (!(value & 0x10) && !c->status_latched)
              {
                c->status = pit_status (c, now);
                c->status_latched = true;
              }
          }
      return;
    }
  struct vdev_pit_channel *c = &pit->ch[sc];
  if (access == 0)
    {
      pit_latch_count (c, now);
      return;
    }
  c->access = access;
  c->mode = value >> 1 & 7;
  if (c->mode > 5)
    c->mode -= 4;               /* 6 and 7 are 2 and 3. */
  c->bcd = value & 1;
  c->armed = false;
  c->latched = c->status_latched = false;
  c->write_high_next = c->read_high_next = false;
}

/* A read of channel C's counter port at NOW. */
static uint8_t
pit_read (struct vdev_pit_channel *c, uint64_t now)
{
  if (c->status_latched)
    {
      c->status_latched = false;
      return c->status;
    }
  uint16_t count;
  bool high;
  if (c->latched)
    {
      count = c->latch;
      high = c->access == 2 || (c->access == 3 && c->latch_bytes == 1);
      if (--c->latch_bytes == 0)
        c->latched = false;
    }
  else
    {
      count = pit_count (c, now);
      if (c->bcd)
        count = pit_to_bcd (count);
      high = c->access == 2 || (c->access == 3 && c->read_high_next);
      if (c->access == 3)
        c->read_high_next = !c->read_high_next;
    }
  return high ? count >> 8 : count & 0xff;
}

/* A write of VALUE to channel C's counter port at NOW. */
static void
pit_write (struct vdev_pit_channel *c, uint8_t value, uint64_t now)
{
  switch (c->access)
    {
    case 1:
      pit_load (c, value, now);
      break;
    case 2:
      pit_load (c, (uint32_t) value << 8, now);
      break;
    default:
      if (!c->write_high_next)
        {
          c->write_low = value;
          c->write_high_next = true;
        }
      else
        {
          c->write_high_next = false;
          pit_load (c, (uint32_t) value << 8 | c->write_low, now);
        }
      break;
    }
}

/* Port I/O to the counters (0x40-0x42) and the control port (0x43).
   Only the low byte of a wider access counts. */
enum exit_action
vdev_pit_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  struct vm *vm = vcpu->vm;
  struct vdev_pit *pit = &vm->pit;
  unsigned reg = pio->port - 0x40;

  enum intr_level old = vdev_pc_lock (vm);
  uint64_t now = pit_now (vm);
  pit_update_locked (vm);
  if (reg == 3)
    {
      if (pio->in)
        pio->value = UINT32_MAX;        /* The control port is write-only. */
      else
        pit_control (pit, pio->value, now);
    }
  else if (pio->in)
    pio->value = pit_read (&pit->ch[reg], now);
  else
    pit_write (&pit->ch[reg], pio->value, now);
  vdev_pc_unlock (vm, old);
  return EXIT_RESUME;
}

/* Port 0x61: bit 0 gates channel 2, bit 1 enables the speaker, bit 4
   toggles with each memory-refresh cycle, bit 5 is channel 2's
   output. */
enum exit_action
vdev_port61_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  struct vm *vm = vcpu->vm;
  struct vdev_pit *pit = &vm->pit;
  struct vdev_pit_channel *c = &pit->ch[2];

  enum intr_level old = vdev_pc_lock (vm);
  uint64_t now = pit_now (vm);
  if (pio->in)
    pio->value = pit->port61
                 | (vdev_clock_ns (vm) / REFRESH_NS % 2 ? PORT61_REFRESH : 0)
                 | (pit_out (c, now) ? PORT61_OUT2 : 0);
  else
    {
      bool gate = pio->value & PORT61_GATE2;
      if (gate != c->gate && c->armed)
        {
          if (!gate)
            c->frozen = now - c->start;         /* Stops counting. */
          else if (pit_one_shot (c) && c->mode != 1 && c->mode != 5)
            c->start = now - c->frozen;         /* Goes on. */
          else
            c->start = now;                     /* A rising gate restarts. */
        }
      c->gate = gate;
      pit->port61 = pio->value & PORT61_WRITABLE;
    }
  vdev_pc_unlock (vm, old);
  return EXIT_RESUME;
}
