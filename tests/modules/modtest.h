/* Checks shared by the module tests: loading through insmod's own
   search (built in, file system, scratch archive), unloading, and
   proving that no page leaked. */
#ifndef TESTS_MODULES_MODTEST_H
#define TESTS_MODULES_MODTEST_H

#include <stddef.h>

void modtest_load (const char *file, const char *name);
void modtest_unload (const char *name);
void modtest_refused (const char *file, const char *name);
void modtest_check_pages (size_t free_before);

#endif /* tests/modules/modtest.h */
