/* The boot sequence: brings up every part of the kernel in order,
   reads the command line, applies its options, performs the actions
   it names, and powers off.  This is the top of the kernel: it may
   call into every layer, and it wires the layers' hooks together. */

#include "threads/init.h"
#include <debug.h>
#include <inttypes.h>
#include <random.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <addrspace.h>
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
#ifdef USERPROG
#include "userprog/exception.h"
#include "userprog/process.h"
#include "userprog/syscall.h"
#ifdef VMCTL_SYSCALLS
#include "userprog/vmsys.h"
#endif
#endif
#ifdef FILESYS
#include "filesys/filesys.h"
#include "filesys/fsutil.h"
#include "filesys/modfile.h"
#endif
#ifdef VM
#include "vm/vm.h"
#endif

/* Code shared with user programs knows where user space ends by
   lib/addrspace.h; it must be where the kernel begins. */
_Static_assert (ADDRSPACE_USER_END == LOADER_PHYS_BASE,
                "lib/addrspace.h disagrees with threads/loader.h");

/* Set by threads/start.S. */
size_t init_ram_pages;
uint32_t init_multiboot_cmdline;

/* -pintos: print in Pintos's formats (threads/init.h). */
bool init_pintos_compat;

/* Longest command line accepted from a multiboot loader. */
#define MULTIBOOT_CMDLINE_MAX 512

/* Most arguments a command line can have. */
#define ARGV_MAX (MULTIBOOT_CMDLINE_MAX / 2 + 1)

/* The command line, split into words, NULL-terminated. */
static char cmdline_buf[MULTIBOOT_CMDLINE_MAX + 1];
static char *cmdline_argv[ARGV_MAX + 1];

/* Settings the options choose, applied as the boot goes on. */
static size_t init_user_pages = SIZE_MAX;         /* -ul=COUNT */
#ifdef FILESYS
static bool init_format_filesys;                  /* -f */
#endif
static const char *init_role_device[BLOCK_ROLE_CNT]; /* -filesys= etc. */

/* Providers of "run" tasks (INIT_RUNNER), gathered by the linker. */
extern const struct init_runner __start_krunners[], __stop_krunners[];

static char **init_read_cmdline (void);
static void init_announce (char **argv);
static char **init_apply_options (char **argv);
static void init_perform_actions (char **argv);
static void init_probe_disks (void);
static bool init_roles_named (void);
static void init_wind_down (void);
static void init_help (void) NO_RETURN;
static void init_reject (const char *format, ...) PRINTF_FORMAT (1, 2)
  NO_RETURN;

/* Kernel entry from threads/start.S, with paging on, interrupts off,
   and the stack in the initial thread's page. */
int
main (void)
{
  char **argv, **actions;

  thread_init ();
  console_init ();
  argv = init_read_cmdline ();
  init_announce (argv);
  random_init (0);
  actions = init_apply_options (argv);

  /* Memory and segments. */
  tss_init ();
  gdt_init ();
  pagedir_init ();
  palloc_init (init_user_pages);
  malloc_init ();
  module_init ();

  /* Interrupts, then the devices that raise them. */
  timer_take_over ();
  intr_init ();
  kbd_init ();
  input_init ();
  timer_init ();
  fpu_irq_init ();
#ifdef USERPROG
  syscall_init ();
#ifdef VMCTL_SYSCALLS
  vmsys_init ();
#endif
  exception_init ();
  process_init ();
#endif

  /* Scheduling, then what needs a running scheduler. */
  thread_start ();
  timer_calibrate ();
  serial_init_queue ();
  block_set_prober (init_probe_disks);
  if (init_roles_named ())
    block_probe ();
#ifdef FILESYS
  filesys_init (init_format_filesys);
  modutil_set_file_reader (modfile_read);
#endif
#ifdef VM
  vm_init ();
#endif

  printf ("Boot complete.\n");
  init_perform_actions (actions);
  init_wind_down ();
  thread_exit ();
}

/* Ends the run once the actions are done: flushes the file system,
   then powers off or reboots as the options asked.  Returns only if
   they asked for neither. */
static void
init_wind_down (void)
{
#ifdef FILESYS
  filesys_done ();
#endif
  shutdown ();
}

/* Splits STRING in place into words separated by spaces, appending
   them to ARGV (which holds at most ARGV_MAX) from index *ARGC on.
   Single quotes let a word hold spaces and are removed: "run 'echo
   hi'" gives "run" and "echo hi", as the boot sector's NUL-separated
   words would.  A quote may begin or end anywhere in a word; an
   unclosed one runs to the end of STRING, and '' alone is an empty
   word. */
