/* Ring 3 in the guest kernel: page tables that open the user sections
   to ring 3, the DPL-3 system-call gate, the system calls, and running
   a user program as N guest kernel threads (kernel.h) that each enter
   ring 3 (user.h).  The GDT's ring-3 segments and the per-VCPU TSS
   whose ESP0 follows the running kernel thread are idt.c's.

   A system call is an INT to the guest's own IDT: the CPU changes
   rings inside the guest and the hv never sees it, so a system call
   costs no VM exit.  Bad input from ring 3 -- a bad buffer, an
   unknown call, a fault -- kills the user program with a message;
   the guest kernel goes on.  The program's other kernel threads leave
   at their next system call, or at once if they wait on one of its
   semaphores. */

#include <string.h>
#include "hv/guest/user.h"
#include "hv/guest/kernel.h"

_Static_assert (USER_SEL_UCODE == KSEL_UCODE && USER_SEL_UDATA == KSEL_UDATA,
                "user.h's selectors are idt.c's");

#define USER_STACK 4096                 /* Ring-3 stack of each VP. */
#define USER_PAGE 4096
#define GATE_DPL3 (3ull << 45)          /* A gate's DPL field, at 3. */
#define USER_EXCEPTIONS 20              /* Vectors 0-19: CPU exceptions. */
#define USER_VECTOR_NMI 2               /* Not a fault. */

/* What user_syscall_entry pushed (PUSHAL), then what the CPU pushed
   when ring 3 interrupted into ring 0. */
struct user_frame
  {
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    uint32_t eip, cs, eflags, user_esp, user_ss;
  };

/* The operand of SIDT. */
struct user_table_register
  {
    uint16_t limit;
    uint32_t base;
  } __attribute__ ((packed));

/* The running user program.  Its kernel threads run on every VCPU:
   the counters are atomic, EXIT_CODE is written by the one that wins
   the exchange on KILLED. */
struct user_program
  {
    volatile unsigned live;             /* Kernel threads not ended. */
    volatile bool killed;               /* Ending: threads leave. */
    bool exited;                        /* Ended by USYS_EXIT. */
    int exit_code;
    volatile unsigned syscalls;
    unsigned generation;                /* Programs started so far. */
    unsigned vp_cnt;                    /* Its kernel threads. */
    user_entry *entry;
    void *aux;
    struct kthread *vps[USER_VP_MAX];   /* Its kernel threads, each set by
                                           the thread itself. */
    struct ksema ended;                 /* Upped by each as it ends. */
    struct ksema semas[USER_SEMAS];     /* USYS_SEMA_DOWN and _UP. */
  };

static struct user_program user_prog;
static uint8_t user_stacks[USER_VP_MAX][USER_STACK] USER_BSS;

/* Ends of the user sections, from guest.lds. */
extern char __user_start[], __user_text_end[], __user_end[];

void user_syscall_entry (void);
void user_iret (uint32_t eip, uint32_t esp) NO_RETURN;
void user_syscall (struct user_frame *);

/* Lets an interrupt the hv injects reach ring 3 at VECTOR: the hv
   injects its virtual interrupts as software interrupts (hv/irq.c),
   and the CPU delivers one only through a gate whose DPL is at least
   the current ring; from ring 3 a DPL-0 gate gives #GP instead.
   (Ring 3 may then raise VECTOR itself with INT: for the timer and
   the wake-up IPI that costs an early tick or a spurious wake-up, no
   harm.) */
static void
user_open_gate (unsigned vector)
{
  struct user_table_register idtr;
  asm volatile ("sidt %0" : "=m" (idtr));
  ((uint64_t *) idtr.base)[vector] |= GATE_DPL3;
}

/* Ends the calling kernel thread of the user program.  Interrupts
   off. */
static void NO_RETURN
user_vp_end (void)
{
  __atomic_sub_fetch (&user_prog.live, 1, __ATOMIC_SEQ_CST);
  ksema_up (&user_prog.ended);
  kthread_exit ();
}

/* Marks the program as ending; returns true for the first caller,
   which also wakes every kernel thread of the program that waits on
   one of its semaphores, so that it can leave too. */
static bool
user_end_program (void)
{
  if (__atomic_exchange_n (&user_prog.killed, true, __ATOMIC_SEQ_CST))
    return false;
  for (int i = 0; i < USER_SEMAS; i++)
    for (unsigned vp = 0; vp < user_prog.vp_cnt; vp++)
      ksema_up (&user_prog.semas[i]);
  return true;
}

