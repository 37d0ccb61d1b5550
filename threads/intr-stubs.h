/* The interrupt entry code in threads/intr-stubs.S: its entry points,
   and the only numbers it knows about struct intr_frame.
   threads/interrupt.c checks those numbers against the struct at
   build time. */
#ifndef THREADS_INTR_STUBS_H
#define THREADS_INTR_STUBS_H

/* Vectors the IDT has, one stub each. */
#define INTR_STUB_CNT 256

/* Bytes intr_entry saves at the bottom of the frame: four segment
   registers, then the eight general registers of `pushal'. */
#define INTR_FRAME_SAVED_BYTES 0x30

/* Byte offset of FRAME_POINTER in struct intr_frame: intr_entry
   points %ebp there so that backtraces cross interrupts. */
#define INTR_FRAME_FP_OFS 0x38

/* Bytes a vector's stub pushes between the saved registers and what
   the CPU pushed (vector number, error code, frame pointer), which
   intr_exit drops before `iret'. */
#define INTR_FRAME_STUB_BYTES 12

#ifndef __ASSEMBLER__
/* A vector's entry stub, as the IDT points to it. */
typedef void intr_stub_func (void);
extern intr_stub_func *const intr_stubs[INTR_STUB_CNT];

/* Loads the registers saved in the struct intr_frame at the stack
   pointer and returns from the interrupt into them.  A new user
   process enters ring 3 this way, from a frame built by hand. */
void intr_exit (void);
#endif

#endif /* threads/intr-stubs.h */
