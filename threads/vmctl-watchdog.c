/* The NMI watchdog, the kernel's side of how the hv bounds a guest
   that spins with interrupts masked.  Armed, it makes every tick of
   the system timer raise an NMI as well as the usual interrupt.

   Why: Bochs 2.7 computes a guest's interrupt mask before it enters
   guest mode, so a guest that enters with IF clear gets no INTR exits
   at all (docs/design.md, "Simulator facts"): "cli; jmp ." would keep
   the CPU for ever.  IF cannot mask an NMI, and the hv intercepts
   NMIs, so such a guest still exits at the next tick and the hv
   regains the CPU.  The hv arms the watchdog just before it enters a
   guest with IF clear and disarms it otherwise (hv/vcpu.c).

   How: the 8254's IRQ 0 reaches the 8259 PIC, which the kernel uses,
   and also input pin 2 of the I/O APIC (the usual ISA override, on
   QEMU and Bochs alike).  Arming points that pin's redirection entry
   at this CPU with delivery mode NMI; disarming masks it again.  The
   host sees the NMIs too while the watchdog is armed: the handler
   here just returns.  It lives in the kernel, not in the hv, because
   the I/O APIC is a device of the host machine: its registers must be
   mapped into the kernel's own page directory, which modules cannot
   reach. */

#include "threads/vmctl.h"
#include <stdbool.h>
#include <stdint.h>
#include "threads/cpu.h"
#include "threads/interrupt.h"
#include "threads/pagedir.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

/* The I/O APIC (Intel 82093AA data sheet): registers are reached by
   writing their index to IOREGSEL and then reading or writing IOWIN. */
#define IOAPIC_PHYS     0xfec00000u     /* Where PCs put it. */
#define IOAPIC_IOREGSEL 0               /* In 32-bit words. */
#define IOAPIC_IOWIN    4               /* In 32-bit words (offset 0x10). */
#define IOAPIC_VER      0x01            /* Version; bits 23:16 = last pin. */
#define IOAPIC_REDTBL(PIN) (0x10 + 2 * (PIN)) /* Low half; high half next. */
#define REDIR_DELIVERY_NMI (4u << 8)    /* Delivery mode NMI, edge. */
#define REDIR_MASKED       (1u << 16)
#define REDIR_DEST_SHIFT   24           /* High half: APIC ID. */

/* The I/O APIC pin the 8254's IRQ 0 drives. */
#define PIT_PIN 2

/* The non-maskable interrupt vector. */
#define NMI_VECTOR 2

/* What is known about the I/O APIC. */
static enum { WATCHDOG_UNPROBED, WATCHDOG_READY, WATCHDOG_ABSENT } state;
static volatile uint32_t *ioapic;       /* Its registers, once mapped. */
static bool armed;                      /* Pin 2 delivers NMIs. */

/* The host's NMI handler: the NMI has done its work by making the
   guest exit; nothing is left to do. */
static void
watchdog_nmi (struct intr_frame *frame UNUSED)
{
}

/* Returns I/O APIC register REG. */
static uint32_t
ioapic_read (unsigned reg)
{
  ioapic[IOAPIC_IOREGSEL] = reg;
  return ioapic[IOAPIC_IOWIN];
}

/* Sets I/O APIC register REG to VALUE. */
static void
ioapic_write (unsigned reg, uint32_t value)
{
  ioapic[IOAPIC_IOREGSEL] = reg;
  ioapic[IOAPIC_IOWIN] = value;
}

/* Maps the I/O APIC and checks that it is there and has PIT_PIN;
   registers the NMI handler if so.  Returns true if so. */
static bool
watchdog_probe (void)
{
  ioapic = pagedir_map_device (IOAPIC_PHYS);
  if (ioapic == NULL)
    return false;

  uint32_t version = ioapic_read (IOAPIC_VER);
  if (version == UINT32_MAX || ((version >> 16) & 0xff) < PIT_PIN)
    {
      pagedir_unmap_device ((void *) ioapic);
      ioapic = NULL;
      return false;
    }
  intr_register_int (NMI_VECTOR, 0, INTR_OFF, watchdog_nmi, "NMI");
  return true;
}

/* Arms the watchdog (every timer tick also raises an NMI) if ARM,
   disarms it if not.  Returns false, doing nothing, on a machine
   without a usable I/O APIC.  Interrupts must be off, so that the
   caller can enter a guest before anything changes the setting. */
bool
vmctl_watchdog_arm (bool arm)
{
  ASSERT (intr_get_level () == INTR_OFF);
  if (state == WATCHDOG_UNPROBED)
    state = watchdog_probe () ? WATCHDOG_READY : WATCHDOG_ABSENT;
  if (state == WATCHDOG_ABSENT)
    return false;
  if (arm != armed)
    {
      uint32_t apic_id = cpuid (1, 0).ebx >> 24;
      ioapic_write (IOAPIC_REDTBL (PIT_PIN) + 1, apic_id << REDIR_DEST_SHIFT);
      ioapic_write (IOAPIC_REDTBL (PIT_PIN),
                    arm ? REDIR_DELIVERY_NMI : REDIR_MASKED);
      armed = arm;
    }
  return true;
}
