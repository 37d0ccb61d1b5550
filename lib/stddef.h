/* Basic types and macros every C file may assume: size_t,
   ptrdiff_t, NULL and offsetof. */
#ifndef LIB_STDDEF_H
#define LIB_STDDEF_H

#define NULL ((void *) 0)

/* Byte offset of MEMBER within struct type TYPE. */
#define offsetof(TYPE, MEMBER) __builtin_offsetof (TYPE, MEMBER)

/* The compiler's own idea of these types, so that sizeof and pointer
   subtraction agree with them exactly. */
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;

#endif /* lib/stddef.h */
