/* Variable argument lists, implemented by the compiler's builtins. */
#ifndef LIB_STDARG_H
#define LIB_STDARG_H

typedef __builtin_va_list va_list;

#define va_start(LIST, LAST_ARG) __builtin_va_start (LIST, LAST_ARG)
#define va_end(LIST)             __builtin_va_end (LIST)
#define va_arg(LIST, TYPE)       __builtin_va_arg (LIST, TYPE)
#define va_copy(DST, SRC)        __builtin_va_copy (DST, SRC)

#endif /* lib/stdarg.h */
