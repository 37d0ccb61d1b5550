/* Kernel actions on the file system: listing, printing and removing
   files, and moving files in and out of the simulator through the
   ustar archive on the scratch partition.  Each action is a
   "void fsutil_X (char **argv)" called by the boot sequence with
   ARGV[0] its name and ARGV[1] its argument, if any; a failed action
   says why and makes the kernel's exit status 1.  All may sleep. */
#ifndef FILESYS_FSUTIL_H
#define FILESYS_FSUTIL_H

#include <stdbool.h>

/* Actions on the files inside the file system. */
void fsutil_cat (char **argv);
void fsutil_ls (char **argv);
void fsutil_rm (char **argv);

/* Actions that move files through the scratch archive. */
void fsutil_append (char **argv);
void fsutil_extract (char **argv);

/* The work of "extract" and "append NAME", returning true on success,
   for callers that check the outcome themselves. */
bool fsutil_extract_archive (void);
bool fsutil_append_file (const char *name);

#endif /* filesys/fsutil.h */
