/* The kernel's export table: the only kernel symbols a loadable module
   may use.  The module loader (threads/module.c) resolves each of a
   module's undefined symbols here and refuses a module that needs
   anything else, so this table is the whole interface between the
   kernel and its modules.

   The table itself is one file, threads/export.c, which lists every
   exported symbol grouped by the header that declares it.  A symbol
   that exists only in some kernel configurations may instead be
   exported beside its definition, guarded like it. */
#ifndef THREADS_EXPORT_H
#define THREADS_EXPORT_H

#include <stdint.h>

/* One exported symbol. */
struct export
  {
    const char *name;           /* Symbol name as modules spell it. */
    const void *address;        /* Its address in the kernel. */
  };

/* Exports SYMBOL, a function or object declared in scope, to modules.
   The entry goes to the "kexports" section, which the linker script
   gathers into one array between __start_kexports and
   __stop_kexports. */
#define EXPORT(SYMBOL)                                                  \
  static const struct export export_##SYMBOL                            \
    __attribute__ ((used, section ("kexports"), aligned (4)))           \
    = { #SYMBOL, (const void *) &SYMBOL }

const struct export *export_find (const char *name);

#endif /* threads/export.h */
