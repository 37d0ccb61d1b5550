/* Guest-only additions to <stdio.h>, pulled in by lib/stdio.h through
   #include_next when hv/guest/include is on the include path (guest
   programs only): where console output goes.  Defined in
   hv/guest/console.c. */
#ifndef HV_GUEST_INCLUDE_STDIO_H
#define HV_GUEST_INCLUDE_STDIO_H

#include <stdbool.h>

/* Prints through the emulated COM1 (true) or the console hypercall
   (false, the default). */
void console_use_serial (bool serial);

#endif /* hv/guest/include/stdio.h */
