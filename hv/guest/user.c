/* Ring 3 in the guest kernel: the descriptors it needs (ring-3
   segments, a TSS whose ESP0 follows the running kernel thread, the
   DPL-3 system-call gate), the system calls, and running a user
   program as N kernel threads that each enter ring 3 (user.h).

   A system call is an INT to the guest's own IDT: the CPU changes
   rings inside the guest and the hv never sees it, so a system call
   costs no VM exit.  Bad input from ring 3 -- a bad buffer, an
   unknown call, a fault -- kills the user program with a message;
   the guest kernel goes on.

   Kernel threads come from kmin.c, one VCPU's worth. */

#include <string.h>
#include "hv/guest/user.h"
#include "hv/guest/guest.h"
#include "hv/guest/kmin.h"

/* Descriptor bits (Intel SDM vol. 3, 3.4.5 and 7.2.2). */
#define DESC_KCODE 0x00cf9a000000ffffull        /* Flat code, DPL 0. */
#define DESC_KDATA 0x00cf92000000ffffull        /* Flat data, DPL 0. */
#define DESC_UCODE 0x00cffa000000ffffull        /* Flat code, DPL 3. */
#define DESC_UDATA 0x00cff2000000ffffull        /* Flat data, DPL 3. */
#define DESC_TSS_TYPE 0x89ull                   /* Present 32-bit TSS. */
#define GATE_USER_INTR32 0xee00u                /* Interrupt gate, DPL 3. */
#define GATE_DPL3 (3ull << 45)                  /* A gate's DPL field, at 3. */
#define EFLAGS_IF 0x200u

#define USER_STACK 4096                 /* Ring-3 stack of each VP. */
#define USER_PAGE 4096

/* The 32-bit TSS: only ESP0 and SS0 matter (no I/O bitmap). */
struct user_tss
  {
    uint32_t link, esp0, ss0, unused[22];
    uint16_t trap, iomap;               /* +0x64: I/O map past the limit. */
  };
_Static_assert (sizeof (struct user_tss) == 104, "TSS layout");

/* What user_syscall_entry pushed (PUSHAL), then what the CPU pushed
   when ring 3 interrupted into ring 0. */
struct user_frame
  {
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    uint32_t eip, cs, eflags, user_esp, user_ss;
  };

/* The operand of LGDT and SIDT. */
struct user_table_register
  {
    uint16_t limit;
    uint32_t base;
  } __attribute__ ((packed));

/* The running user program. */
struct user_program
  {
    volatile unsigned live;             /* Kernel threads in ring 3. */
    volatile bool killed;               /* Ending: threads leave. */
    bool exited;                        /* Ending by USYS_EXIT. */
    int exit_code;
    unsigned syscalls;
    unsigned generation;                /* Programs started so far. */
    user_entry *entry;
    void *aux;
  };

static uint64_t user_gdt[6];
static struct user_tss user_tss;
static struct user_program user_prog;
static uint8_t user_stacks[USER_VP_MAX][USER_STACK] USER_BSS;

/* Ends of the user sections, from guest.lds. */
extern char __user_start[], __user_text_end[], __user_end[];

void user_syscall_entry (void);
void user_iret (uint32_t eip, uint32_t esp) NO_RETURN;
void user_syscall (struct user_frame *);

/* Returns a GDT descriptor for the TSS at BASE. */
static uint64_t
user_tss_desc (uint32_t base)
{
  uint64_t limit = sizeof user_tss - 1;
  return limit | (uint64_t) (base & 0xffffff) << 16 | DESC_TSS_TYPE << 40
         | (uint64_t) (base >> 24) << 56;
}

/* Loads the ring-3 data selector into DS, ES, FS and GS, for ring 0
   too: the segment is flat, so ring 0 loses nothing, and no path back
   to ring 3 (an IRET from a preempted thread, say) can find a ring-0
   selector there, which IRET would clear. */
static void
user_load_data_segments (void)
{
  asm volatile ("movw %w0, %%ds; movw %w0, %%es; movw %w0, %%fs; "
                "movw %w0, %%gs" : : "r" (USER_SEL_UDATA));
}

