/* Generated hostile guests.  From a seed, a deterministic generator
   writes guest images -- a small prologue, then a few snippets of
   hostile code, then an exit -- and runs each in a VM with a small
   CPU budget.  The snippets are random bytes, or aimed at what a
   guest can do to its host: x87 errors, control-register and MSR
   writes, SVM instructions, string and wild port I/O, wild and
   unemulatable MMIO, bad IDTs and GDTs, triple faults, hypercalls
   with wild pointers, timer and paging games.  Every guest must end
   with a clear reason, the next one must run, and every page must
   come back; a failure of any of these is a host failure.

   "make check" runs FUZZ_COUNT guests of FUZZ_SEED.  "make -C hv fuzz
   SEED=N COUNT=M" puts "N M FIRST TRACE" in the scratch file
   fuzz.conf (FIRST: the first guest, to replay one; TRACE: a
   fuzz_level) and the test prints a progress line every
   FUZZ_PROGRESS guests and "guest-fuzz: seed N: M guests, K host
   failures". */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/hv/hvtest.h"
#include "devices/scratch.h"
#include "devices/timer.h"
#include "hv/abi.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* What "make check" runs. */
#define FUZZ_SEED  20261203u
#define FUZZ_COUNT 60

/* Each guest's CPU budget, in ticks. */
#define FUZZ_BUDGET 5

/* Ticks of time a guest may take, halted or not, before the test
   kills it from another thread (a guest may halt waiting for a timer
   months away, which costs no CPU). */
#define FUZZ_DEADLINE 50

/* Image layout: code after the header; stack and zeroed memory up to
   FUZZ_MEM_END. */
#define FUZZ_CODE_MAX 2048
#define FUZZ_MEM_END  (HV_GUEST_LOAD_ADDR + 0x20000u)

/* Snippets per guest: 1 to FUZZ_SNIPPETS_MAX. */
#define FUZZ_SNIPPETS_MAX 5

/* Exit code of the prologue's catch-all exception handler. */
#define FUZZ_TRAP_CODE 0xee

/* The scratch file "make fuzz" writes. */
#define FUZZ_CONF "fuzz.conf"

/* A guest being generated. */
struct fuzz
  {
    uint32_t rng;               /* xorshift32 state, never 0. */
    uint8_t image[sizeof (struct hv_image_header) + FUZZ_CODE_MAX];
    size_t len;                 /* Bytes of IMAGE used. */
    char kinds[64];             /* Names of the snippets, for messages. */
  };

/* Returns the next pseudo-random number of F. */
static uint32_t
fuzz_rand (struct fuzz *f)
{
  f->rng ^= f->rng << 13;
  f->rng ^= f->rng >> 17;
  f->rng ^= f->rng << 5;
  return f->rng;
}

/* Returns a pseudo-random number below N (N > 0). */
static uint32_t
fuzz_below (struct fuzz *f, uint32_t n)
{
  return fuzz_rand (f) % n;
}

/* Appends byte B to F's code; bytes past the end are dropped (the
   epilogue has room reserved). */
static void
emit8 (struct fuzz *f, uint8_t b)
{
  if (f->len < sizeof f->image)
    f->image[f->len++] = b;
}

static void
emit16 (struct fuzz *f, uint16_t v)
{
  emit8 (f, v);
  emit8 (f, v >> 8);
}

static void
emit32 (struct fuzz *f, uint32_t v)
{
  emit16 (f, v);
  emit16 (f, v >> 16);
}

/* Appends the LEN bytes at BYTES. */
static void
emit (struct fuzz *f, const char *bytes, size_t len)
{
  for (size_t i = 0; i < len; i++)
    emit8 (f, bytes[i]);
}

/* Returns the guest-physical address the next byte of code gets. */
static uint32_t
fuzz_here (const struct fuzz *f)
{
  return HV_GUEST_LOAD_ADDR + f->len;
}

/* Returns a value a hostile guest would try: an edge, an address of
   interest (its image, the end of its RAM, MMIO, the host kernel) or
   anything at all. */
