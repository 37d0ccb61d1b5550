/* The guest runtime: what a program running as a Ringlet guest links
   with.  It starts the program (hv/guest/start.c), gives it a console
   (console.c), interrupt and exception handling (idt.c), the virtual
   timer (timer.c) and page tables (paging.c), and wraps the hv's
   hypercalls, ports and MSRs.  A guest program defines
   TEST_NAME, which prefixes its msg () lines, and main (). */
#ifndef HV_GUEST_GUEST_H
#define HV_GUEST_GUEST_H

#include <debug.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "hv/abi.h"
#include "threads/cpu.h"          /* cpuid, rdmsr, wrmsr, rdtsc. */
#include "threads/io.h"           /* inb, outb, inl, outl. */

/* ---- The program (defined by each guest) ---- */
extern const char test_name[];  /* "(TEST_NAME) " starts msg () lines. */
int main (void);                /* Its return value is the exit code. */

/* ---- start.c ---- */
void guest_exit (int code) NO_RETURN;

/* ---- console.c ---- */
void msg (const char *format, ...) PRINTF_FORMAT (1, 2);
void fail (const char *format, ...) PRINTF_FORMAT (1, 2) NO_RETURN;

/* ---- idt.c: interrupts and exceptions ---- */

/* What the CPU pushed when it interrupted the guest. */
struct guest_frame
  {
    uint32_t eip;               /* Where to resume; a handler may change it. */
    uint32_t cs;
    uint32_t eflags;
  };

/* A handler for VECTOR: FRAME is the interrupted state, ERROR the
   error code (0 for vectors without one). */
typedef void guest_handler (unsigned vector, struct guest_frame *frame,
                            uint32_t error);

#define GUEST_VECTORS 64        /* Vectors 0-63 have entries. */
void idt_init (void);
void idt_set_handler (unsigned vector, guest_handler *);

/* ---- timer.c: the virtual timer ---- */
void timer_start (uint32_t period, uint8_t vector, guest_handler *);
void timer_stop (void);
uint32_t timer_fired (void);
uint32_t timer_now (void);
void timer_count (unsigned vector, struct guest_frame *, uint32_t error);
unsigned timer_interrupts (void);

/* ---- paging.c: guest page tables ---- */
enum paging_mode { PAGING_LEGACY, PAGING_PAE };
void paging_init (enum paging_mode);
void paging_map (uint32_t va, uint32_t pa, bool writable);
void paging_map_user (uint32_t va, uint32_t pa, bool writable);
void paging_identity_map (uint32_t start, uint32_t end);
void paging_enable (void);
void paging_disable (void);
void paging_unmap (uint32_t va);
uint32_t paging_space_new (void);
uint32_t paging_space_first (void);
void paging_space_switch (uint32_t space);
void paging_space_free (uint32_t space);

/* ---- Hypercalls (VMMCALL; numbers in hv/abi.h) ---- */

/* Makes hypercall NR with arguments ARG1 (EBX) and ARG2 (ECX). */
static inline int32_t
hypercall (uint32_t nr, uint32_t arg1, uint32_t arg2)
{
  int32_t result;
  asm volatile ("vmmcall" : "=a" (result) : "a" (nr), "b" (arg1), "c" (arg2)
                : "memory");
  return result;
}

/* Makes hypercall NR with three arguments: ARG1 (EBX), ARG2 (ECX)
   and ARG3 (EDX). */
static inline int32_t
hypercall3 (uint32_t nr, uint32_t arg1, uint32_t arg2, uint32_t arg3)
{
  int32_t result;
  asm volatile ("vmmcall" : "=a" (result)
                : "a" (nr), "b" (arg1), "c" (arg2), "d" (arg3) : "memory");
  return result;
}

/* ---- Instructions that exit ---- */
/* CPUID, RDMSR, WRMSR, RDTSC and port I/O come from threads/cpu.h and
   threads/io.h: cpuid (), rdmsr (), wrmsr (), rdtsc (), inb (), outb (),
   inl (), outl (). */

/* Interrupt flag. */
static inline void guest_sti (void) { asm volatile ("sti" : : : "memory"); }
static inline void guest_cli (void) { asm volatile ("cli" : : : "memory"); }

/* Enables interrupts and halts until one arrives (STI's shadow makes
   the pair atomic: no interrupt can slip in between). */
static inline void
guest_wait (void)
{
  asm volatile ("sti; hlt" : : : "memory");
}

#endif /* hv/guest/guest.h */
