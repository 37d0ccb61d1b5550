/* The interrupt descriptor table and interrupt dispatch.

   Vectors 0-31 are CPU exceptions, 0x20-0x2f the 8259 PIC's device
   lines (external interrupts), and the rest free for software traps
   such as the system call (0x30).  Every vector enters through a stub
   in intr-stubs.S and arrives in intr_handler(), which calls the
   handler registered for it. */

#include "threads/interrupt.h"
#include <debug.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include "devices/pic.h"
#include "threads/cpu.h"
#include "threads/intr-stubs.h"
#include "threads/loader.h"
#include "threads/thread.h"

#define INTR_CNT 256            /* Number of x86 interrupt vectors. */

/* Gate types of IDT descriptors (Intel SDM vol. 3, 6.11). */
#define GATE_INTR 14            /* 32-bit interrupt gate: clears IF. */
#define GATE_TRAP 15            /* 32-bit trap gate: leaves IF alone. */

/* The IDT, and for each vector its handler, name and count. */
static uint64_t idt[INTR_CNT];
static intr_handler_func *intr_handlers[INTR_CNT];
static const char *intr_names[INTR_CNT];
static unsigned long long intr_counts[INTR_CNT];

/* True while an external interrupt is being handled. */
static bool in_external_intr;

/* Set by intr_yield_on_return() during an external interrupt: yield
   to a new thread just before returning from it. */
static bool yield_on_return;

static uint64_t make_gate (intr_stub_func *, int dpl, int type);
static void register_handler (uint8_t vec, int dpl, enum intr_level,
                              intr_handler_func *, const char *name);
static void unexpected_interrupt (struct intr_frame *);
void intr_handler (struct intr_frame *);

/* Names of the CPU exceptions (vectors 0-31). */
static const char *const exception_names[32] =
  {
    [0] = "#DE Divide Error",
    [1] = "#DB Debug Exception",
    [2] = "NMI Interrupt",
    [3] = "#BP Breakpoint Exception",
    [4] = "#OF Overflow Exception",
    [5] = "#BR BOUND Range Exceeded Exception",
    [6] = "#UD Invalid Opcode Exception",
    [7] = "#NM Device Not Available Exception",
    [8] = "#DF Double Fault Exception",
    [9] = "Coprocessor Segment Overrun",
    [10] = "#TS Invalid TSS Exception",
    [11] = "#NP Segment Not Present",
    [12] = "#SS Stack Fault Exception",
    [13] = "#GP General Protection Exception",
    [14] = "#PF Page-Fault Exception",
    [16] = "#MF x87 FPU Floating-Point Error",
    [17] = "#AC Alignment Check Exception",
    [18] = "#MC Machine-Check Exception",
    [19] = "#XF SIMD Floating-Point Exception",
    [20] = "#VE Virtualization Exception",
    [30] = "#SX Security Exception",
  };

/* Returns the name of VEC while no handler is registered for it. */
static const char *
default_name (int vec)
{
  return vec < 32 && exception_names[vec] != NULL ? exception_names[vec]
                                                  : "unknown";
}

/* Returns the current interrupt status. */
enum intr_level
intr_get_level (void)
{
  return read_eflags () & FLAG_IF ? INTR_ON : INTR_OFF;
}

/* Enables or disables interrupts as LEVEL says; returns the previous
   level. */
enum intr_level
intr_set_level (enum intr_level level)
{
  return level == INTR_ON ? intr_enable () : intr_disable ();
}

/* Enables interrupts and returns the previous level.  Not allowed in
   an interrupt handler: handlers run with interrupts off, start to
   end. */
enum intr_level
intr_enable (void)
{
  enum intr_level old_level = intr_get_level ();
  ASSERT (!intr_context ());
  asm volatile ("sti" : : : "memory");
  return old_level;
}

/* Disables interrupts and returns the previous level. */
enum intr_level
intr_disable (void)
{
  enum intr_level old_level = intr_get_level ();
  asm volatile ("cli" : : : "memory");
  return old_level;
}

/* Sets up the PICs and the IDT, with every vector going to
   unexpected_interrupt() until something registers for it. */
void
intr_init (void)
{
  pic_init ();

  for (int i = 0; i < INTR_CNT; i++)
    {
      idt[i] = make_gate (intr_stubs[i], 0, GATE_INTR);
      intr_names[i] = default_name (i);
    }

  struct { uint16_t limit; uint32_t base; } __attribute__ ((packed))
    desc = { sizeof idt - 1, (uintptr_t) idt };
  asm volatile ("lidt %0" : : "m" (desc));
}

/* Registers HANDLER for external interrupt vector VEC (a PIC line),
   named NAME for debugging.  The handler runs with interrupts off. */
void
intr_register_ext (uint8_t vec, intr_handler_func *handler, const char *name)
{
  ASSERT (vec >= INTR_IRQ_BASE && vec < INTR_IRQ_BASE + INTR_IRQ_CNT);
  register_handler (vec, 0, INTR_OFF, handler, name);
}

/* Registers HANDLER for internal interrupt vector VEC (an exception
   or a software trap), named NAME.  Code in ring DPL or more
   privileged may invoke it with `int' (DPL 3 lets user programs make
   system calls; DPL 0 makes `int' from ring 3 raise #GP instead).
   The handler runs with interrupts at LEVEL. */
void
intr_register_int (uint8_t vec, int dpl, enum intr_level level,
                   intr_handler_func *handler, const char *name)
{
  ASSERT (vec < INTR_IRQ_BASE || vec >= INTR_IRQ_BASE + INTR_IRQ_CNT);
  register_handler (vec, dpl, level, handler, name);
}