static uint32_t
fuzz_value (struct fuzz *f)
{
  static const uint32_t edges[] =
    {
      0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 0xfffff000,
      HV_GUEST_LOAD_ADDR, HV_GUEST_RAM_DEFAULT - 4, HV_GUEST_RAM_DEFAULT,
      HV_VTIMER_BASE, HV_VTIMER_BASE + HV_VTIMER_SIZE - 2, 0xc0000000,
      0xc0100000, 0xfec00000, 0xfee00000,
    };
  if (fuzz_below (f, 3) == 0)
    return fuzz_rand (f);
  return edges[fuzz_below (f, sizeof edges / sizeof *edges)]
         + (fuzz_below (f, 4) == 0 ? fuzz_below (f, 16) : 0);
}

/* MOV r32, IMM32 for register REG (0-7). */
static void
emit_mov_imm (struct fuzz *f, unsigned reg, uint32_t imm)
{
  emit8 (f, 0xb8 + reg);
  emit32 (f, imm);
}

/* ---- Snippets ---- */

/* Random bytes. */
static void
snip_random (struct fuzz *f)
{
  for (unsigned n = 8 + fuzz_below (f, 56); n > 0; n--)
    emit8 (f, fuzz_rand (f));
}

/* An x87 error with a random control word, so some exceptions are
   unmasked; sometimes after trying to clear CR0.NE, sometimes FXRSTOR
   from a wild address. */
static void
snip_x87 (struct fuzz *f)
{
  if (fuzz_below (f, 2))
    emit (f, "\x0f\x20\xc0\x83\xe0\xdf\x0f\x22\xc0", 9); /* CR0 &= ~NE */
  emit (f, "\xdb\xe3", 2);                              /* fninit */
  emit8 (f, 0x68);                                      /* push FCW */
  emit32 (f, fuzz_rand (f) & 0x0f7f);
  emit (f, "\xd9\x2c\x24", 3);                          /* fldcw (%esp) */
  emit (f, "\xd9\xee\xd9\xe8\xd8\xf1\x9b", 7);          /* 1/0; fwait */
  if (fuzz_below (f, 2))
    {
      emit (f, "\x0f\xae\x0d", 3);                      /* fxrstor [x] */
      emit32 (f, fuzz_value (f));
      emit (f, "\xd9\xe8\x9b", 3);                      /* fld1; fwait */
    }
}

/* Writes to CR0, CR3 or CR4: a wild value, one flipped bit, CLTS or
   LMSW (from a register or memory). */
static void
snip_cr (struct fuzz *f)
{
  static const uint8_t crs[] = { 0xc0, 0xd8, 0xe0 };    /* CR0, CR3, CR4 */
  uint8_t cr = crs[fuzz_below (f, 3)];
  switch (fuzz_below (f, 4))
    {
    case 0:
      emit_mov_imm (f, 0, fuzz_value (f));
      break;
    case 1:
      emit (f, "\x0f\x20", 2);                          /* mov crN, %eax */
      emit8 (f, cr);
      emit8 (f, 0x35);                                  /* xor $bit, %eax */
      emit32 (f, 1u << fuzz_below (f, 32));
      break;
    case 2:
      if (fuzz_below (f, 2))
        emit (f, "\x0f\x06", 2);                        /* clts */
      else
        emit (f, "\x0f\x01\xf0", 3);                    /* lmsw %ax */
      return;
    default:
      emit (f, "\x0f\x01\x35", 3);                      /* lmsw [x] */
      emit32 (f, fuzz_value (f));
      return;
    }
  emit (f, "\x0f\x22", 2);                              /* mov %eax, crN */
  emit8 (f, cr);
}

/* A MOV to or from a debug register: a wild value, or a data
   watchpoint on a guest address, left enabled (the state that once
   crashed QEMU at the next VM's DR7 write). */
