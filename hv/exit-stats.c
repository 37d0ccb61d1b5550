/* Exit statistics: each VM counts its exits per exit-table slot and
   the host cycles their handlers took, prints them when it ends and
   hands them to vmctl callers in its report. */

#include <inttypes.h>
#include <stdio.h>
#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/interrupt.h"

static void exit_print_devices (const struct vm *);

/* Charges one exit of exit-table slot SLOT, whose handler took CYCLES
   host cycles, to VM; and, for a port exit, to device DEV (VDEV_NONE
   for other exits). */
void
exit_stats_add (struct vm *vm, unsigned slot, enum vdev_id dev,
                uint64_t cycles)
{
  ASSERT (slot < EXIT_SLOT_CNT);
  ASSERT (dev < VDEV_CNT);
  enum intr_level old_level = intr_disable ();
  spin_lock (&vm->stats->lock);
  vm->stats->count[slot]++;
  vm->stats->cycles[slot] += cycles;
  if (slot == SVM_EXIT_IOIO)
    {
      vm->stats->dev_count[dev]++;
      vm->stats->dev_cycles[dev] += cycles;
    }
  spin_unlock (&vm->stats->lock);
  intr_set_level (old_level);
}

/* Stores VM's exit statistics in REPORT. */
void
exit_fill_report (const struct vm *vm, struct vmctl_report *report)
{
  report->exits = 0;
  report->stat_cnt = 0;
  for (unsigned slot = 0; slot < EXIT_SLOT_CNT; slot++)
    {
      uint64_t count = vm->stats->count[slot];
      report->exits += count;
      if (count == 0 || report->stat_cnt == VMCTL_STATS_MAX)
        continue;
      struct vmctl_exit_stat *s = &report->stats[report->stat_cnt++];
      exit_slot_name (slot, s->reason, sizeof s->reason);
      s->count = count;
      s->cycles = vm->stats->cycles[slot];
    }
}

/* Prints VM's exit statistics: per reason, how many exits and the
   host cycles each took on average. */
void
exit_print_stats (const struct vm *vm)
{
  const struct exit_stats *stats = vm->stats;
  uint64_t total = 0;

  for (unsigned slot = 0; slot < EXIT_SLOT_CNT; slot++)
    total += stats->count[slot];
  uint64_t us = vsched_cycles_to_us (vm_run_cycles (vm));
  printf ("hv: vm %d '%s': %"PRIu64" exits in %"PRIu64".%"PRIu64" ms of CPU "
          "time (%"PRIu64" guest cycles), %zu RAM pages\n", vm->id, vm->name,
          total, us / 1000, us / 100 % 10, vm_run_cycles (vm), vm->ram_pages);
  printf ("hv:   %-10s %10s %12s\n", "exit", "count", "cycles/exit");
  for (unsigned slot = 0; slot < EXIT_SLOT_CNT; slot++)
    if (stats->count[slot] != 0)
      {
        char name[VMCTL_REASON_MAX + 1];
        exit_slot_name (slot, name, sizeof name);
        printf ("hv:   %-10s %10"PRIu64" %12"PRIu64"\n", name,
                stats->count[slot], stats->cycles[slot] / stats->count[slot]);
      }
  exit_print_devices (vm);
}

/* Names of the devices, by enum vdev_id. */
static const char *const vdev_names[VDEV_CNT] =
  {
    [VDEV_NONE] = "no device", [VDEV_UART] = "uart",
    [VDEV_DEBUG_EXIT] = "debug-exit", [VDEV_PIC] = "pic", [VDEV_PIT] = "pit",
    [VDEV_KBC] = "kbd-ctrl", [VDEV_RTC] = "rtc", [VDEV_IDE] = "ide",
    [VDEV_VGA] = "vga", [VDEV_POWER] = "power",
  };

/* Prints, for a VM whose port exits went to more than one device,
   how many each device took, their average cost and their rate over
   the VM's life on the host's clock: what emulating each device
   costs. */
static void
exit_print_devices (const struct vm *vm)
{
  const struct exit_stats *stats = vm->stats;
  unsigned used = 0;
  for (unsigned dev = 0; dev < VDEV_CNT; dev++)
    used += stats->dev_count[dev] != 0;
  if (used < 2)
    return;
  int64_t ticks = timer_ticks () - vm->start_tick;
  if (ticks < 1)
    ticks = 1;
  printf ("hv:   %-10s %10s %12s %10s   (port I/O over %"PRId64".%02"PRId64
          " s)\n", "device", "exits", "cycles/exit", "exits/s",
          ticks / HV_TICK_HZ, ticks % HV_TICK_HZ * 100 / HV_TICK_HZ);
  for (unsigned dev = 0; dev < VDEV_CNT; dev++)
    if (stats->dev_count[dev] != 0)
      printf ("hv:   %-10s %10"PRIu64" %12"PRIu64" %10"PRIu64"\n",
              vdev_names[dev], stats->dev_count[dev],
              stats->dev_cycles[dev] / stats->dev_count[dev],
              stats->dev_count[dev] * HV_TICK_HZ / (uint64_t) ticks);
}
