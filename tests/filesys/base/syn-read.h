/* What syn-read and its children, child-syn-read, agree on. */
#ifndef TESTS_FILESYS_BASE_SYN_READ_H
#define TESTS_FILESYS_BASE_SYN_READ_H

#define SYN_READ_FILE "data"            /* The file they read. */
#define SYN_READ_SIZE 9000              /* Its size. */
#define SYN_READ_SEED 1234              /* fsbase_fill seed of its data. */
#define SYN_READ_CHILDREN 8             /* Readers at once. */

#endif /* tests/filesys/base/syn-read.h */
