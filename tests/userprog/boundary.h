/* Places in user memory at page boundaries, for tests that hand the
   kernel pointers, strings and buffers straddling two pages. */
#ifndef TESTS_USERPROG_BOUNDARY_H
#define TESTS_USERPROG_BOUNDARY_H

/* Size of a page. */
#define TEST_PGSIZE 4096

void *get_boundary_area (void);
void *get_bad_boundary (void);
char *copy_string_across_boundary (const char *);

#endif /* tests/userprog/boundary.h */
