/* Per-process file descriptors: small integers naming the files a
   process has open.  0 and 1 are the console (standard input and
   output) and are never in the table. */
#ifndef USERPROG_FD_H
#define USERPROG_FD_H

#include <stdbool.h>

struct file;

/* Descriptors 0 and 1 are the console; files get FD_FIRST and up. */
#define FD_FIRST 2

/* Most files a process can have open at once. */
#define FD_MAX 128

/* A process's open files: FILES[FD - FD_FIRST] is the file open as
   FD, or NULL if FD is free. */
struct fd_table
  {
    struct file *files[FD_MAX];
  };

void fd_init (struct fd_table *);
int fd_install (struct fd_table *, struct file *);
struct file *fd_lookup (const struct fd_table *, int fd);
struct file *fd_remove (struct fd_table *, int fd);

#endif /* userprog/fd.h */
