/* Debug registers are the guest's own, and never the simulator's:
   a guest rewrites DR7 with new type bits, then sets a data
   watchpoint (DR0 and DR7) and ends with it armed.  The hv intercepts
   every debug-register access and keeps the values per VCPU, so the
   guest reads back what it wrote, but no hardware breakpoint is ever
   armed for it (a write to the watched word raises no #DB).  The test
   runs the guest twice, in two VMs one after the other: without the
   intercepts, QEMU 7.2 keeps the first VM's watchpoint across the
   world switch, frees it as the wrong kind when the second VM
   rewrites DR7, and dies with SIGSEGV (docs/design.md, "Simulator
   facts"). */

#include "hv/guest/guest.h"

const char test_name[] = "debug-regs";

#define VEC_DB 1
#define DR7_L0_WRITE_4 0x000d0401u      /* L0; R/W0 = write; LEN0 = 4 bytes. */
#define DR7_OTHER_TYPES 0x00300400u     /* R/W1 = I/O, nothing enabled. */

static volatile uint32_t watched;
static volatile unsigned db_traps;

/* #DB: counts it. */
static void
on_db (unsigned vector UNUSED, struct guest_frame *frame UNUSED,
       uint32_t error UNUSED)
{
  db_traps++;
}

static uint32_t
read_dr0 (void)
{
  uint32_t v;
  asm volatile ("movl %%dr0, %0" : "=r" (v));
  return v;
}

static uint32_t
read_dr7 (void)
{
  uint32_t v;
  asm volatile ("movl %%dr7, %0" : "=r" (v));
  return v;
}

int
main (void)
{
  idt_set_handler (VEC_DB, on_db);
  msg ("DR7 at start: %#x", (unsigned) read_dr7 ());

  asm volatile ("movl %0, %%dr7" : : "r" (DR7_OTHER_TYPES));
  msg ("DR7 after rewriting: %#x", (unsigned) read_dr7 ());

  /* Arm a watchpoint and leave it armed: the next VM starts where
     this one ends. */
  asm volatile ("movl %0, %%dr0" : : "r" ((uint32_t) &watched));
  asm volatile ("movl %0, %%dr7" : : "r" (DR7_L0_WRITE_4));
  msg ("DR0 reads back the watched address: %s",
       read_dr0 () == (uint32_t) &watched ? "yes" : "no");
  msg ("DR7 after arming: %#x", (unsigned) read_dr7 ());
  watched = 1;
  msg ("#DB traps after writing the watched word: %u", db_traps);
  return 0;
}
