/* The emulated MC146818 real-time clock and its CMOS memory at ports
   0x70 (index; bit 7, the PC's NMI mask, is ignored) and 0x71 (data).

   The clock starts at the host's wall-clock time when the VM is
   created (hv/vdev/rtc-clock.c reads it) and counts the
   VM's virtual time (vdev_clock_ns), so nothing runs until the guest
   looks: the registers follow from the time since the clock was last
   set.  Modelled (MC146818 data sheet):
   - seconds, minutes, hours, day of the week, day of the month,
     month, year, and the PC's century byte (0x32), in BCD or binary
     and 12 or 24 hours as status B says (the time is kept in binary,
     so changing the mode converts what is read back);
   - status A: UIP reads 1 from 244 us before each update to the end
     of its update cycle, 1984 us later (the data sheet's figures for
     the 32.768 kHz time base; the registers change at its start);
     the rate bits choose the periodic rate; the divider bits are
     kept but the divider always runs;
   - status B: SET stops the clock (the guest writes the time, which
     starts again, from the values written, when SET is cleared; a
     clock register written without SET sets the time at once);
     PIE, AIE and UIE enable IRQ 8; DM and 24/12 choose the format;
     SQWE and DSE are kept and do nothing;
   - status C: PF, AF and UF as events pass, IRQF when an enabled one
     is set; reading it clears them and lowers IRQ 8; status D: VRT.
     IRQ 8 rises when IRQF does: a guest that never reads C gets one
     interrupt.  Periodic ticks a guest misses are not counted twice;
   - the alarm registers, with 0xc0-0xff as "any";
   - the CMOS bytes a kernel reads: equipment, memory sizes from the
     VM's RAM, their checksum; the other bytes keep what is written.
   Out-of-range values written to the clock are brought into range
   when the clock starts from them (the day clipped to the month).

   Devices' state is guarded by the VM's pc_lock: port exits come on
   the boot CPU, vdev_rtc_update wherever VCPU 0 runs. */

#include <string.h>
#include "hv/hv.h"
#include "threads/interrupt.h"

/* CMOS bytes beyond the clock's (IBM AT layout). */
#define CMOS_EQUIPMENT   0x14   /* IBM AT equipment byte. */
#define CMOS_BASE_KB     0x15   /* 0x15-0x16: KiB below 1 MiB. */
#define CMOS_EXT_KB      0x17   /* 0x17-0x18: KiB above 1 MiB. */
#define CMOS_SUM_FIRST   0x10   /* The checksum covers 0x10-0x2d... */
#define CMOS_SUM_LAST    0x2d
#define CMOS_SUM         0x2e   /* ...and sits in 0x2e (high), 0x2f. */
#define CMOS_EXT_KB2     0x30   /* 0x30-0x31: KiB above 1 MiB again. */
#define CMOS_HIGH_64K    0x34   /* 0x34-0x35: 64 KiB blocks above 16 MiB. */
#define CMOS_INDEX_MASK  0x7f   /* Port 0x70 bit 7 masks NMI. */

/* Status A and B as a BIOS leaves them. */
#define A_POWER_ON       0x26   /* 32.768 kHz divider, 1024 Hz rate. */
#define B_POWER_ON       RTC_B_24H

/* What the PC around the clock has. */
#define RTC_IRQ          8
#define EQUIPMENT        0x02   /* Coprocessor, no diskette, EGA/VGA. */
#define BASE_KB          640
#define KB               1024u
#define MB               (1024u * 1024)
#define HIGH_MEMORY      (16 * MB)
#define HIGH_BLOCK       (64 * KB)
#define EXT_KB_MAX       0xffff

/* Time. */
#define NSEC_PER_SEC     1000000000ull
#define UIP_BEFORE_NS    244000 /* UIP rises 244 us before an update... */
#define UIP_UPDATE_NS    1984000 /* ...which lasts 1984 us (32.768 kHz). */
#define XTAL_HZ          32768  /* The time base. */

/* Returns VALUE, or LOW or HIGH if it is outside them. */
static unsigned
clamp (unsigned value, unsigned low, unsigned high)
{
  return value < low ? low : value > high ? high : value;
}

/* ---- The running clock ---- */

/* Returns NOW - THEN, or 0 if THEN is later (CPUs' clocks may differ
   a little). */
static uint64_t
since (uint64_t now, uint64_t then)
{
  return now > then ? now - then : 0;
}

/* Returns the updates RTC's running clock has made by virtual time
   NOW since it was started. */
