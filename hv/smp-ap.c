/* What the other CPUs run: their set-up after the trampoline (GDT,
   TSS, IDT, page tables, local APIC, timer, SVM), the loop in which
   they wait for the boot CPU's requests, and their interrupt
   handling.  Nothing here calls into the host kernel's threads,
   locks or console: those belong to the boot CPU (hv/smp.h).

   Per-CPU data: each CPU's struct smp_cpu sits at the bottom of the
   page its stack grows down in, so rounding the stack pointer down
   finds it (smp_self) -- one AND, no segment register to keep across
   VMRUN, and the same trick the kernel uses for its threads. */

#include "hv/smp.h"
#include "hv/hv.h"
#include <debug.h>
#include "devices/lapic.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/loader.h"
#include "threads/pagedir.h"
#include "threads/vaddr.h"

/* The frame hv/smp-entry.S builds: pushal's registers, the vector
   and the error code, then what the CPU pushed. */
struct smp_frame
  {
    uint32_t edi, esi, ebp, esp_dummy, ebx, edx, ecx, eax;
    uint32_t vec;               /* +0x20 SMP_FRAME_VEC */
    uint32_t error;
    uint32_t eip, cs, eflags;
  };
_Static_assert (offsetof (struct smp_frame, vec) == SMP_FRAME_VEC, "vec");

/* Timer ticks the APIC timer is calibrated over. */
#define SMP_CALIB_TICKS 10

/* Descriptors of a CPU's GDT besides the kernel's code and data
   (hv/smp.h), at the kernel's selectors (threads/loader.h): flat code
   and data for ring 3, and the TSS (type 9: available 32-bit TSS,
   present). */
#define SMP_DESC_UCODE 0x00cffa000000ffffull
#define SMP_DESC_UDATA 0x00cff2000000ffffull
#define SMP_DESC_TSS   0x0000890000000000ull

/* TSS fields (byte offsets). */
#define TSS_ESP0  4
#define TSS_SS0   8
#define TSS_IOMAP 102

/* Interrupt gate, DPL 0, present (IDT entry bits 47:40). */
#define SMP_GATE_INTR 0x8e

/* The IDT every other CPU shares: read only once built. */
static uint64_t smp_idt[256];

/* Returns the struct smp_cpu of the CPU that calls it. */
static struct smp_cpu *
smp_self (void)
{
  uint32_t esp;
  asm ("movl %%esp, %0" : "=g" (esp));
  return (struct smp_cpu *) (esp & ~(uint32_t) (PGSIZE - 1));
}

/* Returns an interrupt gate to HANDLER in the kernel's code segment. */
static uint64_t
smp_gate (void (*handler) (void))
{
  uint32_t addr = (uint32_t) handler;
  return (addr & 0xffff) | ((uint64_t) SEL_KCSEG << 16)
         | ((uint64_t) SMP_GATE_INTR << 40)
         | ((uint64_t) (addr >> 16) << 48);
}

/* Fills the other CPUs' IDT: every exception, the IPI, the timer and
   the spurious vector lead to smp_ap_interrupt.  Boot CPU, before any
   other CPU starts. */
void
smp_ap_idt_init (void)
{
  for (unsigned vec = 0; vec < SMP_STUB_EXC_CNT; vec++)
    smp_idt[vec] = smp_gate (smp_ap_stubs[vec]);
  smp_idt[SMP_VEC_IPI] = smp_gate (smp_ap_stubs[SMP_STUB_EXC_CNT]);
  smp_idt[SMP_VEC_TIMER] = smp_gate (smp_ap_stubs[SMP_STUB_EXC_CNT + 1]);
  smp_idt[SMP_VEC_SPURIOUS] = smp_gate (smp_ap_stubs[SMP_STUB_EXC_CNT + 2]);
}

/* Loads a descriptor-table register (lgdt or lidt, INSN) with the
   table of SIZE bytes at BASE. */
#define SMP_LOAD_TABLE(INSN, BASE, SIZE)                                \
  do {                                                                  \
    struct { uint16_t limit; uint32_t base; } __attribute__ ((packed))  \
      desc_ = { (SIZE) - 1, (uint32_t) (BASE) };                        \
    asm volatile (INSN " %0" : : "m" (desc_));                          \
  } while (0)

