/* User processes: their life from exec to exit.

   process_execute() starts a thread that loads the program (ELF
   segments, then the argument stack) and enters ring 3; the parent
   waits until the load has succeeded or failed, so exec can report
   which.  Parent and child share a struct process_status, which
   carries the exit code to process_wait() and is freed by whichever
   of the two lets go of it last, so parents and children may end in
   any order.  A process ends through thread_exit(), whose exit hook
   (process_cleanup) prints "NAME: exit(CODE)" and frees everything
   the process held.

   Locking: a process's list of children is touched only by the
   process itself; status_lock guards reference counts and the list
   of children of kernel threads, which any kernel thread may use. */

#include "userprog/process.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"
#include "threads/intr-stubs.h"
#include "threads/loader.h"
#include "threads/malloc.h"
#include "threads/pagedir.h"
#include "threads/vaddr.h"
#include "userprog/args.h"
#include "userprog/elf.h"
#include "userprog/pager.h"

/* Bit 1 of EFLAGS is reserved and always set. */
#define EFLAGS_RESERVED 0x00000002

/* Exit code of a process that did not call exit(): killed, or never
   loaded. */
#define PROCESS_KILLED (-1)

/* Most bytes of a program's name that a load message shows; a longer
   name ends in "...". */
#define PROCESS_SHOWN_NAME_MAX 64

/* Room for a shown name: each byte escaped as "\xHH" at worst, the
   "..." and the NUL. */
#define PROCESS_SHOWN_SIZE (PROCESS_SHOWN_NAME_MAX * 4 + 4)

/* What a new process's thread needs from its parent, and how it
   reports back whether the program loaded.  Lives on the parent's
   stack until DONE is upped. */
struct process_start
  {
    const char *cmd_line;       /* Program and arguments. */
    struct process *process;    /* The new process, made by the parent. */
    struct semaphore done;      /* Upped when loading ends. */
    bool loaded;                /* Whether it succeeded. */
  };

/* Children started by kernel threads (the "run" action), which have
   no struct process to keep them in. */
static struct list kernel_children;

/* Guards every process_status's REF_CNT, and KERNEL_CHILDREN. */
static struct lock status_lock;

static void process_cleanup (struct thread *, void *aux);
static void process_start (void *start_);

/* Sets up process management: call once, before the first exec. */
void
process_init (void)
{
  list_init (&kernel_children);
  lock_init (&status_lock);
  lineage_init ();
  thread_set_exit_hook (process_cleanup);
}

/* Returns the running process, or NULL in a kernel thread. */
struct process *
process_current (void)
{
  return thread_current ()->process;
}

/* Returns the list of children of the running thread. */
static struct list *
process_children (void)
{
  struct process *p = process_current ();
  return p != NULL ? &p->children : &kernel_children;
}

/* Drops one reference to S, freeing it with the last. */
static void
status_release (struct process_status *s)
{
  lock_acquire (&status_lock);
  bool last = --s->ref_cnt == 0;
  lock_release (&status_lock);
  if (last)
    free (s);
}

/* Creates a process for CMD_LINE, with its status shared between the
   new process and its parent.  Returns NULL if memory is short. */
static struct process *
process_create (const char *cmd_line)
{
  size_t name_len;
  const char *name = args_word (cmd_line, &name_len);
  struct process *p = malloc (sizeof *p);
  struct process_status *s = malloc (sizeof *s);
  char *name_copy = malloc (name_len + 1);
  struct process *parent = process_current ();
  struct lineage *lineage
    = lineage_create (parent != NULL ? parent->lineage : NULL);
  if (p == NULL || s == NULL || name_copy == NULL || lineage == NULL)
    {
      if (lineage != NULL)
        lineage_release (lineage);
      free (p);
      free (s);
      free (name_copy);
      return NULL;
    }

  memcpy (name_copy, name, name_len);
  name_copy[name_len] = '\0';
  p->name = name_copy;
  p->loaded = false;
  p->exit_code = PROCESS_KILLED;
  p->executable = NULL;
  fd_init (&p->fds);
  list_init (&p->children);
  p->status = s;
  p->lineage = lineage;
  s->exit_code = PROCESS_KILLED;
  sema_init (&s->exited, 0);
  s->ref_cnt = 2;
  return p;
}

