/* System calls: the "int $0x30" gate user programs call the kernel
   through, and the helpers its handlers share. */
#ifndef USERPROG_SYSCALL_H
#define USERPROG_SYSCALL_H

#include <debug.h>
#include <stddef.h>
#include <stdint.h>

/* Vector of the system-call gate. */
#define SYSCALL_VECTOR 0x30

/* System-call numbers are below this (see lib/syscall-nr.h). */
#define SYSCALL_CNT 64

/* A system call's handler: takes the call's arguments, as the user
   pushed them, and returns the value for %eax. */
typedef uint32_t syscall_handler_func (const uint32_t args[]);

void syscall_init (void);
void syscall_register (unsigned number, syscall_handler_func *, int argc);

/* For handlers.  User buffers are copied with uaccess_read() and
   uaccess_write() (userprog/uaccess.h), which report a bad user
   address; the handler then frees what it holds and calls
   syscall_kill_bad_buffer(), which ends the process (exit code -1).
   syscall_copy_in_string() kills by itself, so a handler calls it
   before it takes anything that needs freeing. */
void syscall_kill_bad_buffer (const void *ubuf, size_t size) NO_RETURN;
char *syscall_copy_in_string (const char *ustr);

#endif /* userprog/syscall.h */