static uint64_t
rtc_updates (const struct vdev_rtc *rtc, uint64_t now)
{
  return since (now, rtc->epoch_ns) / NSEC_PER_SEC;
}

/* Stores in T what the clock of RTC reads at virtual time NOW. */
static void
rtc_read_time (const struct vdev_rtc *rtc, uint64_t now,
               struct vdev_rtc_time *t)
{
  if (rtc->cmos[RTC_B] & RTC_B_SET)
    *t = rtc->held;
  else
    vdev_rtc_sec_to_time (rtc->epoch_sec + rtc_updates (rtc, now),
                          rtc->wday_shift, t);
}

/* Starts RTC's clock at virtual time NOW from T, whose fields are
   each in their register's range: the day is clipped to the month. */
static void
rtc_start (struct vdev_rtc *rtc, struct vdev_rtc_time t, uint64_t now)
{
  t.mday = clamp (t.mday, 1, vdev_rtc_days_in_month (t.year, t.month));
  rtc->epoch_sec = vdev_rtc_time_to_sec (&t);
  rtc->epoch_ns = now;
  unsigned day_in_week = rtc->epoch_sec / VDEV_RTC_SEC_PER_DAY % 7;
  rtc->wday_shift = (t.wday - 1 + 7 - day_in_week) % 7;
}

/* Returns true if status A's UIP bit is set at virtual time NOW: from
   244 us before an update to the end of its update cycle (the clock
   registers change at its start here).  Never while SET is on. */
static bool
rtc_uip (const struct vdev_rtc *rtc, uint64_t now)
{
  if (rtc->cmos[RTC_B] & RTC_B_SET)
    return false;
  uint64_t running = since (now, rtc->epoch_ns);
  uint64_t phase = running % NSEC_PER_SEC;
  return phase >= NSEC_PER_SEC - UIP_BEFORE_NS
         || (running >= NSEC_PER_SEC && phase < UIP_UPDATE_NS);
}

/* ---- Register formats ---- */

/* Returns VALUE (0-99) as status B of RTC says the clock registers
   hold it: binary or BCD. */
static uint8_t
rtc_encode (const struct vdev_rtc *rtc, unsigned value)
{
  if (rtc->cmos[RTC_B] & RTC_B_BINARY)
    return value;
  return (value / 10) << 4 | value % 10;
}

/* Returns the value REG holds in RTC's format (BCD digits above 9
   give values that are out of range, and are clipped later). */
static unsigned
rtc_decode (const struct vdev_rtc *rtc, uint8_t reg)
{
  if (rtc->cmos[RTC_B] & RTC_B_BINARY)
    return reg;
  return (reg >> 4) * 10 + (reg & 0xf);
}

/* Returns HOUR (0-23) as RTC's hour registers hold it. */
static uint8_t
rtc_encode_hour (const struct vdev_rtc *rtc, unsigned hour)
{
  if (rtc->cmos[RTC_B] & RTC_B_24H)
    return rtc_encode (rtc, hour);
  unsigned h12 = hour % 12 == 0 ? 12 : hour % 12;
  return rtc_encode (rtc, h12) | (hour >= 12 ? RTC_HOUR_PM : 0);
}

/* Returns the hour (0-23, unless REG is out of range) REG holds. */
static unsigned
rtc_decode_hour (const struct vdev_rtc *rtc, uint8_t reg)
{
  if (rtc->cmos[RTC_B] & RTC_B_24H)
    return rtc_decode (rtc, reg);
  unsigned h12 = rtc_decode (rtc, reg & ~RTC_HOUR_PM);
  return h12 % 12 + (reg & RTC_HOUR_PM ? 12 : 0);
}

/* Returns clock register REG of RTC at virtual time NOW. */
static uint8_t
rtc_clock_read (const struct vdev_rtc *rtc, unsigned reg, uint64_t now)
{
  struct vdev_rtc_time t;
  rtc_read_time (rtc, now, &t);
  switch (reg)
    {
    case RTC_SEC: return rtc_encode (rtc, t.sec);
    case RTC_MIN: return rtc_encode (rtc, t.min);
    case RTC_HOUR: return rtc_encode_hour (rtc, t.hour);
    case RTC_WDAY: return rtc_encode (rtc, t.wday);
    case RTC_MDAY: return rtc_encode (rtc, t.mday);
    case RTC_MONTH: return rtc_encode (rtc, t.month);
    case RTC_YEAR: return rtc_encode (rtc, t.year % 100);
    default: return rtc_encode (rtc, t.year / 100);      /* Century. */
    }
}