/* Frees P, which never ran. */
static void
process_destroy_unstarted (struct process *p)
{
  lineage_release (p->lineage);
  free (p->status);
  free (p->name);
  free (p);
}

/* Starts a new process running the program and arguments in
   CMD_LINE (words separated by spaces; the first names the program)
   as a child of the running thread.  Returns the new process's id,
   or TID_ERROR if it could not be created or its program could not
   be loaded.  Returns only once the child has loaded (or failed to),
   so CMD_LINE need only last until then. */
tid_t
process_execute (const char *cmd_line)
{
  size_t name_len;
  if (args_word (cmd_line, &name_len) == NULL)
    return TID_ERROR;

  struct process_start start;
  start.cmd_line = cmd_line;
  start.process = process_create (cmd_line);
  sema_init (&start.done, 0);
  if (start.process == NULL)
    return TID_ERROR;

  struct process_status *s = start.process->status;
  tid_t tid = thread_create (start.process->name, PRI_DEFAULT,
                             process_start, &start);
  if (tid == TID_ERROR)
    {
      process_destroy_unstarted (start.process);
      return TID_ERROR;
    }

  sema_down (&start.done);
  if (!start.loaded)
    {
      status_release (s);
      return TID_ERROR;
    }
  s->tid = tid;
  lock_acquire (&status_lock);
  list_push_back (process_children (), &s->elem);
  lock_release (&status_lock);
  return tid;
}

/* Opens the program of process P, loads it into the running thread's
   new address space and lays out CMD_LINE on its stack, setting
   *ENTRY and *ESP to where it starts.  Returns NULL on success, else
   why it failed; what was set up is freed when the thread exits. */
static const char *
process_load (struct process *p, const char *cmd_line,
              void (**entry) (void), void **esp)
{
  struct thread *t = thread_current ();

  t->pagedir = pagedir_create ();
  if (t->pagedir == NULL)
    return "out of memory";
  pagedir_activate (t->pagedir);
  if (!pager_create (t))
    return "out of memory";

  p->executable = filesys_open (p->name);
  if (p->executable == NULL)
    return "open failed";
/* LAB userprog: deny writes */
  file_deny_write (p->executable);
/* END LAB */

  const char *error = elf_load (p->executable, entry);
  return error != NULL ? error : args_push (cmd_line, esp);
}

/* Enters ring 3 at ENTRY with stack pointer ESP, by returning from
   an interrupt frame built for the purpose. */
static void NO_RETURN
process_enter_user (void (*entry) (void), void *esp)
{
  /* Ring-3 code and data selectors, interrupts on; every register
     the frame does not name starts at 0. */
  struct intr_frame f =
    {
      .eip = entry,
      .esp = esp,
      .eflags = FLAG_IF | EFLAGS_RESERVED,
      .cs = SEL_UCSEG,
      .ss = SEL_UDSEG, .ds = SEL_UDSEG, .es = SEL_UDSEG,
      .fs = SEL_UDSEG, .gs = SEL_UDSEG,
    };
  asm volatile ("movl %0, %%esp; jmp intr_exit" : : "g" (&f) : "memory");
  NOT_REACHED ();
}

/* Writes NAME into SHOWN, which has PROCESS_SHOWN_SIZE bytes, as it
   may go on the console: printable ASCII as is, a backslash and every
   other byte as "\\" and "\xHH", and at most PROCESS_SHOWN_NAME_MAX
   bytes of NAME, with "..." after a longer one.  NAME is whatever a
   user program passed to exec, so its bytes may be anything. */
static void
process_show_name (const char *name, char *shown)
{
  char *out = shown;
  size_t i;

  for (i = 0; name[i] != '\0' && i < PROCESS_SHOWN_NAME_MAX; i++)
    {
      unsigned char c = name[i];
      if (c == '\\')
        out += snprintf (out, 3, "\\\\");
      else if (isprint (c))
        *out++ = c;
      else
        out += snprintf (out, 5, "\\x%02x", c);
    }
  strlcpy (out, name[i] != '\0' ? "..." : "", 4);
}

/* The thread of a new process: loads the program named by START (a
   struct process_start), tells the parent how that went, and runs
   it, or exits if it failed. */