static void
init_split_words (char *string, char **argv, int *argc)
{
  char *in = string;            /* Next character to read. */
  char *out = string;           /* Where it goes: never past IN. */

  for (;;)
    {
      while (*in == ' ')
        in++;
      if (*in == '\0')
        return;
      char *word = out;
      bool quoted = false;
      for (; *in != '\0' && (quoted || *in != ' '); in++)
        if (*in == '\'')
          quoted = !quoted;
        else
          *out++ = *in;
      bool more = *in != '\0';
      *out++ = '\0';            /* Over a space or quote already read. */
      if (more)
        in++;
      if (*argc < ARGV_MAX)
        argv[(*argc)++] = word;
    }
}

/* Copies the boot sector's command line (LOADER_ARG_CNT NUL-separated
   strings at LOADER_ARGS) into ARGV.  Returns false, having printed
   why, if it is malformed. */
static bool
init_boot_sector_args (char **argv, int *argc)
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
   was one and from the boot sector otherwise, and returns it as a
   NULL-terminated array of words. */
static char **
init_read_cmdline (void)
{
  int argc = 0;

  if (init_multiboot_cmdline != 0)
    {
      strlcpy (cmdline_buf, ptov (init_multiboot_cmdline), sizeof cmdline_buf);
      init_split_words (cmdline_buf, cmdline_argv, &argc);
      /* The first word is the kernel's own file name. */
      if (argc > 0)
        memmove (cmdline_argv, cmdline_argv + 1, --argc * sizeof *cmdline_argv);
    }
  else
    init_boot_sector_args (cmdline_argv, &argc);
  cmdline_argv[argc] = NULL;
  return cmdline_argv;
}

/* Returns true if the options at the start of ARGV (the words before
   the first action) include NAME, exactly. */
static bool
init_has_option (char **argv, const char *name)
{
  for (; *argv != NULL && (*argv)[0] == '-'; argv++)
    if (!strcmp (*argv, name))
      return true;
  return false;
}

/* Prints the boot banner, with the RAM size, and then the command line
   ARGV, a word that holds spaces (or no character at all) in single
   quotes, as it would be typed.  The banner's format depends on
   -pintos, and it comes before the options are applied, so this looks
   for that one option itself and sets init_pintos_compat. */
static void
init_announce (char **argv)
{
  uint32_t ram_kb = (uint32_t) init_ram_pages * (PGSIZE / 1024);

  init_pintos_compat = init_has_option (argv, "-pintos");
  if (init_pintos_compat)
    printf ("Pintos booting with %'"PRIu32" kB RAM...\n", ram_kb);
  else
    printf ("Ringlet booting with %'"PRIu32" KiB RAM...\n", ram_kb);

  printf ("Kernel command line:");
  for (int i = 0; argv[i] != NULL; i++)
    printf (strchr (argv[i], ' ') || argv[i][0] == '\0' ? " '%s'" : " %s",
            argv[i]);
  printf ("\n");
}

/* ---- Options ---- */

/* Handlers of the options, each given the text after '=' (a null
   pointer if there was none).  See init_options for the meanings. */

static void
init_opt_help (const char *value UNUSED)
{
  init_help ();
}

static void
init_opt_power_off (const char *value UNUSED)
{
  shutdown_configure (SHUTDOWN_POWER_OFF);
}

static void
init_opt_reboot (const char *value UNUSED)
{
  shutdown_configure (SHUTDOWN_REBOOT);
}

static void
init_opt_seed (const char *value)
{
  random_init (atoi (value));
}

#ifdef FILESYS
static void
init_opt_format (const char *value UNUSED)
{
  init_format_filesys = true;
}
#endif

static void
init_opt_mlfqs (const char *value UNUSED)
{
  thread_mlfqs = true;
}

/* Nothing left to do: init_announce() has set init_pintos_compat, as
   the banner, printed before the options are applied, needed it. */
static void
init_opt_pintos (const char *value UNUSED)
{
  ASSERT (init_pintos_compat);
}

static void
init_opt_user_limit (const char *value)
{
  init_user_pages = atoi (value);
}

static void
init_opt_filesys_dev (const char *value)
{
  init_role_device[BLOCK_FILESYS] = value;
}

static void
init_opt_scratch_dev (const char *value)
{
  init_role_device[BLOCK_SCRATCH] = value;
}

static void
init_opt_swap_dev (const char *value)
{
  init_role_device[BLOCK_SWAP] = value;
}

