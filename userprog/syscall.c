/* The system-call gate and the calls about processes.  A user
   program pushes the arguments and the call number and executes
   "int $0x30"; the handler reads the number at the user's %esp and
   the arguments above it, runs the call from syscall_table, and puts
   the result in the user's %eax.  Every user address is read or
   written through userprog/uaccess.h: a bad one kills the process
   with exit code -1 and costs the kernel nothing. */

#include "userprog/syscall.h"
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <syscall-nr.h>
#include "devices/shutdown.h"
#include "threads/init.h"
#include "threads/interrupt.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "userprog/pager.h"
#include "userprog/process.h"
#include "userprog/syscall-file.h"
#include "userprog/uaccess.h"

/* Exit code of a process killed for a bad system call. */
#define SYSCALL_KILLED (-1)

/* Most arguments a system call takes. */
#define SYSCALL_ARGS_MAX 3

/* The handler of the gate (below). */
static intr_handler_func syscall_handler;

/* Installs the system-call gate, callable from ring 3. */
void
syscall_init (void)
{
  intr_register_int (SYSCALL_VECTOR, 3, INTR_ON, syscall_handler, "syscall");
}

/* LAB userprog: system calls */
static syscall_handler_func sys_halt, sys_exit, sys_exec, sys_wait;
static syscall_handler_func sys_freepages;

/* A system call: its handler and how many arguments it takes. */
struct syscall_desc
  {
    syscall_handler_func *handler;
    int argc;
  };

/* Every system call, by number.  Unlisted numbers kill the caller.
   Layers above userprog add their calls with syscall_register(). */
static struct syscall_desc syscall_table[SYSCALL_CNT] =
  {
    [SYS_HALT] = { sys_halt, 0 },
    [SYS_EXIT] = { sys_exit, 1 },
    [SYS_EXEC] = { sys_exec, 1 },
    [SYS_WAIT] = { sys_wait, 1 },
    [SYS_CREATE] = { syscall_create, 2 },
    [SYS_REMOVE] = { syscall_remove, 1 },
    [SYS_OPEN] = { syscall_open, 1 },
    [SYS_FILESIZE] = { syscall_filesize, 1 },
    [SYS_READ] = { syscall_read, 3 },
    [SYS_WRITE] = { syscall_write, 3 },
    [SYS_SEEK] = { syscall_seek, 2 },
    [SYS_TELL] = { syscall_tell, 1 },
    [SYS_CLOSE] = { syscall_close, 1 },
    [SYS_FREEPAGES] = { sys_freepages, 0 },
  };

/* Adds system call NUMBER, run by HANDLER with ARGC arguments, for a
   layer above userprog (the vm lab's mmap and munmap, for one).  Boot
   time only, before the first process starts; NUMBER must be free. */
void
syscall_register (unsigned number, syscall_handler_func *handler, int argc)
{
  ASSERT (number < SYSCALL_CNT && syscall_table[number].handler == NULL);
  ASSERT (argc >= 0 && argc <= SYSCALL_ARGS_MAX);
  syscall_table[number].handler = handler;
  syscall_table[number].argc = argc;
}

/* Kills the running process for a bad system call, saying why in a
   line like the one for a fault (userprog/exception.c): WHY is
   formatted like printf.  In Pintos compatibility mode
   (init_pintos_compat) there is no such line: Pintos's checkers expect
   the exit line alone. */
static void NO_RETURN PRINTF_FORMAT (1, 2)
syscall_kill (const char *why, ...)
{
  va_list args;

  if (!init_pintos_compat)
    {
      printf ("%s: killed: ", process_current ()->name);
      va_start (args, why);
      vprintf (why, args);
      va_end (args);
      printf (" in a system call\n");
    }
  process_exit (SYSCALL_KILLED);
}

/* Returns the system call numbered NUMBER, or NULL if none is. */
static const struct syscall_desc *
syscall_lookup (uint32_t number)
{
  if (number >= SYSCALL_CNT || syscall_table[number].handler == NULL)
    return NULL;
  return &syscall_table[number];
}

/* Runs the system call whose number and arguments are on the user
   stack of F, and returns its result in F's %eax.  A stack pointer
   that leaves the number or the arguments unreadable kills the
   process (the handler holds nothing yet). */
static void
syscall_handler (struct intr_frame *f)
{
  const uint32_t *usp = f->esp;
  uint32_t number;
  uint32_t args[SYSCALL_ARGS_MAX];

  if (!uaccess_read (&number, usp, sizeof number))
    syscall_kill_bad_buffer (usp, sizeof number);
  const struct syscall_desc *call = syscall_lookup (number);
  if (call == NULL)
    syscall_kill ("unknown call number %"PRIu32, number);
  size_t args_size = call->argc * sizeof *args;
  if (!uaccess_read (args, usp + 1, args_size))
    syscall_kill_bad_buffer (usp + 1, args_size);
  f->eax = call->handler (args);
}

/* Kills the running process because the SIZE bytes of the user
   buffer at UBUF, handed to a system call, were not all there to read
   or write.  The caller must have freed whatever it took for the
   call: this does not return. */
void
syscall_kill_bad_buffer (const void *ubuf, size_t size)
{
  syscall_kill ("bad user buffer 0x%08"PRIxPTR" (%zu bytes)",
                (uintptr_t) ubuf, size);
}

/* Returns a new page holding a copy of the string at user address
   USTR, for the caller to free with palloc_free_page; kills the
   process if the string is not readable.  Returns NULL if the string
   does not fit in a page or memory is short. */
char *
syscall_copy_in_string (const char *ustr)
{
  char *page = palloc_get_page (0);
  if (page == NULL)
    return NULL;
  int len = uaccess_read_string (page, ustr, PGSIZE);
  if (len >= 0)
    return page;
  palloc_free_page (page);
  if (len == UACCESS_FAULT)
    syscall_kill ("bad user string at 0x%08"PRIxPTR, (uintptr_t) ustr);
  return NULL;
}

/* halt (): powers the machine off. */
static uint32_t
sys_halt (const uint32_t args[] UNUSED)
{
  shutdown_power_off ();
}

/* exit (STATUS): ends the process with exit code STATUS. */
static uint32_t
sys_exit (const uint32_t args[])
{
  process_exit ((int) args[0]);
}

/* exec (CMD_LINE): starts a child process running CMD_LINE.  Returns
   its pid, or -1 if it could not be loaded. */
static uint32_t
sys_exec (const uint32_t args[])
{
  char *cmd_line = syscall_copy_in_string ((const char *) args[0]);
  if (cmd_line == NULL)
    return (uint32_t) TID_ERROR;
  tid_t tid = process_execute (cmd_line);
  palloc_free_page (cmd_line);
  return tid;
}

/* wait (PID): waits for child PID and returns its exit code, or -1
   (see process_wait). */
static uint32_t
sys_wait (const uint32_t args[])
{
  return process_wait ((tid_t) args[0]);
}

/* freepages (): returns the page allocator's free page count, with
   the pages the caller holds on demand counted as free (see
   pager_held_pages). */
static uint32_t
sys_freepages (const uint32_t args[] UNUSED)
{
  return palloc_free_count () + pager_held_pages ();
}
/* STUB:
void
syscall_register (unsigned number UNUSED, syscall_handler_func *handler UNUSED,
                  int argc UNUSED)
{
}

static void
syscall_handler (struct intr_frame *f UNUSED)
{
  printf ("system call!\n");
  process_exit (-1);
}
*/
/* END LAB */
