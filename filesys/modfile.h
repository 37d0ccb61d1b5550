/* Module files in the file system: the reader insmod uses in kernels
   that have a file system (registered with modutil_set_file_reader by
   the boot sequence). */
#ifndef FILESYS_MODFILE_H
#define FILESYS_MODFILE_H

#include <stddef.h>

const char *modfile_read (const char *file, size_t max, void **data,
                          size_t *size);

#endif /* filesys/modfile.h */