static void
init_opt_hv_paging (const char *value)
{
  if (!vmctl_parse_paging (value, &vmctl_default_paging))
    init_reject ("Option -hv-paging takes npt or shadow, not '%s'.", value);
}

/* A kernel option: "-NAME", or "-NAME=VALUE" if it wants a value. */
struct init_option
  {
    const char *name;                   /* With its dash, without '='. */
    bool wants_value;                   /* Must be given "=VALUE". */
    void (*apply) (const char *value);  /* Acts on it. */
  };

/* Every option this kernel accepts. */
static const struct init_option init_options[] =
  {
    { "-h", false, init_opt_help },
    { "-q", false, init_opt_power_off },
    { "-r", false, init_opt_reboot },
    { "-rs", true, init_opt_seed },
#ifdef FILESYS
    { "-f", false, init_opt_format },
#endif
    { "-mlfqs", false, init_opt_mlfqs },
    { "-ul", true, init_opt_user_limit },
    { "-pintos", false, init_opt_pintos },
    { "-filesys", true, init_opt_filesys_dev },
    { "-scratch", true, init_opt_scratch_dev },
    { "-swap", true, init_opt_swap_dev },
    { "-hv-paging", true, init_opt_hv_paging },
  };

#define INIT_OPTION_CNT (sizeof init_options / sizeof *init_options)

/* Returns the option whose name is the LEN bytes at NAME, or a null
   pointer. */
static const struct init_option *
init_find_option (const char *name, size_t len)
{
  for (size_t i = 0; i < INIT_OPTION_CNT; i++)
    if (strlen (init_options[i].name) == len
        && !memcmp (init_options[i].name, name, len))
      return &init_options[i];
  return NULL;
}

/* Applies the one option WORD ("-NAME" or "-NAME=VALUE"), or powers
   off with an error if it is unknown or its value is missing or
   unwanted. */
static void
init_apply_option (const char *word)
{
  const char *equals = strchr (word, '=');
  size_t name_len = equals != NULL ? (size_t) (equals - word) : strlen (word);
  const struct init_option *opt = init_find_option (word, name_len);
  const char *value = equals != NULL ? equals + 1 : NULL;

  if (opt == NULL)
    init_reject ("'%s' is not an option (-h lists them).", word);
  if (opt->wants_value && (value == NULL || *value == '\0'))
    init_reject ("Option '%.*s' needs a value: %.*s=VALUE.",
                 (int) name_len, word, (int) name_len, word);
  if (!opt->wants_value && value != NULL)
    init_reject ("Option '%.*s' takes no value.", (int) name_len, word);
  opt->apply (value);
}

/* Applies the options, the words at the start of ARGV that begin with
   '-', and returns the rest: the actions. */
static char **
init_apply_options (char **argv)
{
  while (*argv != NULL && (*argv)[0] == '-')
    init_apply_option (*argv++);
  return argv;
}

/* ---- Actions ---- */

/* The "run TASK" action: the first provider (INIT_RUNNER) that knows
   TASK runs it; otherwise, in kernels with user programs, TASK is a
   program with its arguments. */
static void
init_run (char **argv)
{
  const char *task = argv[1];
  const struct init_runner *r;
  bool found = false;

  printf ("Executing '%s':\n", task);
  for (r = __start_krunners; r < __stop_krunners && !found; r++)
    found = r->run (task);
#ifdef USERPROG
  if (!found)
    {
      process_wait (process_execute (task));
      found = true;
    }
#endif
  if (!found)
    {
      printf ("This kernel cannot run '%s'.  It can run:\n", task);
      for (r = __start_krunners; r < __stop_krunners; r++)
        r->list ();
      shutdown_set_status (1);
    }
  printf ("Execution of '%s' complete.\n", task);
}

/* A kernel action: a command-line word, the fixed number of words
   after it that it consumes, and what performs it (given the action's
   word and its operands). */
struct init_action
  {
    const char *word;
    int operand_cnt;
    void (*perform) (char **argv);
  };

/* Every action this kernel can perform. */
static const struct init_action init_actions[] =
  {
    { "run", 1, init_run },
    { "insmod", 1, modutil_insmod },
    { "rmmod", 1, modutil_rmmod },
    { "vmrun", 1, vmctl_run_action },
#ifdef FILESYS
    { "ls", 0, fsutil_ls },
    { "cat", 1, fsutil_cat },
    { "rm", 1, fsutil_rm },
    { "extract", 0, fsutil_extract },
    { "append", 1, fsutil_append },
#endif
  };

#define INIT_ACTION_CNT (sizeof init_actions / sizeof *init_actions)

