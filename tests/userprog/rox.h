/* Checking whether an executable may be written ("rox" tests). */
#ifndef TESTS_USERPROG_ROX_H
#define TESTS_USERPROG_ROX_H

#include <stdbool.h>

void rox_check_write (const char *file, bool allowed);

#endif /* tests/userprog/rox.h */
