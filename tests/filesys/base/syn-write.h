/* What syn-write and its children, child-syn-wrt, agree on. */
#ifndef TESTS_FILESYS_BASE_SYN_WRITE_H
#define TESTS_FILESYS_BASE_SYN_WRITE_H

#define SYN_WRITE_FILE "stuff"          /* The file they write. */
#define SYN_WRITE_CHILDREN 6            /* Writers at once. */
#define SYN_WRITE_CHUNK 1000            /* Bytes each writes: not whole
                                           sectors, so neighbours share
                                           sectors. */
#define SYN_WRITE_PIECE 10              /* Bytes per write call. */
#define SYN_WRITE_SEED 5000             /* Child I fills its chunk with
                                           seed SYN_WRITE_SEED + I. */

#endif /* tests/filesys/base/syn-write.h */
