/* The emulated 8259A programmable interrupt controller pair
   (hv/vdev/pic.c): its state, as part of struct vm. */
#ifndef HV_VDEV_PIC_H
#define HV_VDEV_PIC_H

#include <stdbool.h>
#include <stdint.h>

/* One 8259A chip. */
struct vdev_pic_chip
  {
    uint8_t irr;                /* Interrupt requests latched. */
    uint8_t isr;                /* Interrupts in service. */
    uint8_t imr;                /* Masked lines. */
    uint8_t lines;              /* Input lines now high (edge detection). */
    uint8_t vector_base;        /* ICW2: vector of line 0 (low 3 bits 0). */
    uint8_t icw_step;           /* Next initialisation word: 0 = none. */
    bool icw4_needed;           /* ICW1 asked for ICW4. */
    bool single;                /* ICW1: no cascade (no ICW3). */
    bool auto_eoi;              /* ICW4: automatic EOI. */
    bool read_isr;              /* OCW3: reads of the command port give ISR. */
    bool special_mask;          /* OCW3: special mask mode. */
    bool poll;                  /* OCW3: the next command-port read polls. */
    bool initialised;           /* Has had ICW1...ICW4 once. */
    uint8_t priority_low;       /* Lowest-priority line (rotation). */
    bool rotate_on_aeoi;        /* Rotate in automatic-EOI mode. */
  };

/* The master (lines 0-7, the slave on line 2) and the slave (8-15). */
struct vdev_pic
  {
    struct vdev_pic_chip chip[2];
    uint8_t elcr[2];            /* Edge/level control (ports 0x4d0-1). */
    uint32_t raised[16];        /* Requests per line (statistics). */
    uint32_t delivered[16];     /* Acknowledged per line (statistics). */
    uint32_t spurious;          /* Spurious acknowledgements (7 or 15). */
  };

#endif /* hv/vdev/pic.h */
