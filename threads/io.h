/* x86 port I/O: the in/out instruction family as inline functions.
   Every device driver reaches its hardware through these. */
#ifndef THREADS_IO_H
#define THREADS_IO_H

#include <stdint.h>
#include <stddef.h>

/* Each function below is one IN or OUT instruction (or its REP
   string form).  The port number always travels in DX and the value
   in AL, AX or EAX, as the instructions demand; "volatile" and the
   memory clobbers keep the compiler from reordering or dropping
   device accesses. */

/* 8-bit transfers. */

/* One byte read from I/O port PORT. */
static inline uint8_t
inb (uint16_t port)
{
  uint8_t value;
  asm volatile ("inb %%dx, %%al" : "=a" (value) : "d" (port));
  return value;
}

/* Sends byte VALUE to I/O port PORT. */
static inline void
outb (uint16_t port, uint8_t value)
{
  asm volatile ("outb %%al, %%dx" : : "a" (value), "d" (port));
}

/* Fills DST with N bytes read one by one from PORT. */
static inline void
insb (uint16_t port, void *dst, size_t n)
{
  asm volatile ("cld; rep insb"
                : "+D" (dst), "+c" (n) : "d" (port) : "memory");
}

/* Sends the N bytes at SRC to PORT, one by one. */
static inline void
outsb (uint16_t port, const void *src, size_t n)
{
  asm volatile ("cld; rep outsb"
                : "+S" (src), "+c" (n) : "d" (port) : "memory");
}

/* 16-bit transfers. */

/* One 16-bit word read from I/O port PORT. */
static inline uint16_t
inw (uint16_t port)
{
  uint16_t value;
  asm volatile ("inw %%dx, %%ax" : "=a" (value) : "d" (port));
  return value;
}

/* Sends word VALUE to I/O port PORT. */
static inline void
outw (uint16_t port, uint16_t value)
{
  asm volatile ("outw %%ax, %%dx" : : "a" (value), "d" (port));
}

/* Fills DST with N words read one by one from PORT. */
static inline void
insw (uint16_t port, void *dst, size_t n)
{
  asm volatile ("cld; rep insw"
                : "+D" (dst), "+c" (n) : "d" (port) : "memory");
}

/* Sends the N words at SRC to PORT, one by one. */
static inline void
outsw (uint16_t port, const void *src, size_t n)
{
  asm volatile ("cld; rep outsw"
                : "+S" (src), "+c" (n) : "d" (port) : "memory");
}

/* 32-bit transfers. */

/* One 32-bit doubleword read from I/O port PORT. */
static inline uint32_t
inl (uint16_t port)
{
  uint32_t value;
  asm volatile ("inl %%dx, %%eax" : "=a" (value) : "d" (port));
  return value;
}

/* Sends doubleword VALUE to I/O port PORT. */
static inline void
outl (uint16_t port, uint32_t value)
{
  asm volatile ("outl %%eax, %%dx" : : "a" (value), "d" (port));
}

#endif /* threads/io.h */
