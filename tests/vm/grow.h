/* A first step for the page-table tests that end in a fault. */
#ifndef TESTS_VM_GROW_H
#define TESTS_VM_GROW_H

void grow_stack (void);

#endif /* tests/vm/grow.h */
