/* Guest images and VM snapshots in the file system, for the vmctl
   system call (userprog/vmsys.c). */
#ifndef USERPROG_VMFILE_H
#define USERPROG_VMFILE_H

#include <stddef.h>

int vmfile_read_image (const char *file, void **image, size_t *size);
int vmfile_save (int vm, const char *file);
int vmfile_restore (const char *file, const char *name, char *why,
                    size_t why_size);

#endif /* userprog/vmfile.h */
