/* Safe access to user memory from the kernel: every system call reads
   its arguments and buffers, and writes its results, through these
   functions.  A bad user address (unmapped, read-only for a write,
   in kernel space, or a range that wraps) makes them return a failure
   instead of faulting the kernel. */
#ifndef USERPROG_UACCESS_H
#define USERPROG_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include "threads/interrupt.h"

/* Failures of uaccess_read_string (successes are lengths, >= 0). */
enum
  {
    UACCESS_FAULT = -1,         /* Some byte is not readable. */
    UACCESS_TOO_LONG = -2       /* No NUL within the size allowed. */
  };

bool uaccess_read (void *dst, const void *usrc, size_t size);
bool uaccess_write (void *udst, const void *src, size_t size);
int uaccess_read_string (char *dst, const char *usrc, size_t size);

bool uaccess_fixup (struct intr_frame *);

#endif /* userprog/uaccess.h */