/* Kills the user program: prints why (WHAT and DETAIL, and the EIP of
   ring 3) unless it is already ending, and ends the calling kernel
   thread.  Interrupts off. */
static void NO_RETURN
user_kill (const char *what, uint32_t detail, uint32_t eip)
{
  if (user_end_program ())
    msg ("user program killed: %s %#x at eip %#x (vcpu %u)", what,
         (unsigned) detail, (unsigned) eip, smp_self ()->id);
  user_vp_end ();
}

/* Exception handler: a fault in ring 3 kills the user program; one
   in ring 0 is the guest kernel's own bug and fails the test. */
static void
user_fault (unsigned vector, struct guest_frame *frame, uint32_t error)
{
  if ((frame->cs & 3) != 3)
    fail ("exception %u (error %#x) in the guest kernel at eip %#x",
          vector, (unsigned) error, (unsigned) frame->eip);
  user_kill ("exception", vector, frame->eip);
}

/* Builds PAE page tables and turns paging on: guest RAM and the
   virtual timer for ring 0 only, and the user sections (guest.lds.S)
   for ring 3 too, their code read-only. */
static void
user_paging_init (void)
{
  paging_init (PAGING_PAE);
  paging_identity_map (0, HV_GUEST_RAM_DEFAULT);
  paging_identity_map (HV_VTIMER_BASE, HV_VTIMER_BASE + HV_VTIMER_SIZE);
  for (uint32_t a = (uint32_t) __user_start; a < (uint32_t) __user_end;
       a += USER_PAGE)
    paging_map_user (a, a, a >= (uint32_t) __user_text_end);
  paging_enable ();
}

/* Starts the guest kernel with ring 3: paging with user pages (before
   kernel_start, so that every VCPU copies it), the kernel threads, the
   system-call gate, gates ring 3 may be interrupted through, and
   handlers that turn ring-3 faults into kills.  Call once from main
   () instead of kernel_start (); returns with interrupts on. */
void
user_init (void)
{
  user_paging_init ();
  kernel_start ();
  idt_set_gate (USER_SYSCALL_VECTOR, user_syscall_entry, 3);
  user_open_gate (KERNEL_VECTOR_TIMER);
  user_open_gate (KERNEL_VECTOR_WAKE);
  for (unsigned v = 0; v < USER_EXCEPTIONS; v++)
    if (v != USER_VECTOR_NMI)
      idt_set_handler (v, user_fault);
}

/* Returns whether [ADDR, ADDR + SIZE) lies in the user sections. */
static bool
user_range_ok (uint32_t addr, uint32_t size)
{
  return addr >= (uint32_t) __user_start && size <= USYS_WRITE_MAX
         && addr + size <= (uint32_t) __user_end;
}

/* USYS_WRITE: prints the caller's buffer through the console
   hypercall (that one exit is the console's, not the system call's). */
static int32_t
user_sys_write (struct user_frame *f)
{
  if (!user_range_ok (f->ebx, f->ecx))
    user_kill ("write of a bad buffer", f->ebx, f->eip);
  hypercall (HC_CONSOLE_WRITE, f->ebx, f->ecx);
  return f->ecx;
}

/* USYS_YIELD. */
static int32_t
user_sys_yield (struct user_frame *f UNUSED)
{
  kthread_yield ();
  return 0;
}

/* Returns semaphore number N of the program for a system call made at
   EIP; kills the program if there is none. */
static struct ksema *
user_sema (uint32_t n, uint32_t eip)
{
  if (n >= USER_SEMAS)
    user_kill ("no such semaphore", n, eip);
  return &user_prog.semas[n];
}

/* USYS_SEMA_DOWN: blocks only the calling kernel thread. */
static int32_t
user_sys_sema_down (struct user_frame *f)
{
  ksema_down (user_sema (f->ebx, f->eip));
  return 0;
}

/* USYS_SEMA_UP. */
static int32_t
user_sys_sema_up (struct user_frame *f)
{
  ksema_up (user_sema (f->ebx, f->eip));
  return 0;
}

/* USYS_EXIT: the program ends with code EBX. */
static int32_t
user_sys_exit (struct user_frame *f)
{
  if (user_end_program ())
    {
      user_prog.exit_code = f->ebx;
      user_prog.exited = true;
    }
  user_vp_end ();
}

/* USYS_VP_EXIT. */
static int32_t
user_sys_vp_exit (struct user_frame *f UNUSED)
{
  user_vp_end ();
}