/* Writes VALUE to clock register REG of RTC at virtual time NOW:
   into the stopped clock while SET is on, else the clock starts
   again from the new time. */
static void
rtc_clock_write (struct vdev_rtc *rtc, unsigned reg, uint8_t value,
                 uint64_t now)
{
  struct vdev_rtc_time t;
  rtc_read_time (rtc, now, &t);
  unsigned v = rtc_decode (rtc, value);
  switch (reg)
    {
    case RTC_SEC: t.sec = clamp (v, 0, 59); break;
    case RTC_MIN: t.min = clamp (v, 0, 59); break;
    case RTC_HOUR: t.hour = clamp (rtc_decode_hour (rtc, value), 0, 23); break;
    case RTC_WDAY: t.wday = clamp (v, 1, 7); break;
    case RTC_MDAY: t.mday = clamp (v, 1, 31); break;
    case RTC_MONTH: t.month = clamp (v, 1, 12); break;
    case RTC_YEAR: t.year = t.year / 100 * 100 + clamp (v, 0, 99); break;
    default: t.year = clamp (v, 0, 99) * 100 + t.year % 100; break;
    }
  if (rtc->cmos[RTC_B] & RTC_B_SET)
    rtc->held = t;
  else
    rtc_start (rtc, t, now);
}

/* ---- Status C and IRQ 8 ---- */

/* Returns the periodic-interrupt shift of status A's rate bits, RATE
   (1-15): a tick every 2^shift cycles of the 32.768 kHz time base
   (rates 1 and 2 are 8 and 9 again). */
static unsigned
rate_shift (unsigned rate)
{
  return rate < 3 ? rate + 6 : rate - 1;
}

/* Returns the periodic ticks of RTC by virtual time NOW, or 0 if its
   rate is 0 (none). */
static uint64_t
rtc_periodic_ticks (const struct vdev_rtc *rtc, uint64_t now)
{
  unsigned rate = rtc->cmos[RTC_A] & RTC_A_RATE;
  if (rate == 0)
    return 0;
  uint64_t cycles = now / NSEC_PER_SEC * XTAL_HZ
                    + now % NSEC_PER_SEC * XTAL_HZ / NSEC_PER_SEC;
  return cycles >> rate_shift (rate);
}

/* Returns true if alarm register REG of RTC matches VALUE (read from
   the clock, binary). */
static bool
rtc_alarm_field (const struct vdev_rtc *rtc, unsigned reg, unsigned value)
{
  uint8_t alarm = rtc->cmos[reg];
  if (alarm >= RTC_ALARM_ANY)
    return true;
  unsigned want = reg == RTC_HOUR_ALARM ? rtc_decode_hour (rtc, alarm)
                                        : rtc_decode (rtc, alarm);
  return want == value;
}

/* Returns true if RTC's alarm matches a time of day the running clock
   reached in the updates after the one to second FIRST, up to the one
   to second LAST. */
static bool
rtc_alarm_between (const struct vdev_rtc *rtc, uint64_t first, uint64_t last)
{
  if (last - first > VDEV_RTC_SEC_PER_DAY)
    last = first + VDEV_RTC_SEC_PER_DAY;   /* Every time of day is in it. */
  for (uint64_t sec = first + 1; sec <= last; sec++)
    {
      unsigned in_day = sec % VDEV_RTC_SEC_PER_DAY;
      if (rtc_alarm_field (rtc, RTC_SEC_ALARM, in_day % 60)
          && rtc_alarm_field (rtc, RTC_MIN_ALARM, in_day / 60 % 60)
          && rtc_alarm_field (rtc, RTC_HOUR_ALARM, in_day / 3600))
        return true;
    }
  return false;
}

/* Sets IRQ 8 as IRQF says: high while an enabled flag is set.
   PC_LOCK held. */
static void
rtc_set_irq (struct vm *vm)
{
  struct vdev_rtc *rtc = &vm->rtc;
  bool irqf = rtc->flags & rtc->cmos[RTC_B] & RTC_C_EVENTS;
  if (irqf != rtc->irq_high)
    {
      rtc->irq_high = irqf;
      vdev_pic_set_irq_locked (vm, RTC_IRQ, irqf);
    }
}

/* Sets in status C the flags of the events since it was last brought
   up to date: periodic ticks (PF), updates (UF) and updates that
   matched the alarm (AF); then IRQ 8.  PC_LOCK held. */
