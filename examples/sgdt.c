/* sgdt: reads kernel state from ring 3 without a trap.  sgdt, sidt,
   sldt, str and smsw reveal where the kernel keeps its descriptor
   tables and how CR0 is set, yet they are not privileged (unless the
   CPU has UMIP turned on).  A guest kernel run in ring 3 by a
   hypervisor would see the host's values, not its own, and no trap
   lets the hypervisor lie: sensitive but unprivileged, another
   instruction that defeats trap-and-emulate virtualization. */

#include <stdint.h>
#include <stdio.h>

/* A descriptor-table register as sgdt and sidt store it. */
struct dtr
  {
    uint16_t limit;
    uint32_t base;
  } __attribute__ ((packed));

/* CR0 bits in the low 16, which smsw returns. */
static const struct
  {
    uint16_t bit;
    const char *name;
  } cr0_bits[] =
  {
    { 0x0001, "PE (protected mode)" },
    { 0x0002, "MP (monitor coprocessor)" },
    { 0x0004, "EM (x87 emulation)" },
    { 0x0008, "TS (task switched)" },
    { 0x0010, "ET (extension type)" },
    { 0x0020, "NE (numeric error)" },
  };

int
main (void)
{
  struct dtr gdt, idt;
  uint16_t ldt, tr, msw;

  asm volatile ("sgdt %0" : "=m" (gdt));
  asm volatile ("sidt %0" : "=m" (idt));
  asm volatile ("sldt %0" : "=r" (ldt));
  asm volatile ("str %0" : "=r" (tr));
  asm volatile ("smsw %0" : "=r" (msw));

  printf ("sgdt: none of these trapped; from ring 3 we read:\n");
  printf ("sgdt:   GDT base 0x%08x limit 0x%04x (%u descriptors)%s\n",
          gdt.base, gdt.limit, (gdt.limit + 1u) / 8,
          gdt.base >= 0xc0000000u ? ", in kernel memory" : "");
  printf ("sgdt:   IDT base 0x%08x limit 0x%04x (%u gates)\n",
          idt.base, idt.limit, (idt.limit + 1u) / 8);
  printf ("sgdt:   LDT selector 0x%04x, task register 0x%04x\n", ldt, tr);
  printf ("sgdt:   CR0[15:0] = 0x%04x:", msw);
  for (size_t i = 0; i < sizeof cr0_bits / sizeof *cr0_bits; i++)
    if (msw & cr0_bits[i].bit)
      printf (" %s", cr0_bits[i].name);
  printf ("\n");
  printf ("sgdt: the kernel's own tables and mode bits, visible to any "
          "program: sensitive but not privileged\n");
  return 0;
}
