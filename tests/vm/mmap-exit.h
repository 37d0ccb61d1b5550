/* The file mmap-exit's child writes through a mapping. */
#ifndef TESTS_VM_MMAP_EXIT_H
#define TESTS_VM_MMAP_EXIT_H

/* Its size, and the pattern written. */
#define EXIT_FILE_SIZE (3 * 4096)
#define EXIT_FILE_SEED 23

#endif /* tests/vm/mmap-exit.h */
