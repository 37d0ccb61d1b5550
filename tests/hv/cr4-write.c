/* Writes to CR4: bits the CPU does not offer a 32-bit guest
   (VMXE, PCIDE, OSXSAVE, SMEP, and reserved ones) raise #GP and leave
   CR4 alone; the ones it does (PSE, PAE, OSFXSR) take effect. */

#include "hv/guest/guest.h"

const char test_name[] = "cr4-write";

#define VEC_GP 13
#define MOV_CR_LENGTH 3                 /* 0F 22 /r with a register. */
#define CR4_VMXE   (1u << 13)
#define CR4_PCIDE  (1u << 17)
#define CR4_OSXSAVE (1u << 18)
#define CR4_SMEP   (1u << 20)
#define CR4_BIT31  (1u << 31)

static volatile unsigned gp_faults;

/* #GP: counts it and skips the MOV to CR4 that raised it. */
static void
on_gp (unsigned vector UNUSED, struct guest_frame *frame, uint32_t error)
{
  if (error != 0)
    fail ("#GP with error code %#x", (unsigned) error);
  gp_faults++;
  frame->eip += MOV_CR_LENGTH;
}

static uint32_t
read_cr4 (void)
{
  uint32_t v;
  asm volatile ("movl %%cr4, %0" : "=r" (v));
  return v;
}

/* Writes VALUE to CR4 and reports what happened under NAME. */
static void
try_cr4 (const char *name, uint32_t value)
{
  uint32_t before = read_cr4 ();
  unsigned faults = gp_faults;
  asm volatile ("movl %0, %%cr4" : : "r" (value) : "memory");
  uint32_t after = read_cr4 ();
  if (gp_faults != faults)
    msg ("%s (%#x): #GP, CR4 %s", name, (unsigned) value,
         after == before ? "unchanged" : "CHANGED");
  else
    msg ("%s (%#x): accepted, CR4 now %#x", name, (unsigned) value,
         (unsigned) after);
}

int
main (void)
{
  idt_set_handler (VEC_GP, on_gp);
  msg ("CR4 at start: %#x", (unsigned) read_cr4 ());
  try_cr4 ("VMXE", CR4_VMXE);
  try_cr4 ("PCIDE", CR4_PCIDE);
  try_cr4 ("OSXSAVE", CR4_OSXSAVE);
  try_cr4 ("SMEP", CR4_SMEP);
  try_cr4 ("bit 31", CR4_BIT31);
  try_cr4 ("PSE", CR4_PSE);
  try_cr4 ("PSE and OSFXSR", CR4_PSE | CR4_OSFXSR);
  try_cr4 ("nothing", 0);
  return 0;
}
