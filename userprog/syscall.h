/* System calls: the "int $0x30" gate user programs call the kernel
   through, and the helpers its handlers share. */
#ifndef USERPROG_SYSCALL_H
#define USERPROG_SYSCALL_H

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

/* For handlers: user memory, with the process killed (exit code -1)
   if the user's address is bad. */
void syscall_copy_in (void *dst, const void *usrc, size_t size);
void syscall_copy_out (void *udst, const void *src, size_t size);
char *syscall_copy_in_string (const char *ustr);

#endif /* userprog/syscall.h */
