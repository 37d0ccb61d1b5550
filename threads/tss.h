/* The task-state segment: only its ring-0 stack matters to Ringlet. */
#ifndef THREADS_TSS_H
#define THREADS_TSS_H

#include <stdint.h>

/* 32-bit task-state segment (Intel SDM vol. 3, figure 8-2). */
struct tss
  {
    uint16_t back_link, :16;    /* +0x00 */
    void *esp0;                 /* +0x04 Ring-0 stack pointer. */
    uint16_t ss0, :16;          /* +0x08 Ring-0 stack segment. */
    void *esp1;                 /* +0x0c */
    uint16_t ss1, :16;          /* +0x10 */
    void *esp2;                 /* +0x14 */
    uint16_t ss2, :16;          /* +0x18 */
    uint32_t cr3;               /* +0x1c */
    void (*eip) (void);         /* +0x20 */
    uint32_t eflags;            /* +0x24 */
    uint32_t eax, ecx, edx, ebx;/* +0x28 */
    uint32_t esp, ebp, esi, edi;/* +0x38 */
    uint16_t es, :16;           /* +0x48 */
    uint16_t cs, :16;           /* +0x4c */
    uint16_t ss, :16;           /* +0x50 */
    uint16_t ds, :16;           /* +0x54 */
    uint16_t fs, :16;           /* +0x58 */
    uint16_t gs, :16;           /* +0x5c */
    uint16_t ldt, :16;          /* +0x60 */
    uint16_t trace, bitmap;     /* +0x64 Debug trap; I/O map offset. */
  };
_Static_assert (sizeof (struct tss) == 0x68, "struct tss layout");

void tss_init (void);
struct tss *tss_get (void);
void tss_update (void *esp0);

#endif /* threads/tss.h */
