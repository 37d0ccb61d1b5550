/* The system calls of VM control: insmod, rmmod and vmctl (numbers
   32 to 34), in kernels built with -DVMCTL_SYSCALLS. */
#ifndef USERPROG_VMSYS_H
#define USERPROG_VMSYS_H

void vmsys_init (void);

#endif /* userprog/vmsys.h */