static void
rtc_catch_up (struct vm *vm, uint64_t now)
{
  struct vdev_rtc *rtc = &vm->rtc;
  uint64_t then = rtc->checked_ns;
  if (now <= then)
    return;
  rtc->checked_ns = now;
  if (rtc_periodic_ticks (rtc, now) != rtc_periodic_ticks (rtc, then))
    rtc->flags |= RTC_C_PF;
  uint64_t first = rtc_updates (rtc, then);
  uint64_t last = rtc_updates (rtc, now);
  if (!(rtc->cmos[RTC_B] & RTC_B_SET) && last != first)
    {
      rtc->flags |= RTC_C_UF;
      if (!(rtc->flags & RTC_C_AF)
          && rtc_alarm_between (rtc, rtc->epoch_sec + first,
                                rtc->epoch_sec + last))
        rtc->flags |= RTC_C_AF;
    }
  rtc_set_irq (vm);
}

/* Brings VM's clock up to date, raising IRQ 8 if an enabled event
   has come.  Any CPU. */
void
vdev_rtc_update (struct vm *vm)
{
  enum intr_level old = vdev_pc_lock (vm);
  rtc_catch_up (vm, vdev_clock_ns (vm));
  vdev_pc_unlock (vm, old);
}

/* Returns the virtual time in nanoseconds of the time base's CYCLES,
   rounded up. */
static uint64_t
xtal_to_ns (uint64_t cycles)
{
  return cycles / XTAL_HZ * NSEC_PER_SEC
         + (cycles % XTAL_HZ * NSEC_PER_SEC + XTAL_HZ - 1) / XTAL_HZ;
}

/* Returns the VM time, in nanoseconds, at which VM's clock next has
   an event that raises IRQ 8 (it may be past, if not yet seen), or -1
   if none can: none is enabled, or IRQ 8 is high until status C is
   read. */
int64_t
vdev_rtc_next_ns (struct vm *vm)
{
  struct vdev_rtc *rtc = &vm->rtc;
  enum intr_level old = vdev_pc_lock (vm);
  uint8_t b = rtc->cmos[RTC_B];
  unsigned rate = rtc->cmos[RTC_A] & RTC_A_RATE;
  int64_t next = -1;
  if (!rtc->irq_high && (b & RTC_B_PIE) && rate != 0)
    {
      uint64_t tick = rtc_periodic_ticks (rtc, rtc->checked_ns) + 1;
      next = xtal_to_ns (tick << rate_shift (rate));
    }
  if (!rtc->irq_high && (b & (RTC_B_UIE | RTC_B_AIE)) && !(b & RTC_B_SET))
    {
      uint64_t updates = rtc_updates (rtc, rtc->checked_ns) + 1;
      int64_t update = rtc->epoch_ns + updates * NSEC_PER_SEC;
      if (next < 0 || update < next)
        next = update;
    }
  vdev_pc_unlock (vm, old);
  return next;
}

/* ---- Registers ---- */

/* Returns true if REG is one of the clock's time registers. */
static bool
is_clock_reg (unsigned reg)
{
  return reg == RTC_SEC || reg == RTC_MIN || reg == RTC_HOUR
         || (reg >= RTC_WDAY && reg <= RTC_YEAR) || reg == RTC_CENTURY;
}

/* Carries out a read of CMOS byte REG of VM at virtual time NOW. */
static uint8_t
rtc_read (struct vm *vm, unsigned reg, uint64_t now)
{
  struct vdev_rtc *rtc = &vm->rtc;
  if (is_clock_reg (reg))
    return rtc_clock_read (rtc, reg, now);
  switch (reg)
    {
    case RTC_A:
      return rtc->cmos[RTC_A] | (rtc_uip (rtc, now) ? RTC_A_UIP : 0);
    case RTC_C:
      {
        uint8_t c = rtc->flags | (rtc->irq_high ? RTC_C_IRQF : 0);
        rtc->flags = 0;
        rtc_set_irq (vm);
        return c;
      }
    case RTC_D:
      return RTC_D_VRT;
    default:
      return rtc->cmos[reg];
    }
}

/* Writes VALUE to status B of RTC at virtual time NOW: setting SET
   stops the clock where it is, clearing it starts it from what was
   written meanwhile. */
