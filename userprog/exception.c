/* CPU exceptions in user programs and around user memory.

   A user program that faults is killed, exit code -1, after one line
   that says what happened, e.g.

     bad-read: killed: #PF Page Fault in ring 3 at eip=0x0804809c (reading 0x00000000: not mapped)
     priv-cli: killed: #GP General Protection in ring 3 at eip=0x08048096 (cli needs CPL <= IOPL, and IOPL is 0)

   (or no line at all in Pintos compatibility mode, threads/init.h),
   and the kernel carries on.  A page fault on a user page that is not
   there yet goes to the pager first (userprog/pager.h), which may load
   it and let the access run again.  A page fault in the kernel on the copy
   instruction of userprog/uaccess-copy.S is a bad user address handed to
   a system call: uaccess_fixup() makes the copy fail.  Any other
   exception in the kernel is a kernel bug, and panics. */

#include "userprog/exception.h"
#include <inttypes.h>
#include <stdio.h>
#include "threads/cpu.h"
#include "threads/init.h"
#include "threads/interrupt.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "userprog/decode.h"
#include "userprog/pager.h"
#include "userprog/process.h"
#include "userprog/uaccess.h"

/* Exception vectors (Intel SDM vol. 3, table 6-1). */
#define EXC_PF 14               /* Page fault. */
#define EXC_GP 13               /* General protection. */

/* Bits of the error code a page fault pushes (Intel SDM vol. 3,
   "Interrupt 14"): set if the page was present (a protection
   violation), if the access was a write, if it was an instruction
   fetch. */
#define PFERR_PRESENT 0x1
#define PFERR_WRITE 0x2
#define PFERR_FETCH 0x10

/* Exit code of a process killed by an exception. */
#define EXCEPTION_KILLED (-1)

/* Longest explanation in a kill message. */
#define DETAIL_MAX 96

/* An exception a user program may raise: vector, name, and the
   privilege a program needs to raise it with an "int" instruction
   (3 for the ones meant for user code, like int3). */
struct exception_desc
  {
    uint8_t vec;
    int dpl;
    const char *name;
  };

static const struct exception_desc exceptions[] =
  {
    { 0, 0, "#DE Divide Error" },
    { 1, 0, "#DB Debug" },
    { 3, 3, "#BP Breakpoint" },
    { 4, 3, "#OF Overflow" },
    { 5, 3, "#BR BOUND Range Exceeded" },
    { 6, 0, "#UD Invalid Opcode" },
    { 7, 0, "#NM Device Not Available" },
    { 11, 0, "#NP Segment Not Present" },
    { 12, 0, "#SS Stack-Segment Fault" },
    { EXC_GP, 0, "#GP General Protection" },
    { 16, 0, "#MF x87 Floating-Point Error" },
    { 17, 0, "#AC Alignment Check" },
    { 19, 0, "#XF SIMD Floating-Point" },
  };

static void exception_handler (struct intr_frame *);
static void page_fault_handler (struct intr_frame *);

/* Registers the handlers for the exceptions user programs can cause.
   The page-fault handler runs with interrupts off, so that CR2 is
   read before another fault can change it; the others with
   interrupts on. */
void
exception_init (void)
{
  for (size_t i = 0; i < sizeof exceptions / sizeof *exceptions; i++)
    intr_register_int (exceptions[i].vec, exceptions[i].dpl, INTR_ON,
                       exception_handler, exceptions[i].name);
  intr_register_int (EXC_PF, 0, INTR_OFF, page_fault_handler,
                     "#PF Page Fault");
}

/* Returns true if F was interrupted in user mode. */
static bool
from_user (const struct intr_frame *f)
{
  return (f->cs & 3) == 3;
}

/* Panics for exception F in the kernel. */
static void NO_RETURN
exception_kernel_bug (struct intr_frame *f)
{
  intr_dump_frame (f);
  PANIC ("%s in the kernel at %p", intr_name (f->vec_no), (void *) f->eip);
}

/* Prints the kill message for exception F, with explanation DETAIL
   (may be empty), and ends the running process with -1.  In Pintos
   compatibility mode (init_pintos_compat) there is no kill message:
   Pintos's checkers expect the exit line alone. */
