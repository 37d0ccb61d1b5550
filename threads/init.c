/* The boot sequence: brings up every part of the kernel in order,
   reads the command line, runs the actions it names, and powers off.
   This is the top of the kernel: it may call into every layer. */

#include "threads/init.h"
#include <debug.h>
#include <inttypes.h>
#include <random.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "devices/block.h"
#include "devices/console.h"
#include "devices/fpu-irq.h"
#include "devices/ide.h"
#include "devices/input.h"
#include "devices/kbd.h"
#include "devices/serial.h"
#include "devices/shutdown.h"
#include "devices/timer.h"
#include "threads/gdt.h"
#include "threads/interrupt.h"
#include "threads/loader.h"
#include "threads/malloc.h"
#include "threads/module.h"
#include "threads/modutil.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/thread.h"
#include "threads/tss.h"
#include "threads/vaddr.h"
#include "threads/vmctl.h"
#include "tests/ktest.h"
#ifdef USERPROG
#include "userprog/exception.h"
#include "userprog/process.h"
#include "userprog/syscall.h"
#endif
#ifdef FILESYS
#include "filesys/filesys.h"
#include "filesys/fsutil.h"
#endif
#ifdef VM
#include "vm/vm.h"
#endif

/* Set by threads/start.S. */
size_t init_ram_pages;
uint32_t init_multiboot_cmdline;

/* Longest command line accepted from a multiboot loader. */
#define MULTIBOOT_CMDLINE_MAX 512

/* Most arguments a command line can have. */
#define ARGV_MAX (MULTIBOOT_CMDLINE_MAX / 2 + 1)

/* The command line, split into words, NULL-terminated. */
static char cmdline_buf[MULTIBOOT_CMDLINE_MAX + 1];
static char *cmdline_argv[ARGV_MAX + 1];

/* Options from the command line. */
static size_t user_page_limit = SIZE_MAX;        /* -ul=COUNT */
#ifdef FILESYS
static bool format_filesys;                      /* -f */
#endif
static const char *block_role_names[BLOCK_ROLE_CNT]; /* -filesys= etc. */

static char **read_command_line (void);
static char **parse_options (char **argv);
static void run_actions (char **argv);
static void locate_block_devices (void);
static void usage (void) NO_RETURN;
static void refuse (const char *format, ...) PRINTF_FORMAT (1, 2) NO_RETURN;

/* Kernel entry from threads/start.S, with paging on, interrupts off,
   and the stack in the initial thread's page. */
int
main (void)
{
  thread_init ();
  console_init ();

  printf ("Ringlet booting with %'"PRIu32" KiB RAM...\n",
          (uint32_t) init_ram_pages * (PGSIZE / 1024));
  random_init (0);
  char **argv = read_command_line ();
  argv = parse_options (argv);

  /* Memory and segments. */
  tss_init ();
  gdt_init ();
  pagedir_init ();
  palloc_init (user_page_limit);
  malloc_init ();
  module_init ();

  /* Interrupts and the devices that raise them. */
  intr_init ();
  timer_init ();
  fpu_irq_init ();
  kbd_init ();
  input_init ();
#ifdef USERPROG
  exception_init ();
  syscall_init ();
  process_init ();
#endif

  /* Scheduling, then what needs a running scheduler. */
  thread_start ();
  serial_init_queue ();
  timer_calibrate ();
  ide_init ();
  locate_block_devices ();
#ifdef FILESYS
  filesys_init (format_filesys);
#endif
#ifdef VM
  vm_init ();
#endif

  printf ("Boot complete.\n");
  run_actions (argv);
#ifdef FILESYS
  filesys_done ();
#endif

  shutdown ();
  thread_exit ();
}

/* Splits STRING in place into words separated by spaces, appending
   them to ARGV (which holds at most ARGV_MAX) from index *ARGC on. */
static void
split_words (char *string, char **argv, int *argc)
{
  char *save_ptr;
  for (char *word = strtok_r (string, " ", &save_ptr); word != NULL;
       word = strtok_r (NULL, " ", &save_ptr))
    if (*argc < ARGV_MAX)
      argv[(*argc)++] = word;
}

/* Copies the boot sector's command line (LOADER_ARG_CNT NUL-separated
   strings at LOADER_ARGS) into ARGV.  Returns false, having printed
   why, if it is malformed. */
