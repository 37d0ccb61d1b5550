/* The VMs user programs started, for the vmctl system call
   (userprog/vmsys.c): who owns each, the ownership rule, and the
   kernel threads that reap them when they end. */
#ifndef USERPROG_VMOWN_H
#define USERPROG_VMOWN_H

#include <stdbool.h>
#include "threads/thread.h"

/* Most VMs vmown_list reports. */
#define VMOWN_LIST_MAX 64

struct vmctl_info;

void vmown_init (void);
void vmown_lock (void);
void vmown_unlock (void);

int vmown_check (int vm);
int vmown_add (int vm);
int vmown_started (int vm);
bool vmown_is_started (int vm);
void vmown_forget (int vm);
void vmown_wait_gone (int vm);
void vmown_renumber (int vm, int new_vm);
int vmown_count (void);
tid_t vmown_owner_pid (int vm);
int vmown_list (struct vmctl_info **);

#endif /* userprog/vmown.h */
