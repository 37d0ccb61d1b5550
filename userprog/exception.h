/* CPU exceptions: what happens when a user program faults. */
#ifndef USERPROG_EXCEPTION_H
#define USERPROG_EXCEPTION_H

void exception_init (void);

#endif /* userprog/exception.h */
