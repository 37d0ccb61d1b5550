/* Debugging aids shared by the kernel and user programs: function
   attributes, PANIC, ASSERT, NOT_REACHED and stack backtraces. */
#ifndef LIB_DEBUG_H
#define LIB_DEBUG_H

/* Attributes for functions and parameters. */
#define PRINTF_FORMAT(FMT, FIRST) __attribute__ ((format (printf, FMT, FIRST)))
#define NO_RETURN __attribute__ ((noreturn))
#define UNUSED __attribute__ ((unused))
#define NO_INLINE __attribute__ ((noinline))

/* Stops with a message formatted from MESSAGE and its arguments,
   naming the source location FILE, LINE and FUNCTION.  The kernel
   defines it in threads/panic.c, user programs in lib/user/debug.c. */
void debug_panic (const char *file, int line, const char *function,
                  const char *message, ...) PRINTF_FORMAT (4, 5) NO_RETURN;

/* Print one line "Call stack: 0x... 0x....", see lib/debug.c. */
void debug_backtrace (void);
void debug_backtrace_from (void *frame_pointer);

/* Stops with a formatted message naming the current location. */
#define PANIC(...) debug_panic (__FILE__, __LINE__, __func__, __VA_ARGS__)

#endif /* lib/debug.h */

/* ASSERT and NOT_REACHED are defined outside the guard, so that a
   file may define or undefine NDEBUG and include this header again to
   turn its assertions off or on. */
#undef NOT_REACHED
#undef ASSERT

#ifndef NDEBUG
#define ASSERT(CONDITION)                                       \
  do                                                            \
    {                                                           \
      if (!(CONDITION))                                         \
        PANIC ("assertion `%s' failed.", #CONDITION);           \
    }                                                           \
  while (0)
#define NOT_REACHED() PANIC ("executed an unreachable statement")
#else
#define NOT_REACHED() for (;;)
#define ASSERT(CONDITION) ((void) 0)
#endif