static bool
read_boot_sector_args (char **argv, int *argc)
{
  uint32_t count = *(const uint32_t *) ptov (LOADER_ARG_CNT);
  const char *args = ptov (LOADER_ARGS);

  memcpy (cmdline_buf, args, LOADER_ARGS_LEN);
  cmdline_buf[LOADER_ARGS_LEN] = '\0';
  char *p = cmdline_buf;
  for (uint32_t i = 0; i < count; i++)
    {
      if (p >= cmdline_buf + LOADER_ARGS_LEN || *argc >= ARGV_MAX)
        {
          printf ("Boot sector command line is malformed (%"PRIu32
                  " arguments claimed); ignoring it.\n", count);
          *argc = 0;
          return false;
        }
      argv[(*argc)++] = p;
      p += strnlen (p, cmdline_buf + LOADER_ARGS_LEN - p) + 1;
    }
  return true;
}

/* Reads the kernel command line, from the multiboot loader if there
   was one and from the boot sector otherwise, prints it, and returns
   it as a NULL-terminated array of words. */
static char **
read_command_line (void)
{
  int argc = 0;

  if (init_multiboot_cmdline != 0)
    {
      strlcpy (cmdline_buf, ptov (init_multiboot_cmdline), sizeof cmdline_buf);
      split_words (cmdline_buf, cmdline_argv, &argc);
      /* The first word is the kernel's own file name. */
      if (argc > 0)
        memmove (cmdline_argv, cmdline_argv + 1, --argc * sizeof *cmdline_argv);
    }
  else
    read_boot_sector_args (cmdline_argv, &argc);
  cmdline_argv[argc] = NULL;

  printf ("Kernel command line:");
  for (int i = 0; i < argc; i++)
    printf (strchr (cmdline_argv[i], ' ') ? " '%s'" : " %s", cmdline_argv[i]);
  printf ("\n");
  return cmdline_argv;
}

/* Parses the options at the start of ARGV and returns the first word
   after them (the first action). */
static char **
parse_options (char **argv)
{
  for (; *argv != NULL && **argv == '-'; argv++)
    {
      char *save_ptr;
      char *name = strtok_r (*argv, "=", &save_ptr);
      char *value = strtok_r (NULL, "", &save_ptr);

      if (!strcmp (name, "-h"))
        usage ();
      else if (!strcmp (name, "-q"))
        shutdown_configure (SHUTDOWN_POWER_OFF);
      else if (!strcmp (name, "-r"))
        shutdown_configure (SHUTDOWN_REBOOT);
      else if (!strcmp (name, "-rs") && value != NULL)
        random_init (atoi (value));
#ifdef FILESYS
      else if (!strcmp (name, "-f"))
        format_filesys = true;
#endif
      else if (!strcmp (name, "-mlfqs"))
        thread_mlfqs = true;
      else if (!strcmp (name, "-ul") && value != NULL)
        user_page_limit = atoi (value);
      else if (!strcmp (name, "-filesys") && value != NULL)
        block_role_names[BLOCK_FILESYS] = value;
      else if (!strcmp (name, "-scratch") && value != NULL)
        block_role_names[BLOCK_SCRATCH] = value;
      else if (!strcmp (name, "-swap") && value != NULL)
        block_role_names[BLOCK_SWAP] = value;
      else
        refuse ("Unknown or incomplete option '%s' (-h lists the options).",
                name);
    }
  return argv;
}

/* Runs TASK, named by "run TASK": a kernel test if there is one of
   that name, otherwise (in kernels with user programs) the program
   and arguments TASK gives. */
static void
run_task (char **argv)
{
  const char *task = argv[1];

  printf ("Executing '%s':\n", task);
  bool done = ktest_run (task);
#ifdef USERPROG
  if (!done)
    {
      process_wait (process_execute (task));
      done = true;
    }
#endif
  if (!done)
    {
      printf ("This kernel has no test called '%s'.  Its tests are:\n", task);
      ktest_list ();
      shutdown_set_status (1);
    }
  printf ("Execution of '%s' complete.\n", task);
}

/* A kernel action: a word on the command line and its arguments. */
struct action
  {
    const char *name;           /* Action name. */
    int argc;                   /* Words it takes, counting its name. */
    void (*function) (char **argv);
  };

