/* Command lines of user processes: splitting them into words, and
   laying them out as argc and argv on a new process's stack. */
#ifndef USERPROG_ARGS_H
#define USERPROG_ARGS_H

#include <stddef.h>
#include <stdint.h>

const char *args_word (const char *string, size_t *len);
const char *args_push (const char *cmd_line, void **esp);

#endif /* userprog/args.h */
