/* Ring 3 in the guest: the system-call interface between user code
   and the guest kernel, the markers that put code and data in the
   user sections (hv/guest/guest.lds.S), and the guest kernel's calls
   that run a user program on kernel threads (user.c).

   A user program is N "virtual processors": N guest kernel threads,
   each of which enters ring 3 at the same entry point.  System calls
   go through an interrupt gate of DPL 3 at USER_SYSCALL_VECTOR:
   EAX holds the number, EBX and ECX the arguments, and the result
   comes back in EAX.  The gate is the guest's own IDT entry, so a
   system call never leaves the guest: it causes no VM exit. */
#ifndef HV_GUEST_USER_H
#define HV_GUEST_USER_H

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>
#endif

/* ---- Placing code and data where ring 3 may reach them ---- */

/* A function that runs in ring 3.  Without jump tables: GCC would put
   a switch's table in the kernel's .rodata, which ring 3 cannot read. */
#define USER_CODE                                                       \
  __attribute__ ((section (".user.text"), noinline,                     \
                  optimize ("no-jump-tables")))
/* An initialised variable ring 3 reads or writes. */
#define USER_DATA __attribute__ ((section (".user.data")))
/* A zeroed variable ring 3 reads or writes. */
#define USER_BSS __attribute__ ((section (".bss.user"), aligned (16)))
/* A string constant ring 3 may read (plain literals live in the
   kernel's .rodata, which ring 3 cannot read). */
#define USTR(S)                                                         \
  ({ static const char ustr_[] __attribute__ ((section (".user.rodata")))\
       = S; ustr_; })

/* ---- Selectors and vectors ---- */
#define USER_SEL_UCODE 0x1b     /* Ring-3 code (idt.c's KSEL_UCODE). */
#define USER_SEL_UDATA 0x23     /* Ring-3 data (idt.c's KSEL_UDATA). */

#define USER_SYSCALL_VECTOR 0x30 /* INT $0x30, as in Ringlet's own user
                                    programs. */

/* ---- System calls ---- */
#define USYS_WRITE    1         /* EBX = buffer, ECX = length (at most
                                   USYS_WRITE_MAX): prints it, returns
                                   the length.  A buffer outside user
                                   memory kills the program. */
#define USYS_YIELD    2         /* Lets the other kernel threads run. */
#define USYS_SEMA_DOWN 3        /* EBX = semaphore (below USER_SEMAS):
                                   waits until its value is positive and
                                   decrements it, blocking only the
                                   calling kernel thread meanwhile.  The
                                   program's semaphores start at 0. */
#define USYS_SEMA_UP  4         /* EBX = semaphore: increments it, waking
                                   a kernel thread that waits. */
#define USYS_EXIT     5         /* EBX = code: ends the whole program. */
#define USYS_VP_EXIT  6         /* Ends the calling kernel thread (the
                                   program ends with its last one). */
#define USYS_SELF     7         /* Returns the caller's VP number. */
#define USYS_VCPU     8         /* Returns the VCPU's number. */
#define USYS_TIME     9         /* Returns VCPU 0's timer ticks. */
#define USYS_COUNT    10        /* Numbers run from 1 to USYS_COUNT - 1;
                                   any other kills the program. */

#define USYS_WRITE_MAX 256
#define USER_SEMAS 4            /* Semaphores of a program. */

#ifndef __ASSEMBLER__
/* Makes system call NR with arguments A and B, from ring 3. */
static inline __attribute__ ((always_inline)) int32_t
usys_call (uint32_t nr, uint32_t a, uint32_t b)
{
  int32_t result;
  asm volatile ("int $0x30" : "=a" (result) : "a" (nr), "b" (a), "c" (b)
                : "memory");
  return result;
}

/* ---- The guest kernel's side (user.c) ---- */

/* A user program's entry point, run in ring 3 by each of its kernel
   threads: VP is the thread's index in the program (0...N-1) and
   GENERATION the program's serial number, both from the guest
   kernel, AUX what user_run was given. */
typedef void user_entry (unsigned vp, unsigned generation, void *aux);

/* How a user program ended. */
struct user_result
  {
    bool killed;                /* The guest kernel killed it. */
    int exit_code;              /* USYS_EXIT's code (0 if none). */
    unsigned syscalls;          /* System calls it made. */
  };

#define USER_VP_MAX 8           /* Most kernel threads in a program. */

void user_init (void);
void user_run (user_entry *, unsigned vps, void *aux, struct user_result *);
#endif

#endif /* hv/guest/user.h */
