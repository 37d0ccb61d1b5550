/* The boot sequence's shared facts: RAM size and page-table roots set
   by threads/start.S before main() runs; whether the kernel prints in
   Pintos's formats; and the hook through which layers above the
   kernel (the kernel tests) offer tasks to the "run" action without
   the boot sequence naming them. */
#ifndef THREADS_INIT_H
#define THREADS_INIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <debug.h>

/* Pages of physical RAM, found by threads/start.S. */
extern size_t init_ram_pages;

/* Physical address of the multiboot command line, or 0 when booted
   from Ringlet's own boot sector (then the command line is in the
   boot sector). */
extern uint32_t init_multiboot_cmdline;

/* True when the command line has -pintos: the boot banner and the
   lines about user processes the kernel kills then read exactly as a
   Pintos kernel's do, so that a course's Pintos test checkers judge
   this kernel unchanged.  Set before the banner, never changed after. */
extern bool init_pintos_compat;

int main (void) NO_RETURN;

/* A provider of tasks for "run TASK".  RUN starts the task called
   TASK and returns true once it is done, or returns false at once if
   it has no task of that name; LIST prints the names of its tasks,
   one to a line, for the message about an unknown task.  Both run in
   the initial thread, with interrupts on, and may sleep. */
struct init_runner
  {
    const char *kind;                   /* What it runs, e.g. "kernel test". */
    bool (*run) (const char *task);
    void (*list) (void);
  };

/* Registers a provider of "run" tasks.  The entry goes to the
   "krunners" section, which the linker script gathers into one array,
   so a provider is present exactly when its object is linked in. */
#define INIT_RUNNER(KIND, RUN, LIST)                                    \
  static const struct init_runner init_runner_##RUN                     \
    __attribute__ ((used, section ("krunners"), aligned (4)))           \
    = { KIND, RUN, LIST }

#endif /* threads/init.h */
