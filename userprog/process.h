/* User processes: starting a program in a new process, waiting for
   a child to exit, and ending the current process. */
#ifndef USERPROG_PROCESS_H
#define USERPROG_PROCESS_H

#include <debug.h>
#include <list.h>
#include <stdbool.h>
#include "threads/synch.h"
#include "threads/thread.h"
#include "userprog/fd.h"
#include "userprog/lineage.h"

/* What a parent knows of one child, shared by the two: the child's
   exit status outlives whichever of them ends first, and the last to
   let go frees it. */
struct process_status
  {
    tid_t tid;                  /* The child's thread (and process) id. */
    int exit_code;              /* Valid once EXITED is up. */
    struct semaphore exited;    /* Upped once, when the child exits. */
    int ref_cnt;                /* 2 while both live, then 1, then freed. */
    struct list_elem elem;      /* In the parent's list of children. */
  };

/* A user process: a thread running a program in its own address
   space (the thread's pagedir), with these resources besides. */
struct process
  {
    char *name;                 /* Program name, the command's first word. */
    bool loaded;                /* True once the program is running. */
    int exit_code;              /* Status to report; -1 until exit(). */
    struct file *executable;    /* Open, writes denied, while we run. */
    struct fd_table fds;        /* Open files. */
    struct list children;       /* struct process_status of each child. */
    struct process_status *status;  /* Ours, shared with our parent. */
    struct lineage *lineage;    /* Who started us (userprog/lineage.h). */
  };

void process_init (void);
tid_t process_execute (const char *cmd_line);
int process_wait (tid_t);
void process_exit (int status) NO_RETURN;
struct process *process_current (void);

#endif /* userprog/process.h */