static void
snip_dr (struct fuzz *f)
{
  unsigned dr = fuzz_below (f, 8);
  switch (fuzz_below (f, 3))
    {
    case 0:
      emit_mov_imm (f, 0, fuzz_value (f));
      break;
    case 1:
      emit_mov_imm (f, 0, fuzz_below (f, 0x10000));    /* A guest address. */
      emit (f, "\x0f\x23\xc0", 3);                     /* mov %eax, %dr0 */
      emit_mov_imm (f, 0, 0x000d0401u);                 /* L0, write, 4 bytes */
      dr = 7;
      break;
    default:
      emit (f, "\x0f\x21", 2);                          /* mov drN, %eax */
      emit8 (f, 0xc0 | dr << 3);
      return;
    }
  emit (f, "\x0f\x23", 2);                              /* mov %eax, drN */
  emit8 (f, 0xc0 | dr << 3);
}

/* RDMSR or WRMSR of an MSR a guest should not touch, or any. */
static void
snip_msr (struct fuzz *f)
{
  static const uint32_t msrs[] =
    {
      0xc0000080, 0xc0010114, 0xc0010117, 0xc0010115, 0x10, 0x1b, 0x174,
      0x175, 0x176, 0xc0000081, 0xc0000100, 0xc0000101, 0x277, 0x3a,
    };
  uint32_t msr = fuzz_below (f, 4) == 0 ? fuzz_rand (f)
                 : msrs[fuzz_below (f, sizeof msrs / sizeof *msrs)];
  emit_mov_imm (f, 1, msr);
  emit_mov_imm (f, 0, fuzz_value (f));
  emit_mov_imm (f, 2, fuzz_below (f, 2) ? 0 : fuzz_value (f));
  emit (f, fuzz_below (f, 2) ? "\x0f\x30" : "\x0f\x32", 2);
}

/* An SVM instruction (0F 01 D8-DF) with a wild RAX. */
static void
snip_svm (struct fuzz *f)
{
  emit_mov_imm (f, 0, fuzz_value (f));
  emit_mov_imm (f, 1, fuzz_value (f));
  emit (f, "\x0f\x01", 2);
  emit8 (f, 0xd8 + fuzz_below (f, 8));
}

/* Returns a port worth trying: the hv's devices, PC devices that
   reset or reconfigure a real machine, or any. */
static uint16_t
fuzz_port (struct fuzz *f)
{
  static const uint16_t ports[] =
    {
      HV_PORT_COM1, HV_PORT_COM1 + 3, HV_PORT_COM1 + 5, HV_PORT_DEBUG_EXIT,
      0x20, 0x21, 0xa0, 0x40, 0x43, 0x60, 0x64, 0x70, 0x71, 0x92, 0xcf8,
      0xcf9, 0xcfc, 0xf0, 0x402, 0x8900, 0x604, 0xb004,
    };
  if (fuzz_below (f, 4) == 0)
    return fuzz_rand (f);
  return ports[fuzz_below (f, sizeof ports / sizeof *ports)];
}

/* IN or OUT of any width, through DX or an immediate port. */
static void
snip_port (struct fuzz *f)
{
  emit_mov_imm (f, 0, fuzz_value (f));
  if (fuzz_below (f, 4) == 0)
    {
      emit8 (f, 0xe4 + fuzz_below (f, 4));              /* in/out imm8 */
      emit8 (f, fuzz_port (f));
      return;
    }
  emit_mov_imm (f, 2, fuzz_port (f));
  if (fuzz_below (f, 3) == 0)
    emit8 (f, 0x66);
  emit8 (f, 0xec + fuzz_below (f, 4));                  /* in/out dx */
}

/* INS or OUTS, with or without REP, with wild buffers and counts. */
static void
snip_string_io (struct fuzz *f)
{
  emit_mov_imm (f, 2, fuzz_port (f));
  emit_mov_imm (f, 1, fuzz_below (f, 2) ? fuzz_below (f, 8) : fuzz_value (f));
  emit_mov_imm (f, 6, fuzz_value (f));
  emit_mov_imm (f, 7, fuzz_value (f));
  if (fuzz_below (f, 2))
    emit8 (f, 0xf3);
  if (fuzz_below (f, 3) == 0)
    emit8 (f, 0x66);
  emit8 (f, 0x6c + fuzz_below (f, 4));
}

