/* What the two halves of the system-call fuzzer share: fuzz.c, the
   calls that must not kill, and fuzz-fatal.c, the calls that must.
   Private to them; the fuzzer's interface is fuzz.h. */
#ifndef TESTS_USERPROG_FUZZ_GEN_H
#define TESTS_USERPROG_FUZZ_GEN_H

#include <stdbool.h>
#include <stdint.h>

/* User address space. */
#define FUZZ_PGSIZE 4096u
#define FUZZ_PHYS_BASE 0xc0000000u
#define FUZZ_CODE 0x08048000u           /* First page of code: read-only. */
#define FUZZ_HOLE 0x20000000u           /* Nothing mapped from here ... */
#define FUZZ_HOLE_SIZE 0x80000000u      /* ... for this many bytes. */
#define FUZZ_KERNEL_PAGES 0x40000u      /* Pages of kernel space. */
#define FUZZ_OFF_MAX 0x7fffffffu        /* Largest file position. */

/* The last call made, for failure messages, and the calls so far. */
extern uint32_t fuzz_last[4];
extern int fuzz_call_cnt;

uint32_t fuzz_below (uint32_t n);
bool fuzz_one_in (uint32_t n);
int32_t fuzz_syscall (uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2);
bool fuzz_call_exists (uint32_t nr);
uint32_t fuzz_data_end (void);
uint32_t fuzz_bad_address (void);

#endif /* tests/userprog/fuzz-gen.h */
