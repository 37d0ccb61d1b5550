/* A guest whose page directory points a page table at the virtual
   timer's MMIO page.  Touching an address through that entry makes
   the CPU's walk of the guest's tables read MMIO: a nested page fault
   on the timer's page that the instruction at EIP did not cause.  The
   hv must not emulate that instruction as an MMIO access; it ends the
   VM and says why. */

#include "hv/guest/guest.h"

const char test_name[] = "npf-mmio-walk";

#define PDE_P   (1u << 0)
#define PDE_RW  (1u << 1)
#define PDE_PS  (1u << 7)               /* A 4 MiB page (CR4.PSE). */
#define TARGET  0x00400000u             /* Mapped by page directory entry 1. */

static uint32_t page_dir[1024] __attribute__ ((aligned (4096)));

int
main (void)
{
  uint32_t cr0, cr4;

  page_dir[0] = 0 | PDE_P | PDE_RW | PDE_PS;    /* 0-4 MiB: identity. */
  page_dir[1] = HV_VTIMER_BASE | PDE_P | PDE_RW; /* Its table: MMIO. */
  asm volatile ("movl %%cr4, %0" : "=r" (cr4));
  asm volatile ("movl %0, %%cr4" : : "r" (cr4 | CR4_PSE));
  asm volatile ("movl %0, %%cr3" : : "r" (page_dir) : "memory");
  asm volatile ("movl %%cr0, %0" : "=r" (cr0));
  asm volatile ("movl %0, %%cr0" : : "r" (cr0 | CR0_PG) : "memory");
  msg ("paging on; writing linear %#x, whose page table is MMIO", TARGET);
  *(volatile uint32_t *) TARGET = 1;
  fail ("the write through an MMIO page table went on");
}