/* Removes the handler registered for VEC (a module does this in its
   exit function): the vector goes back to unexpected_interrupt(),
   and to DPL 0, so `int VEC' from user mode faults again. */
void
intr_unregister (uint8_t vec)
{
  ASSERT (intr_handlers[vec] != NULL);
  idt[vec] = make_gate (intr_stubs[vec], 0, GATE_INTR);
  intr_handlers[vec] = NULL;
  intr_names[vec] = default_name (vec);
}

/* Returns true while an external interrupt is being handled. */
bool
intr_context (void)
{
  return in_external_intr;
}

/* In an external interrupt handler: yield to another thread just
   before returning from the interrupt. */
void
intr_yield_on_return (void)
{
  ASSERT (intr_context ());
  yield_on_return = true;
}

/* Returns the name of vector VEC. */
const char *
intr_name (uint8_t vec)
{
  return intr_names[vec];
}

/* Common entry for every interrupt, called by intr-stubs.S with the
   interrupted state in FRAME. */
void
intr_handler (struct intr_frame *frame)
{
  uint8_t vec = frame->vec_no;
  bool external = vec >= INTR_IRQ_BASE && vec < INTR_IRQ_BASE + INTR_IRQ_CNT;

  intr_counts[vec]++;
  if (external)
    {
      ASSERT (intr_get_level () == INTR_OFF);
      ASSERT (!intr_context ());
      in_external_intr = true;
      yield_on_return = false;
    }

  intr_handler_func *handler = intr_handlers[vec];
  if (handler != NULL)
    handler (frame);
  else if (vec == INTR_IRQ_BASE + 7 || vec == INTR_IRQ_BASE + 15)
    {
      /* A spurious PIC interrupt (8259A datasheet): no handler, no
         end-of-interrupt for IRQ 7; pic.c deals with IRQ 15's. */
    }
  else
    unexpected_interrupt (frame);

  if (external)
    {
      ASSERT (intr_get_level () == INTR_OFF);
      ASSERT (intr_context ());
      in_external_intr = false;
      pic_end_of_interrupt (vec - INTR_IRQ_BASE);
      if (yield_on_return)
        thread_yield ();
    }
}

/* Prints the registers in interrupt frame F, and CR2 for page
   faults. */
void
intr_dump_frame (const struct intr_frame *f)
{
  printf ("Interrupt %#04x (%s) at eip=%p\n",
          (unsigned) f->vec_no, intr_names[f->vec_no], (void *) f->eip);
  if (f->vec_no == 14)
    printf (" cr2=%08"PRIx32" ", rcr2 ());
  printf (" error=%08"PRIx32"\n", f->error_code);
  printf (" eax=%08"PRIx32" ebx=%08"PRIx32" ecx=%08"PRIx32" edx=%08"PRIx32"\n",
          f->eax, f->ebx, f->ecx, f->edx);
  printf (" esi=%08"PRIx32" edi=%08"PRIx32" esp=%08"PRIx32" ebp=%08"PRIx32"\n",
          f->esi, f->edi, (uint32_t) f->esp, f->ebp);
  printf (" cs=%04x ds=%04x es=%04x ss=%04x eflags=%08"PRIx32"\n",
          f->cs, f->ds, f->es, f->ss, f->eflags);
}

/* Prints how often each vector that occurred has fired. */
void
intr_print_stats (void)
{
  printf ("Interrupts:");
  for (int i = 0; i < INTR_CNT; i++)
    if (intr_counts[i] != 0)
      printf (" %#x(%s)=%llu", i, intr_names[i], intr_counts[i]);
  printf ("\n");
}

/* Returns an IDT gate for entry point FUNCTION, callable from rings
   DPL and above, of gate TYPE, using the kernel code segment. */
static uint64_t
make_gate (intr_stub_func *function, int dpl, int type)
{
  ASSERT (function != NULL);
  ASSERT (dpl >= 0 && dpl <= 3);
  ASSERT (type == GATE_INTR || type == GATE_TRAP);

  uint32_t addr = (uint32_t) function;
  uint32_t lo = (addr & 0xffff) | (SEL_KCSEG << 16);
  uint32_t hi = (addr & 0xffff0000)         /* Offset 31:16. */
                | (1 << 15)                 /* Present. */
                | ((uint32_t) dpl << 13)    /* Descriptor privilege. */
                | ((uint32_t) type << 8);   /* Gate type. */
  return lo | ((uint64_t) hi << 32);
}

/* Installs HANDLER for VEC with privilege DPL; LEVEL picks an
   interrupt gate (interrupts off) or a trap gate (left as they are). */
static void
register_handler (uint8_t vec, int dpl, enum intr_level level,
                  intr_handler_func *handler, const char *name)
{
  ASSERT (intr_handlers[vec] == NULL);
  idt[vec] = make_gate (intr_stubs[vec], dpl,
                        level == INTR_ON ? GATE_TRAP : GATE_INTR);
  intr_handlers[vec] = handler;
  intr_names[vec] = name;
}

/* Handles a vector nobody registered for: in the base kernel, any
   exception is a kernel bug, so dump the state and panic. */
static void
unexpected_interrupt (struct intr_frame *f)
{
  intr_dump_frame (f);
  if ((f->cs & 3) == 3)
    PANIC ("unexpected %s in user mode (vector %#x)",
           intr_names[f->vec_no], (unsigned) f->vec_no);
  PANIC ("unexpected %s in kernel mode at %p (vector %#x)",
         intr_names[f->vec_no], (void *) f->eip, (unsigned) f->vec_no);
}
