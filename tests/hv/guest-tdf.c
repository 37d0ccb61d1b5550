/* Helper guest of tdf-measure: times a host-paced event with the
   guest's own clocks.  The event is HOST_TICKS ticks of the outside
   world's clock (HC_HOST_TICKS, never dilated); the guest measures the
   same interval with its ticks (HC_TICKS and the virtual timer's NOW
   register), its TSC (RDTSC, calibrated against its own ticks first)
   and the PIT's channel 0, and prints how many times faster the
   outside world ran than each of them: the VM's dilation factor. */

#include "hv/guest/guest.h"
#include "hv/abi.h"
#include "tests/hv/tdf-clocks.inc"

const char test_name[] = "tdf-measure";

/* The host-paced interval, in host ticks (HV_TICK_HZ a second). */
#define HOST_TICKS 50

/* Guest ticks over which the TSC's rate is measured first. */
#define CALIBRATION_TICKS 2

/* The PIT: channel 0 in mode 2 (rate generator), counting down from
   65,536 (written as 0), its longest period (55 ms of guest time), so
   that a poll is not likely to miss a whole period. */
#define PIT_COUNTER0 0x40
#define PIT_CONTROL 0x43
#define PIT_CH0_LOHI_MODE2 0x34         /* Channel 0, low then high, mode 2. */
#define PIT_CH0_LATCH 0x00              /* Channel 0, counter latch. */
#define PIT_HZ 1193182
#define PIT_PERIOD 65536

/* The TSC MSR. */
#define MSR_TSC 0x10

/* Reads channel 0's count through the counter-latch command, from
   PIT_PERIOD (read as 0) down to 1. */
static uint32_t
pit_count (void)
{
  outb (PIT_CONTROL, PIT_CH0_LATCH);
  uint8_t low = inb (PIT_COUNTER0);
  uint32_t count = inb (PIT_COUNTER0) << 8 | low;
  return count != 0 ? count : PIT_PERIOD;
}

/* Returns HOST / GUEST in tenths, rounded. */
static unsigned
ratio_tenths (uint64_t host, uint64_t guest)
{
  return guest == 0 ? 0 : (host * 10 + guest / 2) / guest;
}

int
main (void)
{
  outb (PIT_CONTROL, PIT_CH0_LOHI_MODE2);
  outb (PIT_COUNTER0, 0);
  outb (PIT_COUNTER0, 0);
  uint64_t rate = tsc_per_guest_tick (CALIBRATION_TICKS);

  /* From one edge of the host's clock to HOST_TICKS later, counting
     the PIT's periods as its count wraps. */
  uint32_t host_start = next_edge (host_ticks);
  uint32_t ticks_start = guest_ticks ();
  uint32_t timer_start = timer_now ();
  uint64_t tsc_start = rdtsc ();
  uint32_t pit_start = pit_count ();
  uint32_t pit_last = pit_start;
  uint64_t pit_periods = 0;
  while (host_ticks () < host_start + HOST_TICKS)
    {
      uint32_t count = pit_count ();
      if (count > pit_last)
        pit_periods++;
      pit_last = count;
    }
  uint64_t tsc = rdtsc () - tsc_start;
  uint32_t ticks = guest_ticks () - ticks_start;
  uint32_t timer = timer_now () - timer_start;
  uint64_t pit = pit_periods * PIT_PERIOD + pit_start - pit_count ();

  /* The host interval in each clock's units: HOST_TICKS ticks, or
     that many ticks' worth of TSC cycles or PIT counts. */
  unsigned r_ticks = ratio_tenths (HOST_TICKS, ticks);
  unsigned r_tsc = ratio_tenths (HOST_TICKS * rate, tsc);
  unsigned r_pit = ratio_tenths ((uint64_t) HOST_TICKS * PIT_HZ,
                                pit * HV_TICK_HZ);
  msg ("%d host ticks took %u guest ticks (HC_TICKS), %u (timer)",
       HOST_TICKS, ticks, timer);
  msg ("host time / guest time: ticks %u.%u, TSC %u.%u, PIT %u.%u",
       r_ticks / 10, r_ticks % 10, r_tsc / 10, r_tsc % 10,
       r_pit / 10, r_pit % 10);

  /* The TSC MSR reads the same clock as RDTSC, and a write to it
     moves both. */
  uint64_t before = rdtsc ();
  uint64_t msr = rdmsr (MSR_TSC);
  uint64_t after = rdtsc ();
  msg ("RDTSC <= TSC MSR <= RDTSC: %s",
       before <= msr && msr <= after ? "yes" : "no");
  uint64_t set = after + (1ull << 40);
  wrmsr (MSR_TSC, set);
  uint64_t read = rdtsc ();
  msg ("TSC after writing the MSR: %s",
       read >= set && read - set < rate * HV_TICK_HZ ? "as written" : "wrong");
  return 0;
}
