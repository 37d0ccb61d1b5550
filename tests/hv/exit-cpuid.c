/* CPUID exits: the guest sees the "hypervisor present" bit and
   Ringlet's hypervisor leaves, and does not see SVM. */

#include <string.h>
#include "hv/guest/guest.h"

const char test_name[] = "exit-cpuid";

int
main (void)
{
  struct cpuid_regs r = cpuid (1, 0);
  msg ("leaf 1: hypervisor bit %s", r.ecx & (1u << 31) ? "set" : "clear");

  r = cpuid (HV_CPUID_SIGNATURE, 0);
  char signature[13];
  memcpy (signature, &r.ebx, 4);
  memcpy (signature + 4, &r.ecx, 4);
  memcpy (signature + 8, &r.edx, 4);
  signature[12] = '\0';
  msg ("leaf 0x40000000: \"%s\", highest leaf %#x", signature,
       (unsigned) r.eax);

  r = cpuid (HV_CPUID_INFO, 0);
  msg ("leaf 0x40000001: ABI version %u, %u ticks per second, VCPU %u of %u",
       (unsigned) r.eax, (unsigned) r.ebx, (unsigned) r.edx, (unsigned) r.ecx);

  r = cpuid (0x80000001, 0);
  msg ("leaf 0x80000001: SVM bit %s", r.ecx & (1u << 2) ? "set" : "clear");

  r = cpuid (0x8000000a, 0);
  msg ("leaf 0x8000000a: %s", r.eax | r.ebx | r.ecx | r.edx ? "SVM features"
                                                          : "all zero");
  return 0;
}
