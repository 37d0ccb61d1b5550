/* A well-formed test module.  Its init prints results that come out
   right only if the loader did its job: calls to exported kernel
   functions and to gcc's 64-bit division helper (R_386_PC32 against
   undefined symbols), a table of function and string pointers
   (R_386_32 against its own .text and .rodata), a reference to
   exported kernel data (R_386_32 against an undefined symbol), an
   initialised variable (.data) and a zeroed one (.bss). */

#include <stdint.h>
#include "tests/ktest.h"
#include "threads/init.h"
#include "threads/module.h"
#include "threads/vaddr.h"

/* Returns A + B; reached through hello_ops. */
static int
hello_add (int a, int b)
{
  return a + b;
}

/* Returns A * B; reached through hello_ops. */
static int
hello_mul (int a, int b)
{
  return a * b;
}

/* A named operation: an entry of hello_ops. */
struct hello_op
  {
    const char *name;                   /* Pointer into .rodata. */
    int (*function) (int, int);         /* Pointer into .text. */
  };

/* The table the loader must relocate, word by word.  Global and
   writable, so gcc cannot fold the calls through it into constants. */
struct hello_op hello_ops[] =
  {
    { "add", hello_add },
    { "mul", hello_mul },
  };

/* Initialised data, and a counter that starts at zero in every fresh
   copy of the module. */
static volatile int hello_answer = 42;
static int hello_loads;

/* Operands kept in memory so gcc must call its division helper. */
static volatile uint64_t hello_dividend = 1000000000000ULL;
static volatile uint64_t hello_divisor = 7;

/* Prints what the module sees, and succeeds. */
static int
hello_init (void)
{
  size_t i;

  hello_loads++;
  msg ("mod-hello: init, load number %d, .data holds %d",
       hello_loads, hello_answer);
  for (i = 0; i < sizeof hello_ops / sizeof *hello_ops; i++)
    msg ("mod-hello: %s (6, 7) = %d", hello_ops[i].name,
         hello_ops[i].function (6, 7));
  msg ("mod-hello: %llu / %llu = %llu", hello_dividend, hello_divisor,
       hello_dividend / hello_divisor);
  msg ("mod-hello: the kernel has %'zu KiB of RAM",
       init_ram_pages * (PGSIZE / 1024));
  return 0;
}

/* Says goodbye. */
static void
hello_exit (void)
{
  msg ("mod-hello: exit");
}

MODULE_INFO ("mod-hello", hello_init, hello_exit);
