/* SVM instructions in the guest: SVM is hidden from it, so VMRUN and
   the other SVM instructions raise #UD, as on a CPU without SVM,
   instead of reaching the real SVM hardware. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-svm-insn";

#define VEC_UD 6
#define SVM_INSN_LENGTH 3

static volatile unsigned ud_faults;

/* #UD: counts it and skips the 3-byte instruction. */
static void
on_ud (unsigned vector UNUSED, struct guest_frame *frame,
       uint32_t error UNUSED)
{
  ud_faults++;
  frame->eip += SVM_INSN_LENGTH;
}

/* Runs the SVM instruction 0F 01 LAST_BYTE called NAME and reports
   whether it faulted. */
#define TRY(NAME, LAST_BYTE)                                            \
  do                                                                    \
    {                                                                   \
      unsigned before = ud_faults;                                      \
      asm volatile (".byte 0x0f, 0x01, " #LAST_BYTE                     \
                    : : "a" (0x200000) : "memory");                     \
      msg ("%s: %s", NAME, ud_faults != before ? "#UD" : "no fault");  \
    }                                                                   \
  while (0)

int
main (void)
{
  idt_set_handler (VEC_UD, on_ud);
  TRY ("vmrun", 0xd8);
  TRY ("vmload", 0xda);
  TRY ("vmsave", 0xdb);
  TRY ("stgi", 0xdc);
  TRY ("clgi", 0xdd);
  TRY ("skinit", 0xde);
  TRY ("invlpga", 0xdf);
  return 0;
}
