/* What the mmap tests share: where they map files, and the steps
   most of them take, each printing a line and failing if it fails. */
#ifndef TESTS_VM_MAPPING_H
#define TESTS_VM_MAPPING_H

#include <stddef.h>
#include <syscall.h>

/* Where the tests map files: far from code, data and stack. */
#define MAP_ADDR ((char *) 0x10000000)

/* A page, as the kernel maps them. */
#define MAP_PAGE 4096

int open_file (const char *name);
void make_file (const char *name, const void *data, size_t size);
mapid_t map_file (int fd, void *addr, const char *name);
void map_refused (int fd, void *addr, const char *what);

#endif /* tests/vm/mapping.h */