/* Loads a GDT with ring-3 segments and the TSS.  The ring-0 selectors
   keep their numbers, so the segment registers stay valid. */
static void
user_load_gdt (void)
{
  struct user_table_register gdtr = { sizeof user_gdt - 1,
                                      (uint32_t) user_gdt };
  user_gdt[1] = DESC_KCODE;
  user_gdt[2] = DESC_KDATA;
  user_gdt[3] = DESC_UCODE;
  user_gdt[4] = DESC_UDATA;
  user_gdt[5] = user_tss_desc ((uint32_t) &user_tss);
  user_tss.ss0 = USER_SEL_KDATA;
  user_tss.iomap = sizeof user_tss;
  asm volatile ("lgdt %0" : : "m" (gdtr));
  asm volatile ("ltr %w0" : : "r" (USER_SEL_TSS));
  user_load_data_segments ();
}

/* Returns the IDT (idt.c's), as the CPU has it. */
static uint64_t *
user_idt (void)
{
  struct user_table_register idtr;
  asm volatile ("sidt %0" : "=m" (idtr));
  return (uint64_t *) idtr.base;
}

/* Lets the virtual timer's interrupt reach ring 3: the hv injects it
   as a software interrupt (hv/abi.h), and the CPU delivers one only
   through a gate whose DPL is at least the current ring; from ring 3
   a DPL-0 gate gives #GP instead.  (Ring 3 may then raise the
   vector itself with INT: kmin counts one tick too many, no harm.) */
static void
user_open_timer_gate (void)
{
  user_idt ()[KMIN_TIMER_VECTOR] |= GATE_DPL3;
}

/* Points the system-call vector of the IDT at user_syscall_entry with
   a gate ring 3 may use. */
static void
user_install_gate (void)
{
  uint64_t *idt = user_idt ();
  uint32_t addr = (uint32_t) user_syscall_entry;
  idt[USER_SYSCALL_VECTOR] = (addr & 0xffff)
                             | (uint64_t) USER_SEL_KCODE << 16
                             | (uint64_t) GATE_USER_INTR32 << 32
                             | (uint64_t) (addr >> 16) << 48;
}

/* The ring-0 stack ring 3 enters on becomes STACK_TOP: called when a
   kernel thread is about to run. */
static void
user_set_kernel_stack (uint32_t stack_top)
{
  user_tss.esp0 = stack_top;
}

/* Ends the calling kernel thread of the user program.  Interrupts
   off. */
static void NO_RETURN
user_vp_end (void)
{
  user_prog.live--;
  kmin_exit ();
}

/* Kills the user program: prints why (WHAT, formatted with the
   interrupted EIP) unless it is already ending, and ends the calling
   kernel thread.  The others leave at their next system call or
   timer tick.  Interrupts off. */
static void NO_RETURN
user_kill (const char *what, uint32_t detail, uint32_t eip)
{
  if (!user_prog.killed)
    {
      user_prog.killed = true;
      msg ("user program killed: %s %#x at eip %#x (kernel thread %d)",
           what, (unsigned) detail, (unsigned) eip, kmin_self ());
    }
  user_vp_end ();
}

/* Timer hook: a kernel thread of a program being killed leaves as
   soon as the timer interrupts its ring-3 code. */
