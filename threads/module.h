/* Loadable kernel modules: the list of loaded modules, loading an
   ELF32 relocatable object ("NAME.ko") into kernel memory, starting a
   module built into the kernel, and unloading either kind.

   How a module declares itself.  Every module has exactly one
   MODULE_INFO line, usually in the file holding its init and exit
   functions:

     static int hv_init (void) { ...; return 0; }
     static void hv_exit (void) { ... }
     MODULE_INFO ("hv", hv_init, hv_exit);

   INIT returns 0 on success and anything else (conventionally a
   negative number) on failure; a failed INIT must undo its own work,
   because EXIT is called only for a module whose INIT succeeded.
   EXIT must undo everything INIT did -- stop the threads it started,
   unregister what it registered (vmctl_unregister, ...) -- since the
   module's memory is freed as soon as EXIT returns; it may be a null
   pointer if there is nothing to undo.  Both run in a kernel thread
   with interrupts on and may sleep, but must not load or unload
   modules.  The name (at most MODULE_NAME_MAX characters) is what
   rmmod takes.

   The same sources build two ways:

   - As a loadable module (compiled with -DMODULE, linked with
     "ld -r" into NAME.ko; see MODULES in Makefile.build): MODULE_INFO
     defines the global symbol "module_info", which the loader looks
     up in the object's symbol table.  The module reaches the kernel
     only through symbols exported with EXPORT (threads/export.h).

   - Built into the kernel (compiled without -DMODULE and linked with
     it, so that GDB sees the module's code with the kernel's
     symbols): MODULE_INFO puts the struct module_info into the
     "kmodules" section instead, and "insmod NAME" or "insmod
     NAME.ko" then only runs its INIT.  A built-in module needs no
     exports, but a module that works built in can still fail to
     load if it uses an unexported symbol: test it as a .ko too.
     "rmmod NAME" runs its EXIT, and it may be started again.

   Which way a folder's sources build is the lab's choice: in its
   Make.vars, a folder in KERNEL_SUBDIRS is linked in, and a folder in
   MODULE_SUBDIRS builds the modules its FOLDER_MODULES variable names
   (hv/Make.vars does one or the other for hv, by HV_BUILTIN).
   Makefile.build builds FOLDER/NAME.ko from the sources listed in
   FOLDER/NAME.ko_SRC, or from FOLDER/NAME.c alone. */
#ifndef THREADS_MODULE_H
#define THREADS_MODULE_H

#include <debug.h>
#include <list.h>
#include <stdbool.h>
#include <stddef.h>

/* Longest module name, not counting the null terminator. */
#define MODULE_NAME_MAX 31

/* What a module says about itself with MODULE_INFO. */
struct module_info
  {
    const char *name;           /* Short name, e.g. "hv". */
    int (*init) (void);         /* Starts the module; 0 means success. */
    void (*exit) (void);        /* Stops it; null if nothing to undo. */
  };

#ifdef MODULE
/* Loadable: the well-known symbol the loader looks for. */
#define MODULE_INFO(NAME, INIT, EXIT)                                   \
  const struct module_info module_info __attribute__ ((used))           \
    = { NAME, INIT, EXIT }
#else
/* Built in: one entry of the "kmodules" array the linker gathers. */
#define MODULE_INFO(NAME, INIT, EXIT)                                   \
  static const struct module_info module_info_##INIT                    \
    __attribute__ ((used, section ("kmodules"), aligned (4)))           \
    = { NAME, INIT, EXIT }
#endif

/* The symbol a loadable module's MODULE_INFO defines. */
#define MODULE_INFO_SYMBOL "module_info"

/* A started module, loaded from a file or built in. */
struct module
  {
    char name[MODULE_NAME_MAX + 1]; /* Copy of its info->name. */
    const struct module_info *info; /* In the module's own memory. */
    void *memory;                   /* Its sections; null if built in. */
    size_t page_cnt;                /* Pages at MEMORY. */
    struct list_elem elem;          /* In the list of started modules. */
  };

void module_init (void);

struct module *module_load (const char *file_name, const void *data,
                            size_t size);
struct module *module_start_builtin (const char *name);
bool module_is_builtin (const char *name);
bool module_unload (const char *name);
bool module_is_loaded (const char *name);
bool module_refuse (const char *what, const char *format, ...)
  PRINTF_FORMAT (2, 3);

#endif /* threads/module.h */
