/* Kernel-only console output, added to <stdio.h> for kernel code. */
#ifndef LIB_KERNEL_STDIO_H
#define LIB_KERNEL_STDIO_H

#include <stddef.h>

/* Writes the SIZE bytes of BUFFER to the console in one piece, not
   interleaved with other output.  Defined in devices/console.c. */
void putbuf (const char *buffer, size_t size);

#endif /* lib/kernel/stdio.h */