static void
user_tick (struct guest_frame *frame)
{
  if ((frame->cs & 3) == 3 && user_prog.killed)
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

/* Sets up ring 3: paging with user pages, the GDT and TSS, the system-call gate, handlers
   that turn ring-3 faults into kills, and the kernel threads (kmin).
   Paging must be off.  Turns interrupts on. */
void
user_init (void)
{
  user_paging_init ();
  user_load_gdt ();
  user_install_gate ();
  user_open_timer_gate ();
  for (unsigned v = 0; v < 20; v++)
    if (v != 2)                         /* NMI is not a fault. */
      idt_set_handler (v, user_fault);
  kmin_init (user_tick, user_set_kernel_stack);
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
  kmin_yield ();
  return 0;
}

/* USYS_SLEEP: blocks only the calling kernel thread. */
static int32_t
user_sys_sleep (struct user_frame *f)
{
  if (f->ebx > USYS_SLEEP_MAX)
    return -1;
  kmin_sleep (f->ebx);
  return 0;
}

/* USYS_EXIT: the program ends with code EBX. */
static int32_t
user_sys_exit (struct user_frame *f)
{
  if (!user_prog.killed)
    {
      user_prog.exit_code = f->ebx;
      user_prog.exited = true;
    }
  user_prog.killed = true;
  user_vp_end ();
}

/* USYS_VP_EXIT. */
static int32_t
user_sys_vp_exit (struct user_frame *f UNUSED)
{
  user_vp_end ();
}

/* USYS_SELF. */
static int32_t
user_sys_self (struct user_frame *f UNUSED)
{
  return kmin_self ();
}

/* USYS_VCPU: kmin runs everything on VCPU 0. */
static int32_t
user_sys_vcpu (struct user_frame *f UNUSED)
{
  return 0;
}

/* USYS_TIME. */
static int32_t
user_sys_time (struct user_frame *f UNUSED)
{
  return kmin_ticks ();
}

/* System calls by number. */
static int32_t (*const user_syscalls[USYS_COUNT]) (struct user_frame *) =
  {
    [USYS_WRITE] = user_sys_write,
    [USYS_YIELD] = user_sys_yield,
    [USYS_SLEEP] = user_sys_sleep,
    [USYS_EXIT] = user_sys_exit,
    [USYS_VP_EXIT] = user_sys_vp_exit,
    [USYS_SELF] = user_sys_self,
    [USYS_VCPU] = user_sys_vcpu,
    [USYS_TIME] = user_sys_time,
  };

/* Carries out the system call whose registers are in F, storing its
   result in F's EAX.  Called by user_syscall_entry, interrupts off. */
void
user_syscall (struct user_frame *f)
{
  user_prog.syscalls++;
  if (user_prog.killed)
    user_vp_end ();
  if (f->eax >= USYS_COUNT || user_syscalls[f->eax] == NULL)
    user_kill ("unknown system call", f->eax, f->eip);
  f->eax = user_syscalls[f->eax] (f);
}

/* A kernel thread of the program: enters ring 3 at the program's
   entry with VP = VP_INDEX, on that VP's user stack. */
static void
user_vp_start (void *vp_index)
{
  unsigned vp = (unsigned) vp_index;
  uint32_t *sp = (uint32_t *) (user_stacks[vp] + USER_STACK);

  *--sp = (uint32_t) user_prog.aux;
  *--sp = user_prog.generation;
  *--sp = vp;
  *--sp = 0;                            /* Returning faults: a kill. */
  guest_cli ();
  user_iret ((uint32_t) user_prog.entry, (uint32_t) sp);
}

/* Runs a user program: VPS kernel threads (at most USER_VP_MAX) each
   call ENTRY (vp, generation, AUX) in ring 3.  Waits until every one
   has ended and stores how the program ended in RESULT.  The calling
   thread must be kmin's thread 0, with interrupts on. */
void
user_run (user_entry *entry, unsigned vps, void *aux,
          struct user_result *result)
{
  ASSERT (vps >= 1 && vps <= USER_VP_MAX);
  user_prog.killed = false;
  user_prog.exited = false;
  user_prog.exit_code = 0;
  user_prog.syscalls = 0;
  user_prog.generation++;
  user_prog.entry = entry;
  user_prog.aux = aux;
  user_prog.live = vps;
  for (unsigned vp = 0; vp < vps; vp++)
    if (kmin_create (user_vp_start, (void *) vp) < 0)
      fail ("user_run: no kernel thread for VP %u", vp);
  while (user_prog.live > 0)
    kmin_sleep (1);
  result->killed = user_prog.killed && !user_prog.exited;
  result->exit_code = user_prog.exit_code;
  result->syscalls = user_prog.syscalls;
}
