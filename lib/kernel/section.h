/* Name lookup in the tables the linker gathers from a named section
   (kernel tests, exported symbols, built-in modules): every entry of
   such a table is a struct whose first member is its name. */
#ifndef LIB_KERNEL_SECTION_H
#define LIB_KERNEL_SECTION_H

#include <stddef.h>

const void *section_find (const void *start, const void *stop,
                          size_t entry_size, const char *name);

/* Returns the entry called NAME of the table of TYPE entries that the
   linker gathered between __start_SECTION and __stop_SECTION, as a
   const TYPE *, or a null pointer. */
#define SECTION_FIND(TYPE, START, STOP, NAME)                           \
  ((const TYPE *) section_find ((START), (STOP), sizeof (TYPE), (NAME)))

#endif /* lib/kernel/section.h */
