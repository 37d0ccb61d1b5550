/* User-only additions to <stdio.h>, pulled in by lib/stdio.h through
   #include_next when lib/user is on the include path. */
#ifndef LIB_USER_STDIO_H
#define LIB_USER_STDIO_H

#include <debug.h>
#include <stdarg.h>

/* Formatted output to file descriptor FD (hprintf) and its va_list
   form (vhprintf).  Defined in lib/user/console.c. */
int hprintf (int fd, const char *, ...) PRINTF_FORMAT (2, 3);
int vhprintf (int fd, const char *, va_list) PRINTF_FORMAT (2, 0);

#endif /* lib/user/stdio.h */
