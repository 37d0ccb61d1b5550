/* The system calls of Ringlet as user programs see them: one C
   function per call, with the names, argument types and results that
   Pintos-style user programs expect.  Defined in lib/user/syscall.c. */
#ifndef LIB_USER_SYSCALL_H
#define LIB_USER_SYSCALL_H

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>

/* A process identifier, as exec returns it and wait takes it. */
typedef int pid_t;
#define PID_ERROR ((pid_t) -1)

/* A memory-mapping identifier (virtual-memory lab). */
typedef int mapid_t;
#define MAP_FAILED ((mapid_t) -1)

/* Longest file name readdir returns, without its NUL. */
#define READDIR_MAX_LEN 14

/* Conventional exit statuses. */
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* User-programs lab. */
void halt (void) NO_RETURN;
void exit (int status) NO_RETURN;
pid_t exec (const char *cmd_line);
int wait (pid_t);
bool create (const char *file, unsigned initial_size);
bool remove (const char *file);
int open (const char *file);
int filesize (int fd);
int read (int fd, void *buffer, unsigned length);
int write (int fd, const void *buffer, unsigned length);
void seek (int fd, unsigned position);
unsigned tell (int fd);
void close (int fd);

/* Virtual-memory lab. */
mapid_t mmap (int fd, void *addr);
void munmap (mapid_t);

/* File-system lab. */
bool chdir (const char *dir);
bool mkdir (const char *dir);
bool readdir (int fd, char name[READDIR_MAX_LEN + 1]);
bool isdir (int fd);
int inumber (int fd);

/* Ringlet's own. */
size_t freepages (void);
int vmstat (int counter);

/* VM control (the full build; lib/vmctl-abi.h has the operations). */
bool insmod (const char *file);
bool rmmod (const char *name);
int vmctl (int op, void *arg);

/* Makes system call NUMBER with argument words A0, A1 and A2 exactly as
   given, unchecked: for tests that hand the kernel hostile arguments.
   Returns what the kernel returned. */
int syscall_raw (int number, unsigned a0, unsigned a1, unsigned a2);

#endif /* lib/user/syscall.h */
