/* Power-off and reboot.  Powering off prints the run's statistics
   and "Powering off...", then tries every way Ringlet's machines
   know to stop: QEMU's isa-debug-exit device (which also hands the
   kernel's status to whoever started QEMU), Bochs's shutdown port,
   and ACPI soft-off as QEMU and Bochs wire it. */

#include "devices/shutdown.h"
#include <stdio.h>
#include <stdint.h>
#include <packed.h>
#include "threads/thread.h"
#include "threads/io.h"
#include "threads/interrupt.h"
#include "devices/timer.h"
#include "devices/serial.h"
#include "devices/console.h"
#include "devices/block.h"
#include "devices/kbd.h"

/* QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4):
   writing V makes QEMU exit with status (V << 1) | 1. */
#define QEMU_DEBUG_EXIT_PORT 0xf4

/* Bochs powers off when "Shutdown" is written here a byte at a time. */
#define BOCHS_SHUTDOWN_PORT 0x8900
#define BOCHS_SHUTDOWN_STRING "Shutdown"

/* ACPI PM1a control registers: of the i440FX/PIIX4 power management
   QEMU emulates, and of older Bochs and QEMU.  Writing SLP_EN with
   SLP_TYP 0 enters S5 (soft-off) on both. */
#define ACPI_PIIX4_PM1A_CNT 0x604
#define ACPI_OLD_PM1A_CNT 0xb004
#define ACPI_SLP_EN 0x2000         /* PM1_CNT bit 13: sleep enable. */

/* 8042 keyboard controller: status port and its "input buffer full"
   bit, and the command that pulses the CPU reset line. */
#define KBC_STATUS 0x64
#define KBC_COMMAND 0x64
#define KBC_STATUS_IN_FULL 0x02
#define KBC_CMD_RESET 0xfe
#define KBC_RESET_TRIES 10
#define KBC_WAIT_POLLS 100000
#define KBC_RESET_WAIT_US 50

/* What shutdown does. */
static enum shutdown_type shutdown_how = SHUTDOWN_NONE;

/* Status the simulator should exit with: 0 for success. */
static int shutdown_status;

/* Makes shutdown do TYPE. */
void
shutdown_configure (enum shutdown_type type)
{
  shutdown_how = type;
}

/* Sets the exit status that shutdown_power_off passes to the
   simulator: 0 for success (the default), non-zero for failure (the
   panic path sets 1). */
void
shutdown_set_status (int status)
{
  shutdown_status = status;
}

/* Does what shutdown_configure asked for: powers off, reboots, or
   (SHUTDOWN_NONE) simply returns. */
void
shutdown (void)
{
  if (shutdown_how == SHUTDOWN_REBOOT)
    shutdown_reboot ();
  if (shutdown_how == SHUTDOWN_POWER_OFF)
    shutdown_power_off ();
}

/* Stops the CPU for good. */
static void NO_RETURN
shutdown_halt (void)
{
  for (;;)
    asm volatile ("cli; hlt");
}

/* The modules whose statistics end a run, in the order printed. */
static void (*const shutdown_stat_printers[]) (void) =
  {
    timer_print_stats,
    thread_print_stats,
    block_print_stats,
    console_print_stats,
    kbd_print_stats,
  };

/* Prints every module's statistics of the run. */
static void
shutdown_print_stats (void)
{
  size_t i;

  for (i = 0; i < sizeof shutdown_stat_printers
                  / sizeof *shutdown_stat_printers; i++)
    shutdown_stat_printers[i] ();
}

/* Prints the farewell MESSAGE, waits until every byte of output has
   left the serial port, and turns interrupts off for the end. */
static void
shutdown_announce (const char *message)
{
  puts (message);
  serial_flush ();
  intr_disable ();
}

/* Prints the statistics and "Powering off...", makes sure all output
   has left the serial port, and powers the machine off, telling the
   simulator the status set with shutdown_set_status.  If nothing
   works, halts.  May be called in any context, including a panic. */
void
shutdown_power_off (void)
{
  shutdown_print_stats ();
  shutdown_announce ("Powering off...");

  outb (QEMU_DEBUG_EXIT_PORT, shutdown_status);
  for (const char *p = BOCHS_SHUTDOWN_STRING; *p != '\0'; p++)
    outb (BOCHS_SHUTDOWN_PORT, *p);
  outw (ACPI_PIIX4_PM1A_CNT, ACPI_SLP_EN);
  outw (ACPI_OLD_PM1A_CNT, ACPI_SLP_EN);

  shutdown_halt ();
}

/* Makes the CPU triple-fault, which resets the machine: with an
   empty interrupt table, the breakpoint exception cannot be
   delivered, nor the faults that follow. */
static void NO_RETURN
shutdown_triple_fault (void)
{
  static const struct
    {
      uint16_t limit;
      uint32_t base;
    } PACKED empty_idt = { 0, 0 };

  asm volatile ("lidt %0; int3" : : "m" (empty_idt));
  shutdown_halt ();
}

/* Reboots the machine: asks the keyboard controller to pulse the
   reset line a few times, and if that fails, triple-faults.  May be
   called in any context. */
void
shutdown_reboot (void)
{
  shutdown_announce ("Rebooting...");

  for (int i = 0; i < KBC_RESET_TRIES; i++)
    {
      for (int j = 0; j < KBC_WAIT_POLLS; j++)
        if ((inb (KBC_STATUS) & KBC_STATUS_IN_FULL) == 0)
          break;
      outb (KBC_COMMAND, KBC_CMD_RESET);
      timer_udelay (KBC_RESET_WAIT_US);
    }
  shutdown_triple_fault ();
}
