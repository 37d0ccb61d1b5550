/* The guest's descriptor tables and interrupt entry points.  The hv
   starts a guest with flat segments loaded but no GDT or IDT; this
   file gives it both, so that exceptions and the virtual timer's
   interrupts reach C handlers, and, for the guest kernel of kernel.h,
   ring-3 segments and a TSS per VCPU.  Entry points are plain C
   functions with GCC's interrupt attribute, one per vector, generated
   below; each calls the handler registered for its vector. */

#include "hv/guest/kernel.h"

/* Flat 32-bit code and data descriptors, ring 0 and ring 3. */
#define DESC_KCODE 0x00cf9a000000ffffull
#define DESC_KDATA 0x00cf92000000ffffull
#define DESC_UCODE 0x00cffa000000ffffull
#define DESC_UDATA 0x00cff2000000ffffull

/* Access byte of an available 32-bit TSS, present, DPL 0. */
#define DESC_TSS_ACCESS 0x89u

/* A 32-bit interrupt gate (IF cleared on entry), present; the DPL goes
   in bits 13-14. */
#define GATE_INTR32 0x8e00u
#define GATE_DPL_SHIFT 13

/* GDT slots before the first TSS. */
#define GDT_FIXED (KSEL_TSS0 / 8)

/* A 32-bit task-state segment.  Only SS0:ESP0, the stack an interrupt
   from ring 3 switches to, and the I/O map base matter here. */
struct idt_tss
  {
    uint32_t link;              /* +0x00 */
    uint32_t esp0;              /* +0x04 Kernel stack for ring-3 traps. */
    uint32_t ss0;               /* +0x08 Its segment. */
    uint32_t unused[22];        /* +0x0c ESP1 ... LDT: never used. */
    uint16_t trap;              /* +0x64 */
    uint16_t iomap_base;        /* +0x66 Past the limit: no I/O map. */
  };
_Static_assert (sizeof (struct idt_tss) == 0x68, "TSS layout");

static uint64_t gdt[GDT_FIXED + KERNEL_VCPU_MAX];
static struct idt_tss tss[KERNEL_VCPU_MAX];
static uint64_t idt[GUEST_VECTORS];
static guest_handler *handlers[GUEST_VECTORS];

/* The operand of LGDT and LIDT. */
struct table_register
  {
    uint16_t limit;
    uint32_t base;
  } __attribute__ ((packed));

/* Handles an exception nobody registered for: reports it and fails. */
static void
unexpected (unsigned vector, struct guest_frame *frame, uint32_t error)
{
  fail ("unexpected interrupt %u (error %#x) at eip %#x", vector,
        (unsigned) error, (unsigned) frame->eip);
}

/* Calls the handler for VECTOR.  An interrupt from ring 3 arrives
   with whatever DS and ES ring 3 loaded, a null selector included, and
   the CPU changes neither: the kernel's data selector goes in first
   (nothing before it here touches memory through DS), and ring 3's
   come back before the entry point's IRET.  Locals and the stack are
   reached through SS, which the CPU did switch. */
static void
dispatch (unsigned vector, struct guest_frame *frame, uint32_t error)
{
  uint32_t ds, es;
  asm volatile ("movl %%ds, %0; movl %%es, %1; movl %2, %%ds; movl %2, %%es"
                : "=&r" (ds), "=&r" (es) : "r" ((uint32_t) KSEL_KDATA)
                : "memory");
  guest_handler *h = handlers[vector];
  (h != NULL ? h : unexpected) (vector, frame, error);
  asm volatile ("movl %0, %%ds; movl %1, %%es" : : "r" (ds), "r" (es)
                : "memory");
}

/* Entry points: ENTRY (N) for a vector without an error code,
   ENTRY_ERR (N) for one with. */
#define ENTRY(N)                                                        \
  __attribute__ ((interrupt)) static void                               \
  entry_##N (struct guest_frame *frame)                                 \
  {                                                                     \
    dispatch (N, frame, 0);                                             \
  }
#define ENTRY_ERR(N)                                                    \
  __attribute__ ((interrupt)) static void                               \
  entry_##N (struct guest_frame *frame, uint32_t error)                 \
  {                                                                     \
    dispatch (N, frame, error);                                         \
  }

ENTRY (0) ENTRY (1) ENTRY (2) ENTRY (3) ENTRY (4) ENTRY (5) ENTRY (6)
ENTRY (7) ENTRY_ERR (8) ENTRY (9) ENTRY_ERR (10) ENTRY_ERR (11)
ENTRY_ERR (12) ENTRY_ERR (13) ENTRY_ERR (14) ENTRY (15) ENTRY (16)
ENTRY_ERR (17) ENTRY (18) ENTRY (19) ENTRY (20) ENTRY_ERR (21)
ENTRY (22) ENTRY (23) ENTRY (24) ENTRY (25) ENTRY (26) ENTRY (27)
ENTRY (28) ENTRY_ERR (29) ENTRY_ERR (30) ENTRY (31) ENTRY (32)
ENTRY (33) ENTRY (34) ENTRY (35) ENTRY (36) ENTRY (37) ENTRY (38)
ENTRY (39) ENTRY (40) ENTRY (41) ENTRY (42) ENTRY (43) ENTRY (44)
ENTRY (45) ENTRY (46) ENTRY (47) ENTRY (48) ENTRY (49) ENTRY (50)
ENTRY (51) ENTRY (52) ENTRY (53) ENTRY (54) ENTRY (55) ENTRY (56)
ENTRY (57) ENTRY (58) ENTRY (59) ENTRY (60) ENTRY (61) ENTRY (62)
ENTRY (63)

