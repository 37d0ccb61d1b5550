/* Interrupts: turning them on and off, the frame a handler receives,
   and registering handlers for device lines (external interrupts)
   and for exceptions and traps (internal ones). */
#ifndef THREADS_INTERRUPT_H
#define THREADS_INTERRUPT_H

#include <stdbool.h>
#include <stdint.h>

/* Whether the CPU accepts external interrupts (EFLAGS.IF). */
enum intr_level
  {
    INTR_OFF,             /* IF clear: external interrupts wait. */
    INTR_ON               /* IF set: they are taken. */
  };

enum intr_level intr_get_level (void);
enum intr_level intr_set_level (enum intr_level);
enum intr_level intr_disable (void);
enum intr_level intr_enable (void);

/* The interrupted code's state, as every handler sees it.  The top
   part, from EIP up, is what the CPU pushes; the stub for the vector
   adds the three words below it, and intr_entry the saved registers
   at the bottom (threads/intr-stubs.S, whose offsets are in
   threads/intr-stubs.h and checked against this struct in
   threads/interrupt.c).  A handler may change the fields: intr_exit
   resumes from whatever they hold. */
struct intr_frame
  {
    /* Saved by intr_entry: segment registers... */
    uint16_t ds, :16;           /* +0x00 */
    uint16_t es, :16;           /* +0x04 */
    uint16_t fs, :16;           /* +0x08 */
    uint16_t gs, :16;           /* +0x0c */
    /* ...and general registers, in the order `pushal' stores them. */
    uint32_t edi;               /* +0x10 */
    uint32_t esi;               /* +0x14 */
    uint32_t ebp;               /* +0x18 */
    uint32_t esp_dummy;         /* +0x1c Ignored by `popal'. */
    uint32_t ebx;               /* +0x20 */
    uint32_t edx;               /* +0x24 */
    uint32_t ecx;               /* +0x28 */
    uint32_t eax;               /* +0x2c */

    /* Pushed by the vector's stub. */
    uint32_t vec_no;            /* +0x30 Vector, 0 to 255. */
    uint32_t error_code;        /* +0x34 From the CPU, or 0. */
    void *frame_pointer;        /* +0x38 Interrupted %ebp, for backtraces. */

    /* Pushed by the CPU. */
    void (*eip) (void);         /* +0x3c Where to resume. */
    uint16_t cs, :16;           /* +0x40 Code segment; its low 2 bits
                                   are the interrupted ring. */
    uint32_t eflags;            /* +0x44 */
    void *esp;                  /* +0x48 Stack pointer and segment:  */
    uint16_t ss, :16;           /* +0x4c only from a less privileged ring. */
  };

/* A handler for one vector.  External handlers run with interrupts
   off and must not sleep. */
typedef void intr_handler_func (struct intr_frame *);

void intr_init (void);
void intr_register_ext (uint8_t vec, intr_handler_func *, const char *name);
void intr_register_int (uint8_t vec, int dpl, enum intr_level,
                        intr_handler_func *, const char *name);
void intr_unregister (uint8_t vec);
void intr_yield_on_return (void);
bool intr_context (void);
const char *intr_name (uint8_t vec);
void intr_dump_frame (const struct intr_frame *);

/* Vectors 0x20...0x2f are the 8259 PIC's lines IRQ0...IRQ15. */
#define INTR_IRQ_BASE 0x20
#define INTR_IRQ_CNT  16

#endif /* threads/interrupt.h */