static void
rtc_write_b (struct vdev_rtc *rtc, uint8_t value, uint64_t now)
{
  uint8_t b = rtc->cmos[RTC_B];
  if ((value & RTC_B_SET) && !(b & RTC_B_SET))
    rtc_read_time (rtc, now, &rtc->held);
  rtc->cmos[RTC_B] = value;
  if (!(value & RTC_B_SET) && (b & RTC_B_SET))
    rtc_start (rtc, rtc->held, now);
}

/* Carries out a write of VALUE to CMOS byte REG of VM at virtual
   time NOW. */
static void
rtc_write (struct vm *vm, unsigned reg, uint8_t value, uint64_t now)
{
  struct vdev_rtc *rtc = &vm->rtc;
  if (is_clock_reg (reg))
    rtc_clock_write (rtc, reg, value, now);
  else if (reg == RTC_A)
    rtc->cmos[RTC_A] = value & ~RTC_A_UIP;
  else if (reg == RTC_B)
    rtc_write_b (rtc, value, now);
  else if (reg != RTC_C && reg != RTC_D)         /* Those are read-only. */
    rtc->cmos[reg] = value;
  rtc_set_irq (vm);
}

/* Port I/O to the index (0x70) and data (0x71) ports.  Only the low
   byte of a wider access counts.  The events up to now are counted
   before the registers change, so that they count under the settings
   they happened under. */
enum exit_action
vdev_rtc_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  struct vm *vm = vcpu->vm;
  struct vdev_rtc *rtc = &vm->rtc;

  enum intr_level old = vdev_pc_lock (vm);
  uint64_t now = vdev_clock_ns (vm);
  rtc_catch_up (vm, now);
  if (pio->port == RTC_PORT_INDEX)
    {
      if (pio->in)
        pio->value = UINT32_MAX;        /* The index port is write-only. */
      else
        rtc->index = pio->value & CMOS_INDEX_MASK;
    }
  else if (pio->in)
    pio->value = rtc_read (vm, rtc->index, now);
  else
    rtc_write (vm, rtc->index, pio->value, now);
  vdev_pc_unlock (vm, old);
  return EXIT_RESUME;
}

/* Stores VALUE in CMOS bytes REG (low) and REG + 1 (high). */
static void
cmos_put16 (struct vdev_rtc *rtc, unsigned reg, unsigned value)
{
  rtc->cmos[reg] = value & 0xff;
  rtc->cmos[reg + 1] = value >> 8;
}

/* Fills in the configuration bytes a kernel reads for a VM with
   RAM_SIZE bytes of RAM, and their checksum. */
static void
rtc_init_config (struct vdev_rtc *rtc, uint32_t ram_size)
{
  uint32_t ext_kb = ram_size > MB ? (ram_size - MB) / KB : 0;
  uint32_t high = ram_size > HIGH_MEMORY
                  ? (ram_size - HIGH_MEMORY) / HIGH_BLOCK : 0;
  rtc->cmos[CMOS_EQUIPMENT] = EQUIPMENT;
  cmos_put16 (rtc, CMOS_BASE_KB, clamp (ram_size / KB, 0, BASE_KB));
  cmos_put16 (rtc, CMOS_EXT_KB, clamp (ext_kb, 0, EXT_KB_MAX));
  cmos_put16 (rtc, CMOS_EXT_KB2, clamp (ext_kb, 0, EXT_KB_MAX));
  cmos_put16 (rtc, CMOS_HIGH_64K, clamp (high, 0, EXT_KB_MAX));

  unsigned sum = 0;
  for (unsigned reg = CMOS_SUM_FIRST; reg <= CMOS_SUM_LAST; reg++)
    sum += rtc->cmos[reg];
  rtc->cmos[CMOS_SUM] = sum >> 8;               /* High byte first. */
  rtc->cmos[CMOS_SUM + 1] = sum & 0xff;
}

/* Sets up VM's clock and CMOS as a BIOS leaves them: the host's
   time, BCD, 24 hours, the 1024 Hz rate, no interrupt enabled. */
void
vdev_rtc_init (struct vm *vm)
{
  struct vdev_rtc *rtc = &vm->rtc;
  memset (rtc, 0, sizeof *rtc);
  rtc->cmos[RTC_A] = A_POWER_ON;
  rtc->cmos[RTC_B] = B_POWER_ON;
  rtc->epoch_sec = vdev_rtc_host_now ();
  rtc->epoch_ns = 0;
  rtc->wday_shift = VDEV_RTC_WDAY_SHIFT;
  rtc_init_config (rtc, vm->ram_size);
}