/* Gives CPU its own GDT and TSS and the shared IDT, and moves it from
   the trampoline's page tables to the kernel's. */
static void
smp_ap_load_tables (struct smp_cpu *cpu)
{
  uint32_t tss = (uint32_t) cpu->tss;
  cpu->gdt[SEL_KCSEG >> 3] = SMP_DESC_KCODE;
  cpu->gdt[SEL_KDSEG >> 3] = SMP_DESC_KDATA;
  cpu->gdt[SEL_UCSEG >> 3] = SMP_DESC_UCODE;
  cpu->gdt[SEL_UDSEG >> 3] = SMP_DESC_UDATA;
  cpu->gdt[SEL_TSS >> 3] = SMP_DESC_TSS | (SMP_TSS_SIZE - 1)
                           | ((uint64_t) (tss & 0xffffff) << 16)
                           | ((uint64_t) (tss >> 24) << 56);
  *(uint32_t *) (cpu->tss + TSS_ESP0) = (uint32_t) cpu + PGSIZE;
  *(uint16_t *) (cpu->tss + TSS_SS0) = SEL_KDSEG;
  *(uint16_t *) (cpu->tss + TSS_IOMAP) = SMP_TSS_SIZE;

  SMP_LOAD_TABLE ("lgdt", cpu->gdt, sizeof cpu->gdt);
  asm volatile ("ljmp %0, $1f\n1:\n\t"
                "movw %w1, %%ds\n\tmovw %w1, %%es\n\tmovw %w1, %%ss\n\t"
                "movw %w1, %%fs\n\tmovw %w1, %%gs"
                : : "i" (SEL_KCSEG), "r" (SEL_KDSEG) : "memory");
  asm volatile ("ltr %w0" : : "r" (SEL_TSS));
  SMP_LOAD_TABLE ("lidt", smp_idt, sizeof smp_idt);
  pagedir_activate (NULL);
}

/* Returns this CPU's APIC timer rate, in counts per second with the
   divider at 16, measured against the system timer (the 8254 PIT,
   whose ticks the boot CPU counts) over SMP_CALIB_TICKS ticks. */
static uint32_t
smp_ap_calibrate (void)
{
  lapic_write (LAPIC_TIMER_DIV, LAPIC_TIMER_DIV16);
  lapic_write (LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | SMP_VEC_TIMER);
  int64_t start = timer_ticks ();
  while (timer_ticks () == start)
    asm volatile ("pause");
  lapic_write (LAPIC_TIMER_INIT, UINT32_MAX);
  while (timer_ticks () < start + 1 + SMP_CALIB_TICKS)
    asm volatile ("pause");
  uint32_t counted = UINT32_MAX - lapic_read (LAPIC_TIMER_CUR);
  lapic_write (LAPIC_TIMER_INIT, 0);
  return (uint64_t) counted * TIMER_FREQ / SMP_CALIB_TICKS;
}

/* Starts this CPU's APIC timer: periodic, TIMER_FREQ interrupts a
   second by RATE (from smp_ap_calibrate). */
static void
smp_ap_timer_start (uint32_t rate)
{
  lapic_write (LAPIC_TIMER_DIV, LAPIC_TIMER_DIV16);
  lapic_write (LAPIC_LVT_TIMER, LAPIC_LVT_PERIODIC | SMP_VEC_TIMER);
  lapic_write (LAPIC_TIMER_INIT, rate / TIMER_FREQ);
}

/* Stops this CPU's APIC timer. */
static void
smp_ap_timer_stop (void)
{
  lapic_write (LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | SMP_VEC_TIMER);
  lapic_write (LAPIC_TIMER_INIT, 0);
}

/* Halts this CPU for good, interrupts off (until the boot CPU's INIT). */
static void __attribute__ ((noreturn))
smp_ap_halt (void)
{
  for (;;)
    asm volatile ("cli; hlt");
}

/* An exception on this CPU: records it where the boot CPU looks,
   tells the boot CPU, which panics naming this CPU (hv/smp-boot.c),
   and halts. */