static void
process_start (void *start_)
{
  struct process_start *start = start_;
  struct process *p = start->process;
  void (*entry) (void);
  void *esp;

  thread_current ()->process = p;
  lineage_set_pid (p->lineage, thread_current ()->tid);
  const char *error = process_load (p, start->cmd_line, &entry, &esp);
  if (error != NULL)
    {
      char shown[PROCESS_SHOWN_SIZE];
      process_show_name (p->name, shown);
      printf ("load: %s: %s\n", shown, error);
    }
  p->loaded = error == NULL;
  start->loaded = p->loaded;
  sema_up (&start->done);       /* START may vanish from here on. */

  if (!p->loaded)
    process_exit (PROCESS_KILLED);
  process_enter_user (entry, esp);
}

/* LAB userprog: wait */
/* Waits for child TID of the running thread to exit and returns its
   exit code (-1 if the kernel killed it).  Returns -1 at once if TID
   is not a child of the running thread, or was waited for already. */
int
process_wait (tid_t tid)
{
  struct list *children = process_children ();
  struct process_status *s = NULL;

  lock_acquire (&status_lock);
  for (struct list_elem *e = list_begin (children); e != list_end (children);
       e = list_next (e))
    if (list_entry (e, struct process_status, elem)->tid == tid)
      {
        s = list_entry (e, struct process_status, elem);
        list_remove (&s->elem);
        break;
      }
  lock_release (&status_lock);
  if (s == NULL)
    return -1;

  sema_down (&s->exited);
  int exit_code = s->exit_code;
  status_release (s);
  return exit_code;
}
/* STUB:
int
process_wait (tid_t tid UNUSED)
{
  return -1;
}
*/
/* END LAB */

/* Ends the running process with exit code STATUS.  Its resources are
   freed by process_cleanup, which thread_exit calls. */
void
process_exit (int status)
{
  struct process *p = process_current ();

  ASSERT (p != NULL);
  p->exit_code = status;
  thread_exit ();
}

/* Lets go of every child of P: they run on, and free their status
   when they exit. */
static void
process_release_children (struct process *p)
{
  while (!list_empty (&p->children))
    {
      struct list_elem *e = list_pop_front (&p->children);
      status_release (list_entry (e, struct process_status, elem));
    }
}

/* Closes every file P has open, its executable last, which lets
   others write to it again. */
static void
process_close_files (struct process *p)
{
  for (int fd = FD_FIRST; fd < FD_FIRST + FD_MAX; fd++)
    {
      struct file *file = fd_remove (&p->fds, fd);
      if (file != NULL)
        file_close (file);
    }
  if (p->executable != NULL)
    file_close (p->executable);
}

/* Frees the address space of thread T (the running thread): the
   pager frees its user pages, then T switches back to the kernel's
   page table and frees its own, with every page still mapped there. */
static void
process_free_pagedir (struct thread *t)
{
  pager_destroy (t);
  uint64_t *pagedir = t->pagedir;

  /* Clear T's pointer first: a switch away and back in between
     must not reactivate a table being destroyed. */
  t->pagedir = NULL;
  pagedir_activate (NULL);
  pagedir_destroy (pagedir);
}

/* Hands exit code CODE to the parent through S and drops this
   process's reference to S.  Returns with interrupts off, so that a
   waiting parent cannot run before this thread is gone: a parent
   that compares free-page counts after wait() sees all of the
   child's memory back. */
static void
process_publish_exit (struct process_status *s, int code)
{
  lock_acquire (&status_lock);
  s->exit_code = code;
  bool orphan = --s->ref_cnt == 0;
  if (!orphan)
    {
      intr_disable ();
      sema_up (&s->exited);
    }
  lock_release (&status_lock);
  if (orphan)
    {
      free (s);
      intr_disable ();
    }
}

/* Exit hook of every thread (see thread_set_exit_hook): if T is a
   process, reports its exit and frees everything it holds. */
static void
process_cleanup (struct thread *t, void *aux UNUSED)
{
  struct process *p = t->process;
  if (p == NULL)
    return;

/* LAB userprog: exit message */
  if (p->loaded)
    printf ("%s: exit(%d)\n", p->name, p->exit_code);
/* END LAB */
  /* The address space goes first: its pages may be backed by the
     executable (see userprog/pager.h). */
  if (t->pagedir != NULL)
    process_free_pagedir (t);
  process_close_files (p);
  process_release_children (p);

  struct process_status *s = p->status;
  int code = p->exit_code;
  t->process = NULL;
  lineage_release (p->lineage);
  free (p->name);
  free (p);
  process_publish_exit (s, code);
}
