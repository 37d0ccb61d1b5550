/* priv: tries privileged instructions in ring 3.  "priv NAME" runs
   the one instruction NAME; the CPU refuses it with a general-
   protection fault (#GP), and the kernel kills the process with a
   line naming the fault, the ring and the instruction.  "priv" alone
   runs each one in a child of its own and reports how it ended. */

#include <syscall.h>
#include <string.h>
#include <stdio.h>
#include <stdint.h>

/* Longest command line this program builds. */
#define PRIV_CMD_MAX 32

/* The instructions, each with a function that executes it. */
static void do_cli (void) { asm volatile ("cli"); }
static void do_hlt (void) { asm volatile ("hlt"); }
static void do_in (void) { asm volatile ("inb $0x60, %%al" : : : "eax"); }
static void do_cr3 (void) { asm volatile ("movl %%eax, %%cr3" : : "a" (0)); }

static void
do_lgdt (void)
{
  static const struct { uint16_t limit; uint32_t base; }
    __attribute__ ((packed)) gdt = { 0, 0 };
  asm volatile ("lgdt %0" : : "m" (gdt));
}

struct priv_insn
  {
    const char *name;           /* Command-line name. */
    const char *what;           /* What it would do in ring 0. */
    void (*run) (void);
  };

static const struct priv_insn insns[] =
  {
    { "cli", "turn interrupts off", do_cli },
    { "hlt", "stop the CPU until an interrupt", do_hlt },
    { "in", "read the keyboard controller's I/O port 0x60", do_in },
    { "cr3", "switch page tables (mov to %cr3)", do_cr3 },
    { "lgdt", "load a new global descriptor table", do_lgdt },
  };

#define INSN_CNT (sizeof insns / sizeof *insns)

/* Runs instruction NAME, which should never return. */
static int
run_one (const char *name)
{
  for (size_t i = 0; i < INSN_CNT; i++)
    if (!strcmp (insns[i].name, name))
      {
        printf ("priv: %s: trying to %s from ring 3...\n", name,
                insns[i].what);
        insns[i].run ();
        printf ("priv: %s ran in ring 3: it is not privileged here!\n", name);
        return 0;
      }
  printf ("priv: no instruction \"%s\"; try cli, hlt, in, cr3 or lgdt\n",
          name);
  return 1;
}

/* Runs every instruction in a child and reports its fate. */
static int
run_all (void)
{
  for (size_t i = 0; i < INSN_CNT; i++)
    {
      char cmd[PRIV_CMD_MAX];
      snprintf (cmd, sizeof cmd, "priv %s", insns[i].name);
      int status = wait (exec (cmd));
      printf ("priv: the child that ran %s %s\n\n", insns[i].name,
              status == -1 ? "was killed (exit code -1)" : "exited normally");
    }
  return EXIT_SUCCESS;
}

int
main (int argc, char *argv[])
{
  return argc > 1 ? run_one (argv[1]) : run_all ();
}