/* A memory access at the virtual timer or a wild address, by MOVs the
   hv emulates and instructions it does not. */
static void
snip_mmio (struct fuzz *f)
{
  static const char *const forms[] =
    {
      "\xa1", "\xa3", "\xa0", "\xa2", "\x66\xa1", "\x8b\x05", "\x89\x1d",
      "\x8a\x25", "\x0f\xb6\x05", "\x0f\xb7\x0d", "\xff\x05", "\x87\x05",
      "\xf7\x05", "\x01\x05", "\xc7\x05", "\xc6\x05", "\x0f\xae\x05",
    };
  uint32_t addr = fuzz_below (f, 2) ? HV_VTIMER_BASE + fuzz_below (f, 0x1004)
                                    : fuzz_value (f);
  unsigned form = fuzz_below (f, sizeof forms / sizeof *forms);
  emit_mov_imm (f, 0, fuzz_value (f));
  emit (f, forms[form], strlen (forms[form]));
  emit32 (f, addr);
  if (forms[form][0] == '\xc7' || forms[form][0] == '\xf7')
    emit32 (f, fuzz_value (f));
  else if (forms[form][0] == '\xc6')
    emit8 (f, fuzz_rand (f));
}

/* LIDT or LGDT of a wild table, then something that uses it: INT3,
   INT n, loading DS or SS, a far jump, LTR, LLDT, UD2. */
static void
snip_tables (struct fuzz *f)
{
  static const char *const uses[] =
    {
      "\xcc", "\xcd\x20", "\xcd\x08", "\x8e\xd8", "\x8e\xd0", "\x0f\x0b",
      "\x0f\x00\xd8", "\x0f\x00\xd0", "\xea\x00\x00\x10\x00\x18\x00",
    };
  emit8 (f, 0x68);                                      /* push base */
  emit32 (f, fuzz_value (f));
  emit (f, "\x66\x68", 2);                              /* push limit */
  emit16 (f, fuzz_below (f, 2) ? 0 : fuzz_rand (f));
  emit (f, fuzz_below (f, 2) ? "\x0f\x01\x1c\x24"       /* lidt (%esp) */
                              : "\x0f\x01\x14\x24", 4);  /* lgdt (%esp) */
  emit_mov_imm (f, 0, fuzz_below (f, 2) ? fuzz_below (f, 0x40)
                                         : fuzz_rand (f));
  const char *use = uses[fuzz_below (f, sizeof uses / sizeof *uses)];
  emit (f, use, use[0] == '\xea' ? 7 : strlen (use));
}

/* A triple fault: an empty IDT, then an exception. */
static void
snip_triple (struct fuzz *f)
{
  emit (f, "\x6a\x00\x6a\x00\x0f\x01\x1c\x24", 8);      /* lidt of 0/0 */
  emit (f, fuzz_below (f, 2) ? "\x0f\x0b" : "\xcc\x90", 2);
}

/* A hypercall, known or not, with wild pointers, lengths, VCPU
   numbers (often a real one: starting a VCPU at a wild entry point,
   an IPI with a wild vector) and vectors. */
static void
snip_hypercall (struct fuzz *f)
{
  emit_mov_imm (f, 0, fuzz_below (f, 4) ? fuzz_below (f, 10) : fuzz_rand (f));
  emit_mov_imm (f, 3, fuzz_below (f, 2) ? fuzz_below (f, 3) : fuzz_value (f));
  emit_mov_imm (f, 1, fuzz_value (f));
  emit_mov_imm (f, 2, fuzz_value (f));
  emit (f, "\x0f\x01\xd9", 3);
}

/* The virtual timer armed with a wild period and vector (exception
   vectors included), then interrupts on and HLT or a spin. */
