/* Writes to CR0: the hv checks them as the CPU does.  A reserved bit,
   NW without CD, or PG without PE raises #GP and leaves CR0 alone;
   legal writes take effect, by MOV, CLTS and LMSW alike; ET and NE
   stay set. */

#include "hv/guest/guest.h"

const char test_name[] = "cr0-write";

#define VEC_GP 13
#define MOV_CR_LENGTH 3                 /* 0F 22 /r with a register. */

static volatile unsigned gp_faults;

/* #GP: counts it and skips the MOV to CR0 that raised it. */
static void
on_gp (unsigned vector UNUSED, struct guest_frame *frame, uint32_t error)
{
  if (error != 0)
    fail ("#GP with error code %#x", (unsigned) error);
  gp_faults++;
  frame->eip += MOV_CR_LENGTH;
}

static uint32_t
read_cr0 (void)
{
  uint32_t v;
  asm volatile ("movl %%cr0, %0" : "=r" (v));
  return v;
}

/* Writes VALUE to CR0 and reports what happened under NAME. */
static void
try_cr0 (const char *name, uint32_t value)
{
  uint32_t before = read_cr0 ();
  unsigned faults = gp_faults;
  asm volatile ("movl %0, %%cr0" : : "r" (value) : "memory");
  uint32_t after = read_cr0 ();
  if (gp_faults != faults)
    msg ("%s (%#x): #GP, CR0 %s", name, (unsigned) value,
         after == before ? "unchanged" : "CHANGED");
  else
    msg ("%s (%#x): accepted, CR0 now %#x", name, (unsigned) value,
         (unsigned) after);
}

int
main (void)
{
  uint32_t cr0 = read_cr0 ();

  idt_set_handler (VEC_GP, on_gp);
  msg ("CR0 at start: %#x", (unsigned) cr0);
  try_cr0 ("reserved bits", 0x4ad2dc91);
  try_cr0 ("NW without CD", cr0 | CR0_NW);
  try_cr0 ("PG without PE", (cr0 | CR0_PG) & ~CR0_PE);
  try_cr0 ("CD and NW", cr0 | CR0_CD | CR0_NW);
  try_cr0 ("NE cleared", cr0 & ~CR0_NE);
  try_cr0 ("MP and TS", cr0 | CR0_MP | CR0_TS);
  asm volatile ("clts");
  msg ("after CLTS: %#x", (unsigned) read_cr0 ());
  uint32_t msw = CR0_PE | CR0_TS;
  asm volatile ("lmsw %w0" : : "r" (msw));
  msg ("after LMSW PE|TS: %#x", (unsigned) read_cr0 ());
  asm volatile ("lmsw %w0" : : "r" (0));
  msg ("after LMSW 0 (PE stays): %#x", (unsigned) read_cr0 ());
  return 0;
}
