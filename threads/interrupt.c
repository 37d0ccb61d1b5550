/* The interrupt descriptor table and the dispatch of interrupts.

   Vectors 0-31 are CPU exceptions, 0x20-0x2f the 8259 PIC's device
   lines (external interrupts), and the rest are free for software
   traps such as the system call (0x30).  Every vector enters through
   its stub in threads/intr-stubs.S and reaches intr_handler(), which
   runs the handler registered for the vector.  Around a device
   line's handler it keeps the books: the interrupt-context flag, the
   PIC's end of interrupt, and the yield a handler may ask for. */

#include "threads/interrupt.h"
#include <debug.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include "devices/pic.h"
#include "threads/cpu.h"
#include "threads/intr-stubs.h"
#include "threads/loader.h"
#include "threads/thread.h"

/* The layout threads/intr-stubs.S builds and relies on. */
_Static_assert (offsetof (struct intr_frame, ds) == 0,
                "intr_entry pushes %ds last and intr_exit pops it first");
_Static_assert (offsetof (struct intr_frame, edi) == 0x10
                && offsetof (struct intr_frame, eax) == 0x2c,
                "pushal stores EDI lowest and EAX highest");
_Static_assert (offsetof (struct intr_frame, vec_no)
                == INTR_FRAME_SAVED_BYTES,
                "the stub's words lie just above the saved registers");
_Static_assert (offsetof (struct intr_frame, frame_pointer)
                == INTR_FRAME_FP_OFS, "intr_entry points %ebp here");
_Static_assert (offsetof (struct intr_frame, eip)
                - offsetof (struct intr_frame, vec_no)
                == INTR_FRAME_STUB_BYTES, "intr_exit drops these bytes");
_Static_assert (offsetof (struct intr_frame, frame_pointer) + 4
                == offsetof (struct intr_frame, eip),
                "frame_pointer and eip form a frame for backtraces");
_Static_assert (sizeof (struct intr_frame) == 0x50,
                "the CPU's part ends with SS");

/* IDT gate types (Intel SDM vol. 3, section 6.11). */
#define GATE_INTR 14            /* 32-bit interrupt gate: clears IF. */
#define GATE_TRAP 15            /* 32-bit trap gate: leaves IF alone. */

/* The IDT the CPU reads. */
static uint64_t intr_idt[INTR_STUB_CNT];

/* What the kernel keeps about each vector besides its gate. */
struct intr_vector
  {
    intr_handler_func *handler; /* Or NULL if nothing is registered. */
    const char *name;           /* For messages. */
  };
static struct intr_vector intr_vectors[INTR_STUB_CNT];

/* True while a device line's handler runs. */
static bool intr_in_external;

/* Set through intr_yield_on_return() by a device line's handler: the
   running thread yields once the handler is done. */
static bool intr_yield_requested;

struct intr_frame *intr_handler (struct intr_frame *);
static void intr_install (uint8_t vec, int dpl, int type,
                          intr_handler_func *, const char *name);
static void intr_unexpected (struct intr_frame *);

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

/* Returns true if VEC is one of the PIC's device lines. */
static bool
intr_is_external (unsigned vec)
{
  return vec >= INTR_IRQ_BASE && vec < INTR_IRQ_BASE + INTR_IRQ_CNT;
}

/* Returns the name of VEC while no handler is registered for it. */
static const char *
default_name (unsigned vec)
{
  if (vec < 32 && exception_names[vec] != NULL)
    return exception_names[vec];
  return "unknown";
}

/* Returns whether interrupts are on now. */
enum intr_level
intr_get_level (void)
{
  return (read_eflags () & FLAG_IF) != 0 ? INTR_ON : INTR_OFF;
}

/* Turns interrupts off; returns whether they were on before. */
enum intr_level
intr_disable (void)
{
  enum intr_level was = intr_get_level ();
  asm volatile ("cli" : : : "memory");
  return was;
}