static void
snip_timer (struct fuzz *f)
{
  emit (f, "\xc7\x05", 2);                              /* vector */
  emit32 (f, HV_VTIMER_BASE + HV_VTIMER_VECTOR);
  emit32 (f, fuzz_below (f, 2) ? fuzz_below (f, 256) : fuzz_rand (f));
  emit (f, "\xc7\x05", 2);                              /* period */
  emit32 (f, HV_VTIMER_BASE + HV_VTIMER_PERIOD);
  emit32 (f, fuzz_below (f, 2) ? 1 + fuzz_below (f, 3) : fuzz_rand (f));
  if (fuzz_below (f, 2))
    emit (f, "\xfb\xf4", 2);                            /* sti; hlt */
  else
    emit (f, "\xfb\xeb\xfe", 3);                        /* sti; jmp . */
}

/* Paging on with a wild CR3 and paging mode. */
static void
snip_paging (struct fuzz *f)
{
  emit_mov_imm (f, 0, fuzz_value (f));
  emit (f, "\x0f\x22\xd8", 3);                          /* mov %eax, %cr3 */
  emit_mov_imm (f, 0, fuzz_below (f, 2) ? 0x20 : 0x10);
  emit (f, "\x0f\x22\xe0", 3);                          /* mov %eax, %cr4 */
  emit_mov_imm (f, 0, 0x80000031 | (fuzz_below (f, 2) << 16));
  emit (f, "\x0f\x22\xc0", 3);                          /* mov %eax, %cr0 */
  emit8 (f, 0xa1);                                      /* mov x, %eax */
  emit32 (f, fuzz_value (f));
}

/* A spin with interrupts masked or not: only the budget ends it. */
static void
snip_spin (struct fuzz *f)
{
  emit (f, fuzz_below (f, 2) ? "\xfa\xeb\xfe" : "\xfb\xeb\xfe", 3);
}

/* One kind of snippet. */
struct fuzz_kind
  {
    const char *name;
    void (*emit) (struct fuzz *);
  };

static const struct fuzz_kind fuzz_kinds[] =
  {
    { "random", snip_random }, { "x87", snip_x87 }, { "cr", snip_cr },
    { "msr", snip_msr }, { "svm", snip_svm }, { "port", snip_port },
    { "strio", snip_string_io }, { "mmio", snip_mmio },
    { "tables", snip_tables }, { "triple", snip_triple },
    { "hcall", snip_hypercall }, { "timer", snip_timer },
    { "paging", snip_paging }, { "spin", snip_spin }, { "dr", snip_dr },
  };
#define FUZZ_KIND_CNT (sizeof fuzz_kinds / sizeof *fuzz_kinds)

/* Bytes kept free at the end of the image for the epilogue. */
#define FUZZ_EPILOGUE_ROOM 16

/* The prologue: usually a flat GDT (the hv starts a guest with its
   selectors loaded but no table) and an IDT whose every gate leads to
   a handler that exits with FUZZ_TRAP_CODE, so that many faults end in an exit
   rather than a double fault; sometimes none at all. */
static void
fuzz_prologue (struct fuzz *f)
{
  if (fuzz_below (f, 4) == 0)
    return;
  size_t jump = f->len;
  emit8 (f, 0xe9);                                      /* jmp over */
  emit32 (f, 0);
  uint32_t handler = fuzz_here (f);
  emit_mov_imm (f, 0, HC_EXIT);
  emit_mov_imm (f, 3, FUZZ_TRAP_CODE);
  emit (f, "\x0f\x01\xd9\xfa\xf4\xeb\xfd", 7);          /* vmmcall; cli; hlt */
  uint32_t idt = fuzz_here (f);
  for (int vector = 0; vector < 32; vector++)
    {
      emit32 (f, (handler & 0xffff) | 0x08u << 16);
      emit32 (f, (handler & 0xffff0000u) | 0x8e00u);
    }
  uint32_t gdt = fuzz_here (f);
  emit32 (f, 0);                                        /* null */
  emit32 (f, 0);
  emit32 (f, 0x0000ffff);                               /* flat code, 0x08 */
  emit32 (f, 0x00cf9a00);
  emit32 (f, 0x0000ffff);                               /* flat data, 0x10 */
  emit32 (f, 0x00cf9200);
  uint32_t idtr = fuzz_here (f);
  emit16 (f, 32 * 8 - 1);
  emit32 (f, idt);
  uint32_t gdtr = fuzz_here (f);
  emit16 (f, 3 * 8 - 1);
  emit32 (f, gdt);
  uint32_t rel = f->len - (jump + 5);
  memcpy (&f->image[jump + 1], &rel, sizeof rel);
  emit (f, "\x0f\x01\x15", 3);                          /* lgdt [gdtr] */
  emit32 (f, gdtr);
  emit (f, "\x0f\x01\x1d", 3);                          /* lidt [idtr] */
  emit32 (f, idtr);
}

