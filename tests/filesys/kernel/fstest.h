/* Helpers shared by the kernel-level file-system tests: a byte
   pattern that names each file offset (so data in the wrong place is
   caught), creating and opening files, writing and checking whole
   files piece by piece, and counting free sectors and pages.  Each
   helper fails the running test with a message when something is
   wrong. */
#ifndef TESTS_FILESYS_KERNEL_FSTEST_H
#define TESTS_FILESYS_KERNEL_FSTEST_H

#include <stddef.h>
#include <stdint.h>
#include "devices/block.h"
#include "filesys/off_t.h"
#include "tests/base/check.h"

struct file;

uint8_t fstest_byte (off_t ofs, unsigned seed);
void fstest_fill (uint8_t *buf, size_t size, off_t ofs, unsigned seed);
uint32_t fstest_hash (const void *buf, size_t size, uint32_t hash);
#define FSTEST_HASH_START 2166136261u

struct file *fstest_create (const char *name, off_t size);
struct file *fstest_open (const char *name);
off_t fstest_length (const char *name);
void fstest_write (struct file *, off_t size, size_t piece, unsigned seed);
void fstest_verify (struct file *, off_t size, size_t piece, unsigned seed);

void fstest_patch_sector (block_sector_t, const uint8_t *orig, size_t ofs,
                          uint32_t value);
size_t fstest_free_sectors (void);

#endif /* tests/filesys/kernel/fstest.h */
