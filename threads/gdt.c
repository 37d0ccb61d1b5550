/* The global descriptor table.  Ringlet uses flat segments (base 0,
   limit 4 GiB) and relies on paging for protection, so the GDT holds
   just what x86 insists on: code and data segments for rings 0 and 3,
   which carry the privilege level, and the TSS, which tells the CPU
   which stack to use when an interrupt arrives in ring 3. */

#include "threads/gdt.h"
#include <debug.h>
#include <stdint.h>
#include "threads/loader.h"
#include "threads/tss.h"
#include "threads/vaddr.h"

static uint64_t gdt[SEL_CNT];

/* Descriptor type field values (Intel SDM vol. 3, 3.4.5.1). */
enum seg_type
  {
    TYPE_DATA_RW = 2,           /* Read/write data. */
    TYPE_CODE_RX = 10,          /* Execute/read code. */
    TYPE_TSS_32 = 9             /* Available 32-bit TSS (a system type). */
  };

/* Builds a segment descriptor for BASE and LIMIT (in bytes if
   !PAGE_GRANULAR, in 4 KiB units otherwise), TYPE, privilege DPL,
   code/data (S=1) if !SYSTEM.  32-bit default operand size. */
static uint64_t
make_desc (uint32_t base, uint32_t limit, enum seg_type type, int dpl,
           bool system, bool page_granular)
{
  ASSERT (limit <= 0xfffff);
  ASSERT (dpl >= 0 && dpl <= 3);

  uint32_t lo = (limit & 0xffff) | (base << 16);
  uint32_t hi = ((base >> 16) & 0xff)      /* Base 23:16. */
                | (type << 8)              /* Type. */
                | ((system ? 0 : 1) << 12) /* S: code or data. */
                | (dpl << 13)              /* DPL. */
                | (1 << 15)                /* Present. */
                | (limit & 0xf0000)        /* Limit 19:16. */
                | ((system ? 0 : 1) << 22) /* D/B: 32-bit. */
                | ((page_granular ? 1 : 0) << 23)
                | (base & 0xff000000);     /* Base 31:24. */
  return lo | ((uint64_t) hi << 32);
}

/* Returns a flat 4 GiB segment of TYPE for ring DPL. */
static uint64_t
make_flat_desc (enum seg_type type, int dpl)
{
  return make_desc (0, 0xfffff, type, dpl, false, true);
}

/* Sets up the final GDT, loads it, reloads every segment register
   and loads the task register. */
void
gdt_init (void)
{
  struct tss *tss = tss_get ();

  gdt[SEL_NULL / 8] = 0;
  gdt[SEL_KCSEG / 8] = make_flat_desc (TYPE_CODE_RX, 0);
  gdt[SEL_KDSEG / 8] = make_flat_desc (TYPE_DATA_RW, 0);
  gdt[SEL_UCSEG / 8] = make_flat_desc (TYPE_CODE_RX, 3);
  gdt[SEL_UDSEG / 8] = make_flat_desc (TYPE_DATA_RW, 3);
  gdt[SEL_TSS / 8] = make_desc ((uintptr_t) tss, sizeof *tss - 1,
                                TYPE_TSS_32, 0, true, false);

  struct { uint16_t limit; uint32_t base; } __attribute__ ((packed))
    desc = { sizeof gdt - 1, (uintptr_t) gdt };
  asm volatile ("lgdt %0" : : "m" (desc));
  asm volatile ("ljmp %0, $1f\n1:" : : "i" (SEL_KCSEG));
  asm volatile ("movw %w0, %%ds; movw %w0, %%es; movw %w0, %%ss;"
                "movw %w0, %%fs; movw %w0, %%gs" : : "r" (SEL_KDSEG));
  asm volatile ("ltr %w0" : : "r" (SEL_TSS));
}