static void NO_RETURN
exception_kill (struct intr_frame *f, const char *detail)
{
  if (!init_pintos_compat)
    printf ("%s: killed: %s in ring %d at eip=0x%08"PRIx32"%s%s%s\n",
            process_current ()->name, intr_name (f->vec_no), f->cs & 3,
            (uint32_t) f->eip, *detail ? " (" : "", detail,
            *detail ? ")" : "");
  process_exit (EXCEPTION_KILLED);
}

/* Writes into DETAIL why F, a #GP from user mode, happened, by
   decoding the instruction at its EIP. */
static void
explain_gp (const struct intr_frame *f, char *detail)
{
  uint8_t code[DECODE_BYTES_MAX];
  size_t len = 0;

  while (len < sizeof code
         && uaccess_read (&code[len], (const uint8_t *) f->eip + len, 1))
    len++;
  decode_gp (code, len, f->error_code, detail, DETAIL_MAX);
}

/* Handles every exception but page faults: kills a user program,
   panics for the kernel. */
static void
exception_handler (struct intr_frame *f)
{
  char detail[DETAIL_MAX] = "";

  if (!from_user (f))
    exception_kernel_bug (f);
  if (f->vec_no == EXC_GP)
    explain_gp (f, detail);
  exception_kill (f, detail);
}

/* Writes into DETAIL what page fault F, at FAULT_ADDR, tried and why
   it failed; PAGED is what the pager made of it. */
static void
explain_pf (const struct intr_frame *f, const void *fault_addr,
            enum pager_fault paged, char *detail)
{
  uint32_t error = f->error_code;
  const char *access = (error & PFERR_FETCH ? "executing"
                        : error & PFERR_WRITE ? "writing" : "reading");
  const char *why = is_kernel_vaddr (fault_addr) ? "kernel address"
                    : paged == PAGER_FAULT_NO_MEMORY ? "no memory to load it"
                    : paged == PAGER_FAULT_READ_ONLY ? "read-only"
                    : !(error & PFERR_PRESENT) ? "not mapped"
                    : error & PFERR_WRITE ? "read-only" : "not allowed";
  snprintf (detail, DETAIL_MAX, "%s 0x%08"PRIxPTR": %s", access,
            (uintptr_t) fault_addr, why);
}

/* Returns the user stack pointer of the running process as of its
   last entry into the kernel: F's own if F came from user mode, else
   the one in the frame at the top of the thread's kernel stack, where
   every entry from ring 3 lands (threads/tss.c).  NULL if the thread
   has not come from ring 3. */
static void *
user_esp (const struct intr_frame *f)
{
  if (from_user (f))
    return f->esp;
  const struct intr_frame *entry
    = (const struct intr_frame *) ((uint8_t *) thread_current () + PGSIZE) - 1;
  return (entry->cs & 3) == 3 ? entry->esp : NULL;
}

/* Offers page fault F at FAULT_ADDR to the pager (userprog/pager.h)
   if the pager may resolve it: a page not present at a user address,
   in code that may sleep (interrupts were on when it faulted, which
   user code always has).  The pager turns interrupts on if it takes
   the fault. */
static enum pager_fault
offer_to_pager (const struct intr_frame *f, void *fault_addr)
{
  if ((f->error_code & PFERR_PRESENT) || !is_user_vaddr (fault_addr)
      || !(f->eflags & FLAG_IF))
    return PAGER_FAULT_BAD;
  bool write = (f->error_code & PFERR_WRITE) != 0;
  return pager_fault (fault_addr, write, user_esp (f));
}

/* Handles a page fault: lets the pager load a page that is not there
   yet; otherwise kills a user program, or, in the kernel, makes a
   user-memory copy fail or panics. */
static void
page_fault_handler (struct intr_frame *f)
{
  void *fault_addr = (void *) rcr2 ();
  char detail[DETAIL_MAX];

  enum pager_fault paged = offer_to_pager (f, fault_addr);
  if (paged == PAGER_FAULT_RESOLVED)
    return;
  if (!from_user (f))
    {
      if (uaccess_fixup (f))
        return;
      intr_dump_frame (f);
      PANIC ("%s in the kernel at %p, cr2=%p", intr_name (f->vec_no),
             (void *) f->eip, fault_addr);
    }
  intr_enable ();
  explain_pf (f, fault_addr, paged, detail);
  exception_kill (f, detail);
}
