/* The virtual timer, from the guest's side: its MMIO registers
   (hv/abi.h) behind four calls. */

#include "hv/guest/guest.h"

/* Returns the timer register at OFFSET. */
static volatile uint32_t *
timer_reg (uint32_t offset)
{
  return (volatile uint32_t *) (HV_VTIMER_BASE + offset);
}

/* Makes HANDLER handle VECTOR and arms the timer to raise it every
   PERIOD ticks.  Interrupts still need enabling. */
void
timer_start (uint32_t period, uint8_t vector, guest_handler *handler)
{
  idt_set_handler (vector, handler);
  *timer_reg (HV_VTIMER_VECTOR) = vector;
  *timer_reg (HV_VTIMER_PERIOD) = period;
}

/* Stops the timer.  Expiries already due are still delivered. */
void
timer_stop (void)
{
  *timer_reg (HV_VTIMER_PERIOD) = 0;
}

/* Returns the number of expiries since the VM started. */
uint32_t
timer_fired (void)
{
  return *timer_reg (HV_VTIMER_FIRED);
}

/* Returns the ticks since the VM started. */
uint32_t
timer_now (void)
{
  return *timer_reg (HV_VTIMER_NOW);
}

/* Interrupts counted by timer_count. */
static volatile unsigned timer_count_total;

/* A timer interrupt handler for timer_start that only counts. */
void
timer_count (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
             uint32_t error UNUSED)
{
  timer_count_total++;
}

/* Returns the number of interrupts timer_count has counted. */
unsigned
timer_interrupts (void)
{
  return timer_count_total;
}
