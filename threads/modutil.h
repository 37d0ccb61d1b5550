/* The insmod and rmmod kernel actions: finding a module by the name a
   user gives and handing it to the module list (threads/module.h). */
#ifndef THREADS_MODUTIL_H
#define THREADS_MODUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Largest module file insmod reads, in bytes. */
#define MODUTIL_FILE_MAX (2 * 1024 * 1024)

/* Reads FILE, of at most MAX bytes, into a new buffer from malloc,
   storing it in *DATA and its length in *SIZE.  Returns a null
   pointer on success, or a message if FILE is there but cannot be
   read; a FILE that is not there is no error but leaves *DATA null.
   May sleep. */
typedef const char *modutil_reader (const char *file, size_t max,
                                    void **data, size_t *size);

void modutil_set_file_reader (modutil_reader *);
bool modutil_load (const char *file);
void modutil_insmod (char **argv);
void modutil_rmmod (char **argv);

#endif /* threads/modutil.h */
