/* Interrupt handling: the interrupt frame every handler receives,
   enabling and disabling interrupts, and registering handlers for
   external (device) and internal (exception, trap) vectors. */
#ifndef THREADS_INTERRUPT_H
#define THREADS_INTERRUPT_H

#include <stdbool.h>
#include <stdint.h>

/* Whether interrupts are on or off. */
enum intr_level
  {
    INTR_OFF,             /* Interrupts disabled. */
    INTR_ON               /* Interrupts enabled. */
  };

enum intr_level intr_get_level (void);
enum intr_level intr_set_level (enum intr_level);
enum intr_level intr_enable (void);
enum intr_level intr_disable (void);

/* The stack frame built by an interrupt: the CPU pushes the part
   from ERROR_CODE onward, threads/intr-stubs.S pushes the rest.
   threads/intr-stubs.S relies on the field order. */
struct intr_frame
  {
    /* Pushed by intr_entry in intr-stubs.S: the interrupted task's
       general registers (pushal order) and segment registers. */
    uint32_t edi;               /* +0x00 */
    uint32_t esi;               /* +0x04 */
    uint32_t ebp;               /* +0x08 */
    uint32_t esp_dummy;         /* +0x0c Not used. */
    uint32_t ebx;               /* +0x10 */
    uint32_t edx;               /* +0x14 */
    uint32_t ecx;               /* +0x18 */
    uint32_t eax;               /* +0x1c */
    uint16_t gs, :16;           /* +0x20 */
    uint16_t fs, :16;           /* +0x24 */
    uint16_t es, :16;           /* +0x28 */
    uint16_t ds, :16;           /* +0x2c */

    /* Pushed by the per-vector stub in intr-stubs.S. */
    uint32_t vec_no;            /* +0x30 Interrupt vector number. */

    /* Pushed by the CPU for some exceptions, by the stub (as 0) for
       the others, so the frame has one shape. */
    uint32_t error_code;        /* +0x34 */

    /* Pushed by the stub: a frame pointer that makes backtraces run
       through interrupts. */
    void *frame_pointer;        /* +0x38 */

    /* Pushed by the CPU: the interrupted task's saved state. */
    void (*eip) (void);         /* +0x3c Next instruction to run. */
    uint16_t cs, :16;           /* +0x40 Its code segment. */
    uint32_t eflags;            /* +0x44 Saved flags. */
    void *esp;                  /* +0x48 Saved stack pointer (only
                                   on a change of privilege level). */
    uint16_t ss, :16;           /* +0x4c Its stack segment (likewise). */
  };

typedef void intr_handler_func (struct intr_frame *);

void intr_init (void);
void intr_register_ext (uint8_t vec, intr_handler_func *, const char *name);
void intr_register_int (uint8_t vec, int dpl, enum intr_level,
                        intr_handler_func *, const char *name);
void intr_unregister (uint8_t vec);
bool intr_context (void);
void intr_yield_on_return (void);

void intr_dump_frame (const struct intr_frame *);
const char *intr_name (uint8_t vec);
void intr_print_stats (void);

/* Vectors 0x20...0x2f are the 8259 PIC's lines IRQ0...IRQ15. */
#define INTR_IRQ_BASE 0x20
#define INTR_IRQ_CNT  16

#endif /* threads/interrupt.h */
