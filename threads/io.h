/* x86 port I/O: the in/out instruction family as inline functions.
   Every device driver reaches its hardware through these. */
#ifndef THREADS_IO_H
#define THREADS_IO_H

#include <stddef.h>
#include <stdint.h>

/* Reads and returns one byte from PORT. */
static inline uint8_t
inb (uint16_t port)
{
  uint8_t data;
  asm volatile ("inb %w1, %b0" : "=a" (data) : "Nd" (port));
  return data;
}

/* Reads CNT bytes from PORT into BUFFER. */
static inline void
insb (uint16_t port, void *buffer, size_t cnt)
{
  asm volatile ("rep insb" : "+D" (buffer), "+c" (cnt) : "d" (port) : "memory");
}

/* Reads and returns 16 bits from PORT. */
static inline uint16_t
inw (uint16_t port)
{
  uint16_t data;
  asm volatile ("inw %w1, %w0" : "=a" (data) : "Nd" (port));
  return data;
}

/* Reads CNT 16-bit units from PORT into BUFFER. */
static inline void
insw (uint16_t port, void *buffer, size_t cnt)
{
  asm volatile ("rep insw" : "+D" (buffer), "+c" (cnt) : "d" (port) : "memory");
}

/* Reads and returns 32 bits from PORT. */
static inline uint32_t
inl (uint16_t port)
{
  uint32_t data;
  asm volatile ("inl %w1, %0" : "=a" (data) : "Nd" (port));
  return data;
}

/* Writes byte DATA to PORT. */
static inline void
outb (uint16_t port, uint8_t data)
{
  asm volatile ("outb %b0, %w1" : : "a" (data), "Nd" (port));
}

/* Writes CNT bytes from BUFFER to PORT. */
static inline void
outsb (uint16_t port, const void *buffer, size_t cnt)
{
  asm volatile ("rep outsb" : "+S" (buffer), "+c" (cnt) : "d" (port));
}

/* Writes 16-bit DATA to PORT. */
static inline void
outw (uint16_t port, uint16_t data)
{
  asm volatile ("outw %w0, %w1" : : "a" (data), "Nd" (port));
}

/* Writes CNT 16-bit units from BUFFER to PORT. */
static inline void
outsw (uint16_t port, const void *buffer, size_t cnt)
{
  asm volatile ("rep outsw" : "+S" (buffer), "+c" (cnt) : "d" (port));
}

/* Writes 32-bit DATA to PORT. */
static inline void
outl (uint16_t port, uint32_t data)
{
  asm volatile ("outl %0, %w1" : : "a" (data), "Nd" (port));
}

#endif /* threads/io.h */