/* Returns the action called WORD, or powers off with an error. */
static const struct init_action *
init_find_action (const char *word)
{
  for (size_t i = 0; i < INIT_ACTION_CNT; i++)
    if (!strcmp (init_actions[i].word, word))
      return &init_actions[i];
  init_reject ("'%s' is not an action (-h lists them).", word);
}

/* Performs the actions in ARGV, left to right; every action must
   have all its operands, or nothing at all is performed. */
static void
init_perform_actions (char **argv)
{
  char **word;

  for (word = argv; *word != NULL; )
    {
      const struct init_action *a = init_find_action (*word);
      for (int i = 1; i <= a->operand_cnt; i++)
        if (word[i] == NULL)
          init_reject ("Action '%s' takes %d operand(s).", a->word,
                       a->operand_cnt);
      word += 1 + a->operand_cnt;
    }
  for (word = argv; *word != NULL; )
    {
      const struct init_action *a = init_find_action (*word);
      a->perform (word);
      word += 1 + a->operand_cnt;
    }
}

/* ---- Block devices ---- */

/* Disks are probed on first use, not at boot (see devices/block.c):
   a kernel with a file system asks for its device during the boot
   (filesys_init), a kernel that loads a module from the scratch
   partition asks when it does, and a run that needs no disk never
   touches one.  The one exception is a command line whose options
   name a device: that is checked at boot, so a wrong name is reported
   before any action runs. */

/* Returns the device for ROLE: the one its option named (powering off
   with an error if there is no such device), else the first device
   whose type is ROLE, else a null pointer.  Runs inside the probe. */
static struct block *
init_device_for_role (enum block_type role)
{
  const char *wanted = init_role_device[role];
  struct block *dev;

  if (wanted == NULL)
    {
      for (dev = block_first (); dev != NULL; dev = block_next (dev))
        if (block_type (dev) == role)
          break;
      return dev;
    }
  dev = block_get_by_name (wanted);
  if (dev == NULL)
    init_reject ("No block device '%s' for the %s role.", wanted,
                 block_type_name (role));
  return dev;
}

/* Gives each block role (kernel, file system, scratch, swap) its
   device and says which it is. */
static void
init_assign_roles (void)
{
  for (enum block_type role = 0; role < BLOCK_ROLE_CNT; role++)
    {
      struct block *dev = init_device_for_role (role);
      if (dev == NULL)
        continue;
      block_set_role (role, dev);
      printf ("%s: using %s\n", block_type_name (role), block_name (dev));
    }
}

/* The block layer's prober: finds the IDE disks and their partitions,
   then gives out the roles.  Runs once, in the thread that first
   looks a device up; may sleep. */
static void
init_probe_disks (void)
{
  ide_init ();
  init_assign_roles ();
}

/* Returns true if an option (-filesys=, -scratch=, -swap=) named the
   device for some role. */
static bool
init_roles_named (void)
{
  for (enum block_type role = 0; role < BLOCK_ROLE_CNT; role++)
    if (init_role_device[role] != NULL)
      return true;
  return false;
}

/* ---- Messages ---- */

/* Prints "Error: ", FORMAT formatted like printf, and a new-line, then
   powers off with a failing status: the command line was wrong. */
static void
init_reject (const char *format, ...)
{
  va_list ap;

  printf ("Error: ");
  va_start (ap, format);
  vprintf (format, ap);
  va_end (ap);
  printf ("\n");
  shutdown_set_status (1);
  shutdown_power_off ();
}

/* Prints how to write a kernel command line, then powers off. */
static void
init_help (void)
{
  printf ("\nUsage: kernel [OPTION...] [ACTION...]\n"
          "Options come first; the actions then run left to right.\n"
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
          "  -h                 Print this help and power off.\n"
          "  -q                 Power off when the actions are done.\n"
          "  -r                 Reboot when the actions are done.\n"
          "  -rs=SEED           Seed the random number generator with SEED.\n"
          "  -mlfqs             Use the multi-level feedback queue scheduler.\n"
          "  -ul=COUNT          Limit the user memory pool to COUNT pages.\n"
          "  -pintos            Print the boot banner and the lines about killed\n"
          "                     user processes in Pintos's formats.\n"
#ifdef FILESYS
          "  -f                 Format the file system before the actions.\n"
#endif
          "  -filesys=BDEV      Use BDEV for the file system.\n"
          "  -scratch=BDEV      Use BDEV for scratch space.\n"
          "  -swap=BDEV         Use BDEV for swap.\n"
          "  -hv-paging=MODE    Run VMs under nested paging (npt, the default)\n"
          "                     or shadow page tables (shadow).\n");
  shutdown_power_off ();
}
