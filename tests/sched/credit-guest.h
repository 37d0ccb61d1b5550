/* What the tier-3 test guests share: starting every VCPU their VM
   has, each at the same function.  The guests themselves only burn
   CPU, sleep or yield; the kernel tests (credit.c) measure what the
   hv's scheduler gives them. */
#ifndef TESTS_SCHED_CREDIT_GUEST_H
#define TESTS_SCHED_CREDIT_GUEST_H

#include "hv/guest/guest.h"

/* Stack bytes of each secondary VCPU. */
#define CREDIT_STACK 1024

static uint8_t credit_stacks[HV_VCPU_MAX][CREDIT_STACK]
  __attribute__ ((aligned (16)));

/* Returns the number of VCPUs the VM has. */
static inline unsigned
credit_vcpus (void)
{
  return cpuid (HV_CPUID_INFO, 0).ecx;
}

/* Starts every VCPU but VCPU 0 at ENTRY, each on a stack of its own. */
static inline void
credit_start_vcpus (void (*entry) (void))
{
  for (unsigned i = 1; i < credit_vcpus () && i < HV_VCPU_MAX; i++)
    if (hypercall3 (HC_VCPU_UP, i, (uint32_t) entry,
                    (uint32_t) (credit_stacks[i] + CREDIT_STACK)) != 0)
      fail ("cannot start VCPU %u", i);
}

/* Spins for ever with interrupts enabled (a host tick then makes it
   exit on either simulator). */
static inline void NO_RETURN
credit_spin (void)
{
  guest_sti ();
  for (;;)
    asm volatile ("" : : : "memory");
}

#endif /* tests/sched/credit-guest.h */
