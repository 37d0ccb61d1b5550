/* System-call numbers: the value a user program pushes before
   "int $0x30".  0 to 19 are the classic set; Ringlet's own calls
   start at 32. */
#ifndef LIB_SYSCALL_NR_H
#define LIB_SYSCALL_NR_H

enum
  {
    /* User-programs lab. */
    SYS_HALT = 0,               /* Turn the machine off. */
    SYS_EXIT = 1,               /* Finish the calling process. */
    SYS_EXEC = 2,               /* Run a program as a child. */
    SYS_WAIT = 3,               /* Collect a child's exit status. */
    SYS_CREATE = 4,             /* Make a new file. */
    SYS_REMOVE = 5,             /* Unlink a file. */
    SYS_OPEN = 6,               /* Get a descriptor for a file. */
    SYS_FILESIZE = 7,           /* Length of an open file. */
    SYS_READ = 8,               /* Bytes from a descriptor. */
    SYS_WRITE = 9,              /* Bytes to a descriptor. */
    SYS_SEEK = 10,              /* Set a descriptor's position. */
    SYS_TELL = 11,              /* Get a descriptor's position. */
    SYS_CLOSE = 12,             /* Release a descriptor. */

    /* Virtual-memory lab. */
    SYS_MMAP = 13,              /* Map an open file into memory. */
    SYS_MUNMAP = 14,            /* Undo a file mapping. */

    /* File-system lab. */
    SYS_CHDIR = 15,             /* Set the working directory. */
    SYS_MKDIR = 16,             /* Make a new directory. */
    SYS_READDIR = 17,           /* Next name in a directory. */
    SYS_ISDIR = 18,             /* Is a descriptor a directory? */
    SYS_INUMBER = 19,           /* Inode number behind a descriptor. */

    /* Ringlet's own calls. */
    SYS_INSMOD = 32,            /* Load a kernel module. */
    SYS_RMMOD = 33,             /* Unload a kernel module. */
    SYS_VMCTL = 34,             /* Control a virtual machine. */
    SYS_FREEPAGES = 35,         /* The kernel's free page count. */
    SYS_VMSTAT = 36             /* A virtual-memory counter. */
  };

/* The counters vmstat (COUNTER) reports (virtual-memory lab): since
   boot, and the swap partition's slots now. */
enum vmstat_counter
  {
    VMSTAT_LOADS,               /* Pages brought into memory on demand. */
    VMSTAT_EVICTIONS,           /* Pages evicted to free a frame. */
    VMSTAT_SWAP_OUTS,           /* Pages written to swap. */
    VMSTAT_SWAP_INS,            /* Pages read back from swap. */
    VMSTAT_WRITE_BACKS,         /* Mapped pages written back to files. */
    VMSTAT_SWAP_FREE,           /* Free swap slots, the caller's own
                                   counted as free (like freepages). */
    VMSTAT_SWAP_SLOTS           /* Swap slots in all. */
  };

#endif /* lib/syscall-nr.h */
