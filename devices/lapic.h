/* The local APIC: each CPU's own interrupt controller, reached at the
   same physical address from every CPU.  The kernel itself runs on the
   boot CPU with the 8259 PIC and never needs it; the hv uses these
   primitives to start the other CPUs, send inter-processor interrupts
   (IPIs) and run each CPU's timer (hv/smp-*.c). */
#ifndef DEVICES_LAPIC_H
#define DEVICES_LAPIC_H

#include <stdbool.h>
#include <stdint.h>

/* Register offsets in bytes (AMD APM vol. 2, "Local APIC"; Intel SDM
   vol. 3, "APIC Register Address Map"). */
#define LAPIC_ID        0x020   /* Bits 31:24: this CPU's APIC ID. */
#define LAPIC_VERSION   0x030
#define LAPIC_TPR       0x080   /* Task priority: 0 accepts every vector. */
#define LAPIC_EOI       0x0b0   /* Write 0: end of interrupt. */
#define LAPIC_SVR       0x0f0   /* Spurious vector; bit 8 enables the APIC. */
#define LAPIC_ESR       0x280   /* Error status. */
#define LAPIC_ICR_LO    0x300   /* Interrupt command, low word: sends. */
#define LAPIC_ICR_HI    0x310   /* Bits 31:24: destination APIC ID. */
#define LAPIC_LVT_TIMER 0x320   /* Timer: vector, mask, periodic. */
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_LVT_LINT1 0x360
#define LAPIC_LVT_ERROR 0x370
#define LAPIC_TIMER_INIT 0x380  /* Initial count; writing starts the timer. */
#define LAPIC_TIMER_CUR  0x390  /* Current count, read only. */
#define LAPIC_TIMER_DIV  0x3e0  /* Divide configuration. */

/* Register fields. */
#define LAPIC_SVR_ENABLE   (1u << 8)
#define LAPIC_LVT_MASKED   (1u << 16)
#define LAPIC_LVT_PERIODIC (1u << 17)   /* Timer mode 01: periodic. */
#define LAPIC_LVT_EXTINT   (7u << 8)    /* LINT: delivery mode ExtINT. */
#define LAPIC_LVT_NMI      (4u << 8)    /* LINT: delivery mode NMI. */
#define LAPIC_TIMER_DIV16  0x3          /* Divide the bus clock by 16. */

/* ICR low word: delivery mode (bits 10:8), status, level (bit 14),
   trigger (bit 15). */
#define LAPIC_ICR_FIXED    (0u << 8)
#define LAPIC_ICR_NMI      (4u << 8)
#define LAPIC_ICR_INIT     (5u << 8)
#define LAPIC_ICR_STARTUP  (6u << 8)    /* Vector = start page >> 12. */
#define LAPIC_ICR_PENDING  (1u << 12)   /* Delivery status: not yet sent. */
#define LAPIC_ICR_ASSERT   (1u << 14)

bool lapic_init (void);
uint32_t lapic_read (unsigned reg);
void lapic_write (unsigned reg, uint32_t value);
unsigned lapic_id (void);
void lapic_enable (uint8_t spurious_vector);
void lapic_eoi (void);
void lapic_send_ipi (unsigned apic_id, uint32_t command);

#endif /* devices/lapic.h */