/* Turns interrupts on; returns whether they were on before.  Not in
   an external interrupt handler, which runs with interrupts off from
   start to end. */
enum intr_level
intr_enable (void)
{
  ASSERT (!intr_context ());

  enum intr_level was = intr_get_level ();
  asm volatile ("sti" : : : "memory");
  return was;
}

/* Turns interrupts on or off as LEVEL says; returns whether they were
   on before. */
enum intr_level
intr_set_level (enum intr_level level)
{
  if (level == INTR_OFF)
    return intr_disable ();
  return intr_enable ();
}

/* Sets up the PICs and loads an IDT in which every vector leads, so
   far, to intr_unexpected(). */
void
intr_init (void)
{
  pic_init ();

  for (unsigned vec = 0; vec < INTR_STUB_CNT; vec++)
    intr_install (vec, 0, GATE_INTR, NULL, default_name (vec));

  struct { uint16_t limit; uint32_t base; } __attribute__ ((packed))
    idtr = { sizeof intr_idt - 1, (uintptr_t) intr_idt };
  asm volatile ("lidt %0" : : "m" (idtr));
}

/* Makes HANDLER, called NAME in messages, handle the PIC line at
   vector VEC.  It runs with interrupts off. */
void
intr_register_ext (uint8_t vec, intr_handler_func *handler, const char *name)
{
  ASSERT (intr_is_external (vec));
  ASSERT (intr_vectors[vec].handler == NULL);
  intr_install (vec, 0, GATE_INTR, handler, name);
}

/* Makes HANDLER, called NAME in messages, handle exception or trap
   vector VEC, with interrupts at LEVEL while it runs.  DPL is the
   least privileged ring whose `int VEC' reaches the handler: 3 lets
   user programs make system calls, while with 0 an `int' from ring 3
   raises #GP instead. */
void
intr_register_int (uint8_t vec, int dpl, enum intr_level level,
                   intr_handler_func *handler, const char *name)
{
  ASSERT (!intr_is_external (vec));
  ASSERT (intr_vectors[vec].handler == NULL);
  intr_install (vec, dpl, level == INTR_ON ? GATE_TRAP : GATE_INTR,
                handler, name);
}

/* Forgets the handler of VEC (a module does this as it exits): the
   vector leads to intr_unexpected() again, at DPL 0, so an `int VEC'
   from user mode faults once more. */
void
intr_unregister (uint8_t vec)
{
  ASSERT (intr_vectors[vec].handler != NULL);
  intr_install (vec, 0, GATE_INTR, NULL, default_name (vec));
}

/* In a device line's handler: makes the interrupted thread yield the
   CPU once the handler returns. */
void
intr_yield_on_return (void)
{
  ASSERT (intr_in_external);
  intr_yield_requested = true;
}

/* Returns true while a device line's handler runs, when sleeping is
   forbidden. */
bool
intr_context (void)
{
  return intr_in_external;
}

/* Returns the name of vector VEC: its handler's, or the exception's. */
const char *
intr_name (uint8_t vec)
{
  return intr_vectors[vec].name;
}

/* Called by intr_entry in threads/intr-stubs.S for every interrupt,
   with the interrupted state in FRAME and interrupts as the vector's
   gate left them.  Runs the vector's handler; returns FRAME, which
   intr_entry then resumes. */
struct intr_frame *
intr_handler (struct intr_frame *frame)
{
  unsigned vec = frame->vec_no;
  bool external = intr_is_external (vec);
  intr_handler_func *handler = intr_vectors[vec].handler;

  if (external)
    {
      ASSERT (intr_get_level () == INTR_OFF && !intr_in_external);
      intr_in_external = true;
      intr_yield_requested = false;
    }

  if (handler != NULL)
    handler (frame);
  else if (vec != INTR_IRQ_BASE + 7 && vec != INTR_IRQ_BASE + 15)
    intr_unexpected (frame);
  /* Otherwise a spurious IRQ 7 or 15 (8259A datasheet): ignored, and
     it gets no end-of-interrupt here; pic.c handles IRQ 15's. */

  if (external)
    {
      ASSERT (intr_get_level () == INTR_OFF && intr_in_external);
      intr_in_external = false;
      pic_end_of_interrupt (vec - INTR_IRQ_BASE);
      if (intr_yield_requested)
        thread_yield ();
    }
  return frame;
}

