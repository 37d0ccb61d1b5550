/* Formatted output.  The formatting itself (__vprintf, snprintf) lives
   in lib/stdio.c; where the characters go is up to the user of the
   library: the kernel defines printf, vprintf, putchar and puts in
   devices/console.c, user programs in lib/user/console.c.  sprintf
   and vsprintf are unavailable because they cannot bound their
   output: use snprintf. */
#ifndef LIB_STDIO_H
#define LIB_STDIO_H

#include <debug.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Kernel-only or user-only additions, if the include path has them
   (lib/kernel/stdio.h declares putbuf). */
#if __has_include_next (<stdio.h>)
#include_next <stdio.h>
#endif

/* Standard file descriptors of user programs. */
#define STDIN_FILENO 0
#define STDOUT_FILENO 1

/* Output to the console (defined outside lib/, see above). */
int printf (const char *, ...) PRINTF_FORMAT (1, 2);
int vprintf (const char *, va_list) PRINTF_FORMAT (1, 0);
int putchar (int);
int puts (const char *);

/* Output to a buffer. */
int snprintf (char *, size_t, const char *, ...) PRINTF_FORMAT (3, 4);
int vsnprintf (char *, size_t, const char *, va_list) PRINTF_FORMAT (3, 0);

/* Debugging helpers built on printf. */
void hex_dump (uintptr_t ofs, const void *, size_t size, bool ascii);
void print_human_readable_size (uint64_t);

/* The formatting engine: formats FORMAT with ARGS and hands each
   character to OUTPUT, along with AUX. */
void __vprintf (const char *format, va_list args,
                void (*output) (char, void *), void *aux)
  PRINTF_FORMAT (1, 0);

/* Using one of these names is a compile error that says what to use. */
#undef sprintf
#define sprintf dont_use_sprintf__use_snprintf
#undef vsprintf
#define vsprintf dont_use_vsprintf__use_vsnprintf

#endif /* lib/stdio.h */
