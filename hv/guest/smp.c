/* The guest kernel's VCPUs: how many there are and which one is
   running (CPUID leaf HV_CPUID_INFO, then the task register), the
   per-VCPU data and run queues, bringing the secondary VCPUs up
   (HC_VCPU_UP) and waking one with an IPI (HC_IPI).

   Lock order: a run queue's RQ_LOCK is taken last; no code holds two
   run-queue locks at once. */

#include "hv/guest/kernel.h"

static struct smp_vcpu smp_vcpus[KERNEL_VCPU_MAX];
static unsigned smp_cnt = 1;

/* VCPU 0's paging state when it brought the others up: each secondary
   starts with paging off and copies it. */
static uint32_t smp_boot_cr0, smp_boot_cr3, smp_boot_cr4;

void smp_entry (void);                          /* kswitch.S */
void smp_secondary_main (unsigned id) NO_RETURN;

/* Returns the number of VCPUs the guest kernel uses. */
unsigned
smp_vcpu_cnt (void)
{
  return smp_cnt;
}

/* Returns VCPU ID's data. */
struct smp_vcpu *
smp_vcpu (unsigned id)
{
  ASSERT (id < smp_cnt);
  return &smp_vcpus[id];
}

/* Returns the calling VCPU's data.  Each VCPU's task register holds
   its own TSS's selector (idt_load_tss), which ring 3 cannot change,
   so reading it is cheap and never exits.  The caller must keep
   interrupts off if the answer must stay true (a preempted thread may
   resume on another VCPU). */
struct smp_vcpu *
smp_self (void)
{
  uint32_t tr = 0;
  asm ("str %w0" : "+r" (tr));
  unsigned id = (tr - KSEL_TSS0) / 8;
  ASSERT (tr >= KSEL_TSS0 && id < smp_cnt);
  return &smp_vcpus[id];
}

/* Prepares the data of each of the VM's COUNT VCPUs (an hv that
   predates several VCPUs reports 0: one). */
static void
smp_init_data (unsigned count)
{
  smp_cnt = count == 0 ? 1 : count < KERNEL_VCPU_MAX ? count
                                                     : KERNEL_VCPU_MAX;
  for (unsigned i = 0; i < smp_cnt; i++)
    {
      struct smp_vcpu *v = &smp_vcpus[i];
      v->id = i;
      kspin_init (&v->rq_lock);
      list_init (&v->run_queue);
    }
  smp_vcpus[0].up = true;
}

/* Called on VCPU 0 by kernel_start, interrupts off: finds the VCPUs
   and makes VCPU 0's TSS current, so that smp_self works.  The
   secondaries start later, in smp_boot_secondaries. */
void
smp_start (void)
{
  struct cpuid_regs r = cpuid (HV_CPUID_INFO, 0);
  if (r.edx != 0)
    fail ("kernel_start must run on VCPU 0, not %u", (unsigned) r.edx);
  smp_init_data (r.ecx);
  idt_load_tss (0);
}

/* Starts every other VCPU at smp_entry, on the stack of its idle
   thread (kthread.c made them).  A VCPU the hv refuses stays down and
   gets no work.  Interrupts off. */
void
smp_boot_secondaries (void)
{
  smp_boot_cr0 = rcr0 ();
  smp_boot_cr3 = rcr3 ();
  smp_boot_cr4 = rcr4 ();
  for (unsigned i = 1; i < smp_cnt; i++)
    {
      struct smp_vcpu *v = &smp_vcpus[i];
      int32_t status = hypercall3 (HC_VCPU_UP, i, (uint32_t) smp_entry,
                                   v->idle->stack_top);
      if (status != 0)
        fail ("cannot bring up VCPU %u: hypercall returned %d", i,
              (int) status);
      v->up = true;
    }
}

/* Where secondary VCPU ID starts (from smp_entry), with interrupts
   masked and paging off: loads the descriptor tables, turns paging on
   as VCPU 0 had it, and becomes its idle thread. */
void
smp_secondary_main (unsigned id)
{
  idt_load_tables ();
  if (smp_boot_cr0 & CR0_PG)
    {
      lcr4 (smp_boot_cr4);
      lcr3 (smp_boot_cr3);
      lcr0 (smp_boot_cr0);
    }
  idt_load_tss (id);
  kthread_run_idle (&smp_vcpus[id]);
}

/* Has V, if it is not the calling VCPU and is idle, look at its run
   queue at once: sends it the wake-up IPI.  Interrupts off. */
void
smp_wake (struct smp_vcpu *v)
{
  struct smp_vcpu *self = smp_self ();

  /* The store that queued the work must be visible before V's
     HALTED is read: V sets HALTED, then reads its queue. */
  __sync_synchronize ();
  if (v == self || !v->halted)
    return;
  self->ipis_sent++;
  hypercall (HC_IPI, v->id, KERNEL_VECTOR_WAKE);
}

/* Appends T to V's run queue.  Interrupts off. */
void
smp_rq_put (struct smp_vcpu *v, struct kthread *t)
{
  ASSERT (t->state == KTHREAD_READY);
  kspin_lock_raw (&v->rq_lock);
  list_push_back (&v->run_queue, &t->elem);
  v->run_cnt++;
  kspin_unlock_raw (&v->rq_lock);
}

/* Removes and returns the thread at the front (or, if FROM_TAIL, the
   back) of V's run queue, or a null pointer if it is empty.
   Interrupts off. */
struct kthread *
smp_rq_take (struct smp_vcpu *v, bool from_tail)
{
  struct kthread *t = NULL;

  if (v->run_cnt == 0)
    return NULL;                /* A cheap look first, without the lock. */
  kspin_lock_raw (&v->rq_lock);
  if (!list_empty (&v->run_queue))
    {
      struct list_elem *e = from_tail ? list_pop_back (&v->run_queue)
                                      : list_pop_front (&v->run_queue);
      t = list_entry (e, struct kthread, elem);
      v->run_cnt--;
    }
  kspin_unlock_raw (&v->rq_lock);
  return t;
}