/* Generates guest number INDEX of SEED into F. */
static void
fuzz_generate (struct fuzz *f, uint32_t seed, uint32_t index)
{
  struct hv_image_header h;

  memset (f, 0, sizeof *f);
  f->rng = (seed * 2654435761u) ^ (index * 40503u + 0x9e3779b9u);
  if (f->rng == 0)
    f->rng = 1;
  f->len = sizeof h;
  fuzz_prologue (f);
  for (unsigned n = 1 + fuzz_below (f, FUZZ_SNIPPETS_MAX); n > 0; n--)
    {
      const struct fuzz_kind *k = &fuzz_kinds[fuzz_below (f, FUZZ_KIND_CNT)];
      if (f->len + 96 > sizeof f->image - FUZZ_EPILOGUE_ROOM)
        break;
      k->emit (f);
      size_t used = strlen (f->kinds);
      snprintf (f->kinds + used, sizeof f->kinds - used, "%s%s",
                used > 0 ? "," : "", k->name);
    }
  emit_mov_imm (f, 0, HC_EXIT);                         /* exit (0) */
  emit_mov_imm (f, 3, 0);
  emit (f, "\x0f\x01\xd9\xeb\xfe", 5);

  h.magic = HV_IMAGE_MAGIC;
  h.load_addr = HV_GUEST_LOAD_ADDR;
  h.entry = HV_GUEST_LOAD_ADDR + sizeof h;
  h.stack_top = FUZZ_MEM_END;
  h.bss_end = FUZZ_MEM_END;
  memcpy (f->image, &h, sizeof h);
}

/* The guest running now, for the killer thread: its VM number (or
   -1) and the tick it started. */
static volatile int fuzz_vm = -1;
static volatile int64_t fuzz_vm_start;
static volatile bool fuzz_over;         /* Tells the killer to stop. */
static struct semaphore fuzz_killer_done;

/* The killer thread: kills the running guest once it is past
   FUZZ_DEADLINE, until fuzz_over. */
static void
fuzz_killer (void *aux UNUSED)
{
  while (!fuzz_over)
    {
      timer_sleep (1);
      int vm = fuzz_vm;
      if (vm >= 0 && timer_elapsed (fuzz_vm_start) > FUZZ_DEADLINE)
        {
          printf ("guest-fuzz: past its deadline of %d ticks: killed\n",
                  FUZZ_DEADLINE);
          vmctl_kill (vm);
          fuzz_vm = -1;
        }
    }
  sema_up (&fuzz_killer_done);
}

/* How loudly guests run: FUZZ_QUIET prints a progress line every
   FUZZ_PROGRESS guests and every host failure, and the hv says
   nothing about the VMs (Bochs stalls once its screen output has
   piled up); FUZZ_LOUD prints a line per guest and lets the hv print
   its usual messages; FUZZ_TRACED adds a line per exit. */
enum fuzz_level { FUZZ_QUIET, FUZZ_LOUD, FUZZ_TRACED };
#define FUZZ_PROGRESS 50

/* Runs guest number INDEX of SEED at loudness LEVEL.  Returns true if
   the host held: the VM ended with a reason that is not an hv bug and
   gave back every page. */
