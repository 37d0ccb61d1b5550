/* The lecture demo guest (make demo): a guest that says where it runs,
   makes one exit of each common kind on purpose, naming it, lets the
   virtual timer interrupt it a few times, and exits; the hv then
   prints its exit statistics. */

#include <string.h>
#include "hv/guest/guest.h"

const char test_name[] = "demo";

#define TIMER_VECTOR 0x30
#define TICKS 3

int
main (void)
{
  char vendor[13], hv[13];
  struct cpuid_regs r = cpuid (0, 0);
  memcpy (vendor, &r.ebx, 4);
  memcpy (vendor + 4, &r.edx, 4);
  memcpy (vendor + 8, &r.ecx, 4);
  vendor[12] = '\0';
  r = cpuid (HV_CPUID_SIGNATURE, 0);
  memcpy (hv, &r.ebx, 4);
  memcpy (hv + 4, &r.ecx, 4);
  memcpy (hv + 8, &r.edx, 4);
  hv[12] = '\0';

  printf ("Hello from a Ringlet guest (each line: one VMMCALL exit).\n");
  printf ("CPUID (2 exits): the CPU says \"%s\", the hypervisor \"%s\".\n",
          vendor, hv);
  console_use_serial (true);
  printf ("This line went through the emulated UART: one IOIO exit per byte.\n");
  console_use_serial (false);
  printf ("EFER through RDMSR (1 MSR exit): %#llx, SVM hidden.\n",
          rdmsr (0xc0000080));
  printf ("Now HLT %d times; the virtual timer (MMIO: NPF exits) wakes me.\n",
          TICKS);
  timer_start (5, TIMER_VECTOR, timer_count);
  while (timer_interrupts () < TICKS)
    guest_wait ();
  guest_cli ();
  timer_stop ();
  printf ("Woken %u times, %u ticks after I started.  Bye!\n",
          timer_interrupts (), (unsigned) timer_now ());
  return 0;
}
