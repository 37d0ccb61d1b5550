/* Memory and string functions.  The unbounded copies of standard C
   (strcpy, strcat, strncpy, strtok) are deliberately unavailable:
   use strlcpy, strlcat and strtok_r, which cannot overrun a buffer. */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <stddef.h>

/* Memory blocks. */
void *memcpy (void *, const void *, size_t);
void *memmove (void *, const void *, size_t);
void *memchr (const void *, int, size_t);
void *memset (void *, int, size_t);
int memcmp (const void *, const void *, size_t);

/* Comparison and search. */
int strcmp (const char *, const char *);
int strncmp (const char *, const char *, size_t);
char *strchr (const char *, int);
char *strrchr (const char *, int);
size_t strcspn (const char *, const char *);
size_t strspn (const char *, const char *);
char *strpbrk (const char *, const char *);
char *strstr (const char *, const char *);
char *strtok_r (char *, const char *, char **);

/* Lengths and bounded copies. */
size_t strlen (const char *);
size_t strnlen (const char *, size_t);
size_t strlcpy (char *, const char *, size_t);
size_t strlcat (char *, const char *, size_t);

/* Using one of these names is a compile error that says what to use. */
#undef strcpy
#define strcpy dont_use_strcpy__use_strlcpy
#undef strncpy
#define strncpy dont_use_strncpy__use_strlcpy
#undef strcat
#define strcat dont_use_strcat__use_strlcat
#undef strncat
#define strncat dont_use_strncat__use_strlcat
#undef strtok
#define strtok dont_use_strtok__use_strtok_r

#endif /* lib/string.h */
