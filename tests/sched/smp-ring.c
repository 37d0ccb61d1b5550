/* Helper guest of smp-stress and smp-bench: the VCPUs pass a token
   round a ring, each waking the next with an IPI and halting until its
   own turn comes back.  A wake-up the hv lost would stop the ring:
   every VCPU would halt, and the hv would end the VM.  Exits with the
   number of passes, SMP_RING_ROUNDS for each VCPU. */

#include "tests/sched/credit-guest.h"

const char test_name[] = "smp-ring";

#define SMP_RING_ROUNDS 300
#define SMP_RING_VECTOR 48

/* Whose turn it is, and how often the token has passed. */
static volatile unsigned turn;
static volatile unsigned passes;

/* The IPI: only wakes the VCPU from its halt. */
static void
smp_ring_ipi (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
              uint32_t error UNUSED)
{
}

/* VCPU ME's part of the ring, for ever: waits for its turn, passes the
   token on, and ends the VM once it has gone round often enough. */
static void NO_RETURN
smp_ring (unsigned me)
{
  unsigned n = credit_vcpus ();
  for (;;)
    {
      /* Look with interrupts masked, and unmask only in the STI that
         precedes HLT: an IPI that came between the look and the HLT
         would otherwise be taken there, and the HLT would wait for
         ever. */
      guest_cli ();
      while (turn != me)
        {
          guest_wait ();
          guest_cli ();
        }
      guest_sti ();
      if (++passes == SMP_RING_ROUNDS * n)
        guest_exit (passes);
      turn = (me + 1) % n;
      if (hypercall (HC_IPI, turn, SMP_RING_VECTOR) != 0)
        fail ("VCPU %u cannot send an IPI to VCPU %u", me, turn);
    }
}

/* A secondary VCPU: CPUID tells it its number. */
static void NO_RETURN
smp_ring_secondary (void)
{
  idt_init ();
  smp_ring (cpuid (HV_CPUID_INFO, 0).edx);
}

int
main (void)
{
  idt_set_handler (SMP_RING_VECTOR, smp_ring_ipi);
  credit_start_vcpus (smp_ring_secondary);
  smp_ring (0);
}
