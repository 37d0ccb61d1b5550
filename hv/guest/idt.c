/* The guest's descriptor tables and interrupt entry points.  The hv
   starts a guest with flat segments loaded but no GDT or IDT; this
   file gives it both, so that exceptions and the virtual timer's
   interrupts reach C handlers.  Entry points are plain C functions
   with GCC's interrupt attribute, one per vector, generated below;
   each calls the handler registered for its vector. */

#include "hv/guest/guest.h"

/* Selectors: must match the ones the hv loads (hv/vmcb.c). */
#define SEL_CODE 0x08

/* Flat 32-bit ring-0 code and data descriptors. */
#define DESC_CODE 0x00cf9a000000ffffull
#define DESC_DATA 0x00cf92000000ffffull

/* A 32-bit interrupt gate (IF cleared on entry), present, ring 0. */
#define GATE_INTR32 0x8e00u


static const uint64_t gdt[3] = { 0, DESC_CODE, DESC_DATA };
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

/* Calls the handler for VECTOR. */
static void
dispatch (unsigned vector, struct guest_frame *frame, uint32_t error)
{
  guest_handler *h = handlers[vector];
  (h != NULL ? h : unexpected) (vector, frame, error);
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

/* Loads the GDT and an IDT with an entry for every vector below
   GUEST_VECTORS.  The segment registers already hold the GDT's
   selectors (the hv loaded them), so none is reloaded. */
void
idt_init (void)
{
  struct table_register gdtr = { sizeof gdt - 1, (uint32_t) gdt };
  struct table_register idtr = { sizeof idt - 1, (uint32_t) idt };

  for (unsigned v = 0; v < GUEST_VECTORS; v++)
    {
      uint32_t addr = (uint32_t) entries[v];
      idt[v] = (addr & 0xffff) | ((uint64_t) SEL_CODE << 16)
               | ((uint64_t) GATE_INTR32 << 32)
               | ((uint64_t) (addr >> 16) << 48);
    }
  asm volatile ("lgdt %0" : : "m" (gdtr));
  asm volatile ("lidt %0" : : "m" (idtr));
}

/* Makes HANDLER (null: the default, which fails) handle VECTOR. */
void
idt_set_handler (unsigned vector, guest_handler *handler)
{
  if (vector < GUEST_VECTORS)
    handlers[vector] = handler;
}
