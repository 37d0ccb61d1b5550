/* The boot sequence's shared facts: RAM size and page-table roots set
   by threads/start.S before main() runs. */
#ifndef THREADS_INIT_H
#define THREADS_INIT_H

#include <stddef.h>
#include <stdint.h>
#include <debug.h>

/* Pages of physical RAM, found by threads/start.S. */
extern size_t init_ram_pages;

/* Physical address of the multiboot command line, or 0 when booted
   from Ringlet's own boot sector (then the command line is in the
   boot sector). */
extern uint32_t init_multiboot_cmdline;

int main (void) NO_RETURN;

#endif /* threads/init.h */