/* Prints the interrupt in F and the registers it saved; CR2 too for a
   page fault. */
void
intr_dump_frame (const struct intr_frame *f)
{
  printf ("Interrupt %#04x (%s) at eip=%p\n",
          (unsigned) f->vec_no, intr_name (f->vec_no), (void *) f->eip);
  if (f->vec_no == 14)
    printf (" cr2=%08"PRIx32" ", rcr2 ());
  printf (" error=%08"PRIx32"\n", f->error_code);

  const struct { const char *name; uint32_t value; } regs[] =
    {
      { "eax", f->eax }, { "ebx", f->ebx }, { "ecx", f->ecx },
      { "edx", f->edx }, { "esi", f->esi }, { "edi", f->edi },
      { "esp", (uint32_t) f->esp }, { "ebp", f->ebp },
    };
  for (size_t i = 0; i < sizeof regs / sizeof *regs; i++)
    printf ("%s%s=%08"PRIx32"%s", i % 4 == 0 ? " " : "", regs[i].name,
            regs[i].value, i % 4 == 3 ? "\n" : " ");
  printf (" cs=%04x ds=%04x es=%04x ss=%04x eflags=%08"PRIx32"\n",
          f->cs, f->ds, f->es, f->ss, f->eflags);
}

/* Returns an IDT gate of TYPE that enters STUB in the kernel code
   segment and that `int' may use from rings DPL and more privileged. */
static uint64_t
intr_gate (intr_stub_func *stub, int dpl, int type)
{
  ASSERT (stub != NULL);
  ASSERT (dpl >= 0 && dpl <= 3);
  ASSERT (type == GATE_INTR || type == GATE_TRAP);

  uint32_t addr = (uint32_t) stub;
  uint32_t lo = (addr & 0xffff) | (SEL_KCSEG << 16);
  uint32_t hi = (addr & 0xffff0000)         /* Offset 31:16. */
                | (1 << 15)                 /* Present. */
                | ((uint32_t) dpl << 13)    /* Descriptor privilege. */
                | ((uint32_t) type << 8);   /* Gate type. */
  return lo | ((uint64_t) hi << 32);
}

/* Points vector VEC's gate, of TYPE and privilege DPL, at its stub,
   and records HANDLER (NULL for none) and NAME for it. */
static void
intr_install (uint8_t vec, int dpl, int type, intr_handler_func *handler,
              const char *name)
{
  intr_idt[vec] = intr_gate (intr_stubs[vec], dpl, type);
  intr_vectors[vec] = (struct intr_vector) { handler, name };
}

/* Handles a vector nobody registered for.  In the core kernel every
   such exception is a kernel bug: dump the state and panic.  A page
   fault's panic line also names the address it touched (CR2): the
   panic line is what a test's report shows. */
static void
intr_unexpected (struct intr_frame *f)
{
  char cr2[24] = "";

  intr_dump_frame (f);
  if (f->vec_no == 14)
    snprintf (cr2, sizeof cr2, ", cr2=0x%08"PRIx32, rcr2 ());
  if ((f->cs & 3) == 3)
    PANIC ("unexpected %s in user mode (vector %#x%s)",
           intr_name (f->vec_no), (unsigned) f->vec_no, cr2);
  PANIC ("unexpected %s in kernel mode at %p (vector %#x%s)",
         intr_name (f->vec_no), (void *) f->eip, (unsigned) f->vec_no, cr2);
}