/* USYS_SELF: the caller's VP number. */
static int32_t
user_sys_self (struct user_frame *f UNUSED)
{
  struct kthread *self = kthread_current ();
  for (int vp = 0; vp < USER_VP_MAX; vp++)
    if (user_prog.vps[vp] == self)
      return vp;
  return -1;
}

/* USYS_VCPU. */
static int32_t
user_sys_vcpu (struct user_frame *f UNUSED)
{
  return smp_self ()->id;
}

/* USYS_TIME: VCPU 0's timer ticks, the guest's clock (reading the
   virtual timer's register instead would cost an exit). */
static int32_t
user_sys_time (struct user_frame *f UNUSED)
{
  return smp_vcpu (0)->ticks;
}

/* System calls by number. */
static int32_t (*const user_syscalls[USYS_COUNT]) (struct user_frame *) =
  {
    [USYS_WRITE] = user_sys_write,
    [USYS_YIELD] = user_sys_yield,
    [USYS_SEMA_DOWN] = user_sys_sema_down,
    [USYS_SEMA_UP] = user_sys_sema_up,
    [USYS_EXIT] = user_sys_exit,
    [USYS_VP_EXIT] = user_sys_vp_exit,
    [USYS_SELF] = user_sys_self,
    [USYS_VCPU] = user_sys_vcpu,
    [USYS_TIME] = user_sys_time,
  };

/* Carries out the system call whose registers are in F, storing its
   result in F's EAX.  Called by user_syscall_entry, interrupts off;
   a call may block or switch threads (with interrupts off). */
void
user_syscall (struct user_frame *f)
{
  __atomic_add_fetch (&user_prog.syscalls, 1, __ATOMIC_RELAXED);
  if (user_prog.killed)
    user_vp_end ();
  if (f->eax >= USYS_COUNT || user_syscalls[f->eax] == NULL)
    user_kill ("unknown system call", f->eax, f->eip);
  f->eax = user_syscalls[f->eax] (f);
  if (user_prog.killed)
    user_vp_end ();                     /* It ended while this one waited. */
}

/* A kernel thread of the program: enters ring 3 at the program's
   entry with VP = VP_INDEX, on that VP's user stack. */
static void
user_vp_start (void *vp_index)
{
  unsigned vp = (unsigned) vp_index;
  uint32_t *sp = (uint32_t *) (user_stacks[vp] + USER_STACK);

  user_prog.vps[vp] = kthread_current ();
  *--sp = (uint32_t) user_prog.aux;
  *--sp = user_prog.generation;
  *--sp = vp;
  *--sp = 0;                            /* Returning faults: a kill. */
  guest_cli ();
  user_iret ((uint32_t) user_prog.entry, (uint32_t) sp);
}

/* Makes the program record ready for a new program of VPS kernel
   threads running ENTRY (vp, generation, AUX). */
static void
user_prog_reset (user_entry *entry, unsigned vps, void *aux)
{
  user_prog.killed = false;
  user_prog.exited = false;
  user_prog.exit_code = 0;
  user_prog.syscalls = 0;
  user_prog.generation++;
  user_prog.entry = entry;
  user_prog.aux = aux;
  user_prog.live = vps;
  user_prog.vp_cnt = vps;
  ksema_init (&user_prog.ended, 0);
  for (int i = 0; i < USER_SEMAS; i++)
    ksema_init (&user_prog.semas[i], 0);
}

/* Runs a user program: VPS kernel threads (at most USER_VP_MAX) each
   call ENTRY (vp, generation, AUX) in ring 3.  Waits until every one
   has ended and stores how the program ended in RESULT.  May sleep;
   only one program runs at a time. */
void
user_run (user_entry *entry, unsigned vps, void *aux,
          struct user_result *result)
{
  ASSERT (vps >= 1 && vps <= USER_VP_MAX);
  user_prog_reset (entry, vps, aux);
  for (unsigned vp = 0; vp < vps; vp++)
    {
      char name[16];
      snprintf (name, sizeof name, "vp%u", vp);
      if (kthread_create (name, user_vp_start, (void *) vp) == NULL)
        fail ("user_run: no kernel thread for VP %u", vp);
    }
  for (unsigned vp = 0; vp < vps; vp++)
    ksema_down (&user_prog.ended);
  result->killed = user_prog.killed && !user_prog.exited;
  result->exit_code = user_prog.exit_code;
  result->syscalls = user_prog.syscalls;
}
