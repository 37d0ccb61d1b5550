/* The file system calls (create ... close), for the table in
   userprog/syscall.c. */
#ifndef USERPROG_SYSCALL_FILE_H
#define USERPROG_SYSCALL_FILE_H

#include "userprog/syscall.h"

syscall_handler_func syscall_create, syscall_remove, syscall_open;
syscall_handler_func syscall_filesize, syscall_read, syscall_write;
syscall_handler_func syscall_seek, syscall_tell, syscall_close;

#endif /* userprog/syscall-file.h */