/* Every action this kernel knows. */
static const struct action actions[] =
  {
    {"run", 2, run_task},
    {"insmod", 2, modutil_insmod},
    {"rmmod", 2, modutil_rmmod},
    {"vmrun", 2, vmctl_run_action},
#ifdef FILESYS
    {"ls", 1, fsutil_ls},
    {"cat", 2, fsutil_cat},
    {"rm", 2, fsutil_rm},
    {"extract", 1, fsutil_extract},
    {"append", 2, fsutil_append},
#endif
  };

/* Runs each action in ARGV in order. */
static void
run_actions (char **argv)
{
  while (*argv != NULL)
    {
      const struct action *a = NULL;
      for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
        if (!strcmp (*argv, actions[i].name))
          a = &actions[i];
      if (a == NULL)
        refuse ("Unknown action '%s' (-h lists the actions).", *argv);

      for (int i = 1; i < a->argc; i++)
        if (argv[i] == NULL)
          refuse ("Action '%s' needs %d argument(s).", *argv, a->argc - 1);

      a->function (argv);
      argv += a->argc;
    }
}

/* Returns the first block device of TYPE, or NULL if there is none. */
static struct block *
first_block_of_type (enum block_type type)
{
  for (struct block *b = block_first (); b != NULL; b = block_next (b))
    if (block_type (b) == type)
      return b;
  return NULL;
}

/* Gives each block role (kernel, file system, scratch, swap) its
   device: the one named on the command line (-filesys= etc.), or else
   the first partition of that role's type found by the partition scan. */
static void
locate_block_devices (void)
{
  for (int role = 0; role < BLOCK_ROLE_CNT; role++)
    {
      const char *name = block_role_names[role];
      struct block *block = NULL;
      if (name != NULL)
        {
          block = block_get_by_name (name);
          if (block == NULL)
            refuse ("No block device '%s' for the %s role.", name,
                    block_type_name (role));
        }
      else
        block = first_block_of_type (role);
      if (block != NULL)
        {
          printf ("%s: using %s\n", block_type_name (role), block_name (block));
          block_set_role (role, block);
        }
    }
}

/* Prints MESSAGE as an error about the command line and powers off
   with a failing status. */
static void
refuse (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  printf ("Error: ");
  vprintf (format, args);
  printf ("\n");
  va_end (args);
  shutdown_set_status (1);
  shutdown_power_off ();
}

/* Prints the kernel's command-line help and powers off. */
static void
usage (void)
{
  printf ("\nCommand line syntax: [OPTION...] [ACTION...]\n"
          "Options must precede actions; actions run in order.\n"
          "Actions:\n"
          "  run TASK           Run the kernel test called TASK or, in kernels\n"
          "                     with user programs, the program TASK names\n"
          "                     (quoted with its arguments: run 'echo hi').\n"
          "  insmod FILE        Load and start the module in FILE.\n"
          "  rmmod NAME         Unload the module called NAME.\n"
          "  vmrun GUEST[,...]  Run guest images from scratch in VMs (needs hv).\n"
#ifdef FILESYS
          "  ls                 List the files in the file system, with sizes.\n"
          "  cat FILE           Print FILE (as a hex dump unless it is text).\n"
          "  rm FILE            Remove FILE from the file system.\n"
          "  extract            Copy the scratch partition's files into the file system.\n"
          "  append FILE        Add FILE to the scratch partition's archive.\n"
#endif
          "Options:\n"
          "  -h                 Print this help message and power off.\n"
          "  -q                 Power off when the actions are done.\n"
          "  -r                 Reboot when the actions are done.\n"
          "  -rs=SEED           Seed the random number generator with SEED.\n"
          "  -mlfqs             Use the multi-level feedback queue scheduler.\n"
          "  -ul=COUNT          Limit the user memory pool to COUNT pages.\n"
#ifdef FILESYS
          "  -f                 Format the file system before the actions.\n"
#endif
          "  -filesys=BDEV      Use BDEV for the file system.\n"
          "  -scratch=BDEV      Use BDEV for scratch space.\n"
          "  -swap=BDEV         Use BDEV for swap.\n");
  shutdown_power_off ();
}