static bool
fuzz_run_one (uint32_t seed, uint32_t index, enum fuzz_level level)
{
  static struct fuzz f;
  struct vmctl_spec spec;
  static struct vmctl_report report;  /* Too big for the stack. */
  size_t free_before = palloc_free_count ();

  fuzz_generate (&f, seed, index);
  memset (&spec, 0, sizeof spec);
  spec.name = "fuzz";
  spec.image = f.image;
  spec.image_size = f.len;
  spec.budget = FUZZ_BUDGET;
  spec.vcpus = 1 + index % 2;         /* Every other guest has two VCPUs. */
  spec.trace = level == FUZZ_TRACED;
  spec.quiet = level == FUZZ_QUIET;
  int vm = vmctl_create (&spec);
  fuzz_vm_start = timer_ticks ();
  fuzz_vm = vm;
  bool ran = vm >= 0 && vmctl_start (vm) == VMCTL_OK
             && vmctl_wait (vm, &report) == VMCTL_OK;
  fuzz_vm = -1;

  bool ok = ran;
  char how[VMCTL_WHY_MAX + 32];
  if (!ran)
    snprintf (how, sizeof how, "could not run: %s", vmctl_strerror (vm));
  else if (report.end == VMCTL_END_EXIT)
    snprintf (how, sizeof how, "exit %d", report.exit_code);
  else
    {
      snprintf (how, sizeof how, "killed: %s", report.why);
      ok = report.why[0] != '\0' && strstr (report.why, "hv bug") == NULL;
    }
  if (ran && palloc_free_count () != free_before)
    {
      snprintf (how + strlen (how), sizeof how - strlen (how),
                "; %zu pages not returned",
                free_before - palloc_free_count ());
      ok = false;
    }
  if (!ok || level != FUZZ_QUIET)
    printf ("guest-fuzz: guest %"PRIu32" (%s): %s%s\n", index, f.kinds, how,
            ok ? "" : ": HOST FAILURE");
  return ok;
}

/* Reads SEED, COUNT, FIRST and LEVEL (a fuzz_level) from FUZZ_CONF if
   it is on the scratch disk; leaves them alone if not. */
static void
fuzz_read_conf (uint32_t *seed, uint32_t *count, uint32_t *first,
                uint32_t *level)
{
  void *data;
  size_t size;
  if (scratch_read_file (FUZZ_CONF, 64, &data, &size) != NULL)
    return;
  char text[65];
  memcpy (text, data, size);
  text[size] = '\0';
  free (data);
  char *save_ptr;
  char *word = strtok_r (text, " \n", &save_ptr);
  uint32_t *fields[] = { seed, count, first, level };
  for (int i = 0; i < 4 && word != NULL; i++)
    {
      *fields[i] = atoi (word);
      word = strtok_r (NULL, " \n", &save_ptr);
    }
}

static void
guest_fuzz_test (void)
{
  uint32_t seed = FUZZ_SEED, count = FUZZ_COUNT, first = 0;
  uint32_t level = FUZZ_QUIET;
  unsigned failures = 0;

  fuzz_read_conf (&seed, &count, &first, &level);
  if (level > FUZZ_TRACED)
    level = FUZZ_TRACED;
  sema_init (&fuzz_killer_done, 0);
  fuzz_over = false;
  if (thread_create ("fuzz-killer", PRI_DEFAULT, fuzz_killer, NULL)
      == TID_ERROR)
    fail ("cannot start the killer thread");
  for (uint32_t i = first; i < first + count; i++)
    {
      if (!fuzz_run_one (seed, i, level))
        failures++;
      if ((i - first + 1) % FUZZ_PROGRESS == 0 || i + 1 == first + count)
        printf ("guest-fuzz: guests %"PRIu32"-%"PRIu32" done, %u host "
                "failures so far\n", first, i, failures);
    }
  fuzz_over = true;
  sema_down (&fuzz_killer_done);
  printf ("guest-fuzz: seed %"PRIu32": %"PRIu32" guests, %u host failures\n",
          seed, count, failures);
  if (failures > 0)
    fail ("%u of %"PRIu32" generated guests made the host fail", failures,
          count);
  msg ("every generated guest ended with a reason; every page came back");
}
KTEST ("guest-fuzz", guest_fuzz_test);
