/* System-call numbers: the value a user program pushes before
   "int $0x30".  0 to 19 are the classic set; Ringlet's own calls
   start at 32. */
#ifndef LIB_SYSCALL_NR_H
#define LIB_SYSCALL_NR_H

enum
  {
    /* User programs lab. */
    SYS_HALT = 0,               /* Power off. */
    SYS_EXIT = 1,               /* End this process. */
    SYS_EXEC = 2,               /* Start another process. */
    SYS_WAIT = 3,               /* Wait for a child process to die. */
    SYS_CREATE = 4,             /* Create a file. */
    SYS_REMOVE = 5,             /* Delete a file. */
    SYS_OPEN = 6,               /* Open a file. */
    SYS_FILESIZE = 7,           /* Size of an open file. */
    SYS_READ = 8,               /* Read from a file. */
    SYS_WRITE = 9,              /* Write to a file. */
    SYS_SEEK = 10,              /* Change the position in a file. */
    SYS_TELL = 11,              /* Current position in a file. */
    SYS_CLOSE = 12,             /* Close a file. */

    /* Virtual memory lab. */
    SYS_MMAP = 13,              /* Map a file into memory. */
    SYS_MUNMAP = 14,            /* Remove a memory mapping. */

    /* File system calls. */
    SYS_CHDIR = 15,             /* Change the current directory. */
    SYS_MKDIR = 16,             /* Create a directory. */
    SYS_READDIR = 17,           /* Read a directory entry. */
    SYS_ISDIR = 18,             /* Whether a descriptor names a directory. */
    SYS_INUMBER = 19,           /* Inode number of a descriptor. */

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