#define E(N) (void *) entry_##N
static void *const entries[GUEST_VECTORS] =
  {
    E (0), E (1), E (2), E (3), E (4), E (5), E (6), E (7), E (8), E (9),
    E (10), E (11), E (12), E (13), E (14), E (15), E (16), E (17), E (18),
    E (19), E (20), E (21), E (22), E (23), E (24), E (25), E (26), E (27),
    E (28), E (29), E (30), E (31), E (32), E (33), E (34), E (35), E (36),
    E (37), E (38), E (39), E (40), E (41), E (42), E (43), E (44), E (45),
    E (46), E (47), E (48), E (49), E (50), E (51), E (52), E (53), E (54),
    E (55), E (56), E (57), E (58), E (59), E (60), E (61), E (62), E (63),
  };
#undef E

/* Returns the GDT descriptor of T, the task-state segment of one
   VCPU: byte-granular limit, base split as the descriptor wants it. */
static uint64_t
idt_tss_descriptor (const struct idt_tss *t)
{
  uint64_t base = (uint32_t) t;
  uint64_t limit = sizeof *t - 1;

  return limit | (base & 0xffffff) << 16
         | (uint64_t) DESC_TSS_ACCESS << 40 | (base >> 24) << 56;
}

/* Fills the GDT: ring-0 and ring-3 flat segments and one TSS per VCPU,
   each with ring-3 traps landing on the ring-0 data segment. */
static void
idt_fill_gdt (void)
{
  gdt[0] = 0;
  gdt[KSEL_KCODE / 8] = DESC_KCODE;
  gdt[KSEL_KDATA / 8] = DESC_KDATA;
  gdt[KSEL_UCODE / 8] = DESC_UCODE;
  gdt[KSEL_UDATA / 8] = DESC_UDATA;
  for (unsigned i = 0; i < KERNEL_VCPU_MAX; i++)
    {
      tss[i].ss0 = KSEL_KDATA;
      tss[i].iomap_base = sizeof tss[i];
      gdt[GDT_FIXED + i] = idt_tss_descriptor (&tss[i]);
    }
}

/* Points IDT entry VECTOR at ENTRY through an interrupt gate that code
   running at privilege DPL (0 or 3) may reach with INT. */
void
idt_set_gate (unsigned vector, void *entry, unsigned dpl)
{
  uint32_t addr = (uint32_t) entry;

  ASSERT (vector < GUEST_VECTORS);
  ASSERT (dpl == 0 || dpl == 3);
  idt[vector] = (addr & 0xffff) | ((uint64_t) KSEL_KCODE << 16)
                | ((uint64_t) (GATE_INTR32 | dpl << GATE_DPL_SHIFT) << 32)
                | ((uint64_t) (addr >> 16) << 48);
}

/* Builds the GDT and an IDT with an entry for every vector below
   GUEST_VECTORS, and loads both on this VCPU.  The segment registers
   already hold the GDT's ring-0 selectors (the hv loaded them), so
   none is reloaded. */
void
idt_init (void)
{
  idt_fill_gdt ();
  for (unsigned v = 0; v < GUEST_VECTORS; v++)
    idt_set_gate (v, entries[v], 0);
  idt_load_tables ();
}

/* Loads the GDT and the IDT on the calling VCPU.  The task register
   keeps what the hv loaded until idt_load_tss. */
void
idt_load_tables (void)
{
  struct table_register gdtr = { sizeof gdt - 1, (uint32_t) gdt };
  struct table_register idtr = { sizeof idt - 1, (uint32_t) idt };

  asm volatile ("lgdt %0" : : "m" (gdtr));
  asm volatile ("lidt %0" : : "m" (idtr));
}

/* Loads the task register of the calling VCPU, number VCPU, with that
   VCPU's TSS.  Once done, smp_self () finds the VCPU from the TR. */
void
idt_load_tss (unsigned vcpu)
{
  ASSERT (vcpu < KERNEL_VCPU_MAX);
  asm volatile ("ltr %w0" : : "r" (KSEL_TSS0 + 8 * vcpu));
}

/* Makes ESP0 the stack that an interrupt or system call from ring 3
   on VCPU switches to.  Called at every thread switch. */
void
idt_set_kernel_stack (unsigned vcpu, uint32_t esp0)
{
  ASSERT (vcpu < KERNEL_VCPU_MAX);
  tss[vcpu].esp0 = esp0;
}

/* Makes HANDLER (null: the default, which fails) handle VECTOR. */
void
idt_set_handler (unsigned vector, guest_handler *handler)
{
  if (vector < GUEST_VECTORS)
    handlers[vector] = handler;
}
