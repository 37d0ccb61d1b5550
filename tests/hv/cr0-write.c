/* Writes to CR0: the hv checks them as the CPU does.  A reserved bit,
   NW without CD, or PG without PE raises #GP and leaves CR0 alone;
   legal writes take effect, by MOV, CLTS and LMSW alike; ET and NE
   stay set. */

#include "hv/guest/guest.h"

const char test_name[] = "cr0-write";

#include "tests/hv/cr-write.inc"

int
main (void)
{
  uint32_t cr0 = read_cr (0);

  idt_set_handler (VEC_GP, on_gp);
  msg ("CR0 at start: %#x", (unsigned) cr0);
  try_cr (0, "reserved bits", 0x4ad2dc91);
  try_cr (0, "NW without CD", cr0 | CR0_NW);
  try_cr (0, "PG without PE", (cr0 | CR0_PG) & ~CR0_PE);
  try_cr (0, "CD and NW", cr0 | CR0_CD | CR0_NW);
  try_cr (0, "NE cleared", cr0 & ~CR0_NE);
  try_cr (0, "MP and TS", cr0 | CR0_MP | CR0_TS);
  asm volatile ("clts");
  msg ("after CLTS: %#x", (unsigned) read_cr (0));
  uint32_t msw = CR0_PE | CR0_TS;
  asm volatile ("lmsw %w0" : : "r" (msw));
  msg ("after LMSW PE|TS: %#x", (unsigned) read_cr (0));
  asm volatile ("lmsw %w0" : : "r" (0));
  msg ("after LMSW 0 (PE stays): %#x", (unsigned) read_cr (0));
  return 0;
}
