/* HLT with interrupts masked: nothing can ever wake the guest, so
   the hv ends the VM instead of leaving its VCPU asleep forever. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-hlt-masked";

int
main (void)
{
  msg ("halting with interrupts masked");
  asm volatile ("cli; hlt");
  fail ("HLT with interrupts masked returned");
}