static void __attribute__ ((noreturn))
smp_ap_fault (struct smp_cpu *cpu, const struct smp_frame *f)
{
  cpu->fault_eip = f->eip;
  cpu->fault_error = f->error;
  cpu->fault_vec = f->vec + 1;
  lapic_send_ipi (cpu->boot_apic_id, LAPIC_ICR_FIXED | SMP_VEC_IPI);
  smp_ap_halt ();
}

/* Every interrupt and exception on the other CPUs comes here, with
   interrupts off (hv/smp-entry.S).  The IPI only wakes the loop in
   smp_ap_main, which reads the mailbox. */
void
smp_ap_interrupt (struct smp_frame *f)
{
  struct smp_cpu *cpu = smp_self ();
  if (cpu->magic != SMP_CPU_MAGIC)
    smp_ap_halt ();
  if (f->vec == SMP_VEC_NMI)
    return;                     /* The scheduler's watchdog (hv/vsched.c). */
  if (f->vec < SMP_STUB_EXC_CNT)
    smp_ap_fault (cpu, f);
  if (f->vec == SMP_VEC_TIMER)
    cpu->ticks++;
  if (f->vec != SMP_VEC_SPURIOUS)
    lapic_eoi ();
}

/* Carries out REQUEST with ARG on CPU; returns the answer. */
static uint64_t
smp_ap_do (struct smp_cpu *cpu, enum smp_request request, void *arg)
{
  switch (request)
    {
    case SMP_REQ_PING:
      return 1;
    case SMP_REQ_TICKS:
      return cpu->ticks;
    case SMP_REQ_VMRUN:
      return smp_run_test_guest (cpu, arg);
    case SMP_REQ_SCHED:
      vsched_ap_loop ((uintptr_t) arg);
      return 0;
    case SMP_REQ_PARK:
      smp_ap_timer_stop ();
      if (cpu->svm_problem == NULL)
        svm_cpu_off ();
      return 0;
    default:
      return 0;
    }
}

/* Takes CPU's pending request out of its mailbox (SMP_REQ_NONE if
   there is none), with its argument in *ARG.  Interrupts off. */
static enum smp_request
smp_ap_take (struct smp_cpu *cpu, void **arg)
{
  spin_lock (&cpu->lock);
  enum smp_request request = cpu->request;
  *arg = cpu->arg;
  cpu->request = SMP_REQ_NONE;
  spin_unlock (&cpu->lock);
  return request;
}

/* Puts ANSWER in CPU's mailbox and tells the boot CPU.  Interrupts
   off. */
static void
smp_ap_answer (struct smp_cpu *cpu, uint64_t answer)
{
  spin_lock (&cpu->lock);
  cpu->answer = answer;
  cpu->answered = true;
  spin_unlock (&cpu->lock);
  lapic_send_ipi (cpu->boot_apic_id, LAPIC_ICR_FIXED | SMP_VEC_IPI);
}

/* A CPU's life after the trampoline: set-up, then requests until it
   is parked.  Runs on CPU's own stack with interrupts off, except
   while it waits ("sti; hlt": STI's one-instruction delay means an
   IPI that arrives after the mailbox was found empty still ends the
   HLT). */
void
smp_ap_main (struct smp_cpu *cpu)
{
  smp_ap_load_tables (cpu);
  lapic_enable (SMP_VEC_SPURIOUS);
  cpu->timer_hz = smp_ap_calibrate ();
  smp_ap_timer_start (cpu->timer_hz);
  cpu->svm_problem = svm_check_cpu ();
  if (cpu->svm_problem == NULL)
    svm_cpu_on (cpu->hsave);
  asm volatile ("" : : : "memory");   /* Everything above before UP. */
  cpu->up = true;

  for (;;)
    {
      void *arg;
      enum smp_request request = smp_ap_take (cpu, &arg);
      if (request == SMP_REQ_NONE)
        {
          asm volatile ("sti; hlt; cli" : : : "memory");
          continue;
        }
      smp_ap_answer (cpu, smp_ap_do (cpu, request, arg));
      if (request == SMP_REQ_PARK)
        smp_ap_halt ();
    }
}
