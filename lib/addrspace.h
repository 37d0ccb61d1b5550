/* The split of the 32-bit address space between user programs and
   the kernel, as code shared by both sides (lib/) needs it: user
   space lies below ADDRSPACE_USER_END, the kernel at and above it.
   threads/init.c checks at compile time that this agrees with the
   kernel's own layout (threads/loader.h). */
#ifndef LIB_ADDRSPACE_H
#define LIB_ADDRSPACE_H

/* First address above user space: where the kernel is mapped. */
#define ADDRSPACE_USER_END 0xc0000000u

#endif /* lib/addrspace.h */
