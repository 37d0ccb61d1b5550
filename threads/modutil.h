/* The insmod and rmmod kernel actions: finding a module by the name a
   user gives and handing it to the module list (threads/module.h). */
#ifndef THREADS_MODUTIL_H
#define THREADS_MODUTIL_H

#include <stdbool.h>

/* Largest module file insmod reads, in bytes. */
#define MODUTIL_FILE_MAX (1024 * 1024)

bool modutil_load (const char *file);
void modutil_insmod (char **argv);
void modutil_rmmod (char **argv);

#endif /* threads/modutil.h */
