/* The local APIC's registers, mapped once into the kernel's address
   space, and the few operations on them that code running on any CPU
   needs: read and write a register, enable the APIC, acknowledge an
   interrupt, send an IPI.  See devices/lapic.h.

   The mapping lives here, in the kernel, because a device window is
   made in the kernel's page directory (threads/pagedir.c,
   pagedir_map_device), which modules do not manage.  Every CPU's APIC
   answers at the same physical address, and every CPU runs on the
   kernel's page tables, so one window serves them all: each access
   reaches the APIC of the CPU that makes it. */

#include "devices/lapic.h"
#include <debug.h>
#include <stddef.h>
#include "threads/cpu.h"
#include "threads/pagedir.h"

/* IA32_APIC_BASE: the APIC's physical base (bits 31:12) and its
   global enable (bit 11). */
#define MSR_APIC_BASE        0x1b
#define APIC_BASE_ENABLE     (1u << 11)
#define APIC_BASE_ADDR_MASK  0xfffff000u

/* CPUID 1 EDX bit 9: the CPU has a local APIC. */
#define CPUID_EDX_APIC (1u << 9)

/* The registers, once mapped. */
static volatile uint8_t *lapic_regs;

/* Maps the local APIC's registers, once.  Returns false if the CPU
   has no local APIC, it is disabled, or no device window is free.
   Call on the boot CPU, in a thread, before any other lapic_
   function. */
bool
lapic_init (void)
{
  if (lapic_regs != NULL)
    return true;
  if (!(cpuid (1, 0).edx & CPUID_EDX_APIC))
    return false;
  uint64_t base = rdmsr (MSR_APIC_BASE);
  if (!(base & APIC_BASE_ENABLE))
    return false;
  lapic_regs = pagedir_map_device (base & APIC_BASE_ADDR_MASK);
  return lapic_regs != NULL;
}

/* Returns local APIC register REG (a LAPIC_* offset) of this CPU. */
uint32_t
lapic_read (unsigned reg)
{
  ASSERT (lapic_regs != NULL);
  return *(volatile uint32_t *) (lapic_regs + reg);
}

/* Sets local APIC register REG of this CPU to VALUE. */
void
lapic_write (unsigned reg, uint32_t value)
{
  ASSERT (lapic_regs != NULL);
  *(volatile uint32_t *) (lapic_regs + reg) = value;
}

/* Returns the APIC ID of the CPU that calls it. */
unsigned
lapic_id (void)
{
  return lapic_read (LAPIC_ID) >> 24;
}

/* Software-enables this CPU's APIC with SPURIOUS_VECTOR as its
   spurious-interrupt vector, and lets every priority through. */
void
lapic_enable (uint8_t spurious_vector)
{
  lapic_write (LAPIC_TPR, 0);
  lapic_write (LAPIC_SVR, LAPIC_SVR_ENABLE | spurious_vector);
}

/* Signals the end of the interrupt this CPU's APIC delivered last.
   Every handler of an APIC interrupt (not a spurious one) calls it. */
void
lapic_eoi (void)
{
  lapic_write (LAPIC_EOI, 0);
}

/* Waits until this CPU's APIC has sent the last IPI it was given. */
static void
lapic_wait_sent (void)
{
  while (lapic_read (LAPIC_ICR_LO) & LAPIC_ICR_PENDING)
    continue;
}

/* Sends the IPI COMMAND (the ICR's low word: vector, delivery mode,
   level) to the CPU whose APIC ID is APIC_ID, and waits until the
   APIC has sent it.  Interrupts must be off, so that nothing else
   uses the ICR between its two writes. */
void
lapic_send_ipi (unsigned apic_id, uint32_t command)
{
  ASSERT (!(read_eflags () & FLAG_IF));
  lapic_wait_sent ();
  lapic_write (LAPIC_ICR_HI, apic_id << 24);
  lapic_write (LAPIC_ICR_LO, command);
  lapic_wait_sent ();
}
