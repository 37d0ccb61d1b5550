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

/* Single transfers. */

/* One byte read from I/O port PORT. */
static inline uint8_t
inb (uint16_t port)
{
  uint8_t value;
  asm volatile ("inb %%dx, %%al" : "=a" (value) : "d" (port));
  return value;
}

/* One 16-bit word read from I/O port PORT. */
static inline uint16_t
inw (uint16_t port)
{
  uint16_t value;
  asm volatile ("inw %%dx, %%ax" : "=a" (value) : "d" (port));
  return value;
}

/* One 32-bit doubleword read from I/O port PORT. */
static inline uint32_t
inl (uint16_t port)
{
  uint32_t value;
  asm volatile ("inl %%dx, %%eax" : "=a" (value) : "d" (port));
  return value;
}

/* Sends byte VALUE to I/O port PORT. */
static inline void
outb (uint16_t port, uint8_t value)
{
  asm volatile ("outb %%al, %%dx" : : "a" (value), "d" (port));
}

/* Sends word VALUE to I/O port PORT. */
static inline void
outw (uint16_t port, uint16_t value)
{
  asm volatile ("outw %%ax, %%dx" : : "a" (value), "d" (port));
}

/* Sends doubleword VALUE to I/O port PORT. */
static inline void
outl (uint16_t port, uint32_t value)
{
  asm volatile ("outl %%eax, %%dx" : : "a" (value), "d" (port));
}

/* String transfers.  IO_STRING_PAIR (W) defines, for unit width W
   (b: byte, w: 16-bit word, l: 32-bit doubleword):

     void insW (uint16_t port, void *dst, size_t n)
       fills DST with N units read one after another from PORT;
     void outsW (uint16_t port, const void *src, size_t n)
       sends the N units at SRC to PORT, one after another. */
#define IO_STRING_PAIR(W)                                               \
  static inline void                                                    \
  ins##W (uint16_t port, void *dst, size_t n)                           \
  {                                                                     \
    asm volatile ("cld; rep ins" #W                                     \
                  : "+D" (dst), "+c" (n) : "d" (port) : "memory");      \
  }                                                                     \
  static inline void                                                    \
  outs##W (uint16_t port, const void *src, size_t n)                    \
  {                                                                     \
    asm volatile ("cld; rep outs" #W                                    \
                  : "+S" (src), "+c" (n) : "d" (port) : "memory");      \
  }

IO_STRING_PAIR (b)
IO_STRING_PAIR (w)
IO_STRING_PAIR (l)

#undef IO_STRING_PAIR

#endif /* threads/io.h */
