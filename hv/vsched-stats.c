/* The VCPU scheduler's statistics (tier 3 of the scheduling lab): what
   vmctl callers, the hypercall HC_VCPU_STATS and a VM's end report
   about its VCPUs and about the physical CPUs.  The scheduler keeps
   the figures (hv/vsched.c); this file reads them under its lock and
   converts TSC cycles to microseconds. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"

/* Converts VCPU's statistics to OUT, adding waiting time up to now if
   it is waiting. */
static void
vsched_fill_vcpu (const struct vcpu *vcpu, struct vmctl_sched_stat *out)
{
  const struct vsched_vcpu *s = &vcpu->sched;
  uint64_t wait = s->wait_cycles;
  if (s->state == VCPU_RUNNABLE)
    wait += vsched_waited (s, rdtsc ());
  out->run_us = vsched_cycles_to_us (s->run_cycles);
  out->wait_us = vsched_cycles_to_us (wait);
  out->wakeups = s->wakeups;
  out->worst_latency_us = vsched_cycles_to_us (s->worst_latency);
}

/* Stores in OUT where VM's VCPU number INDEX ran.  Returns a vmctl
   status. */
int
vsched_vcpu_cpus (struct vm *vm, unsigned index, struct vmctl_vcpu_cpus *out)
{
  if (index >= vm->vcpu_cnt)
    return VMCTL_EINVAL;
  const struct vsched_vcpu *s = &vm->vcpus[index].sched;
  enum intr_level old_level = vsched_lock ();
  out->cpus = s->cpus;
  out->migrations = s->migrations;
  out->pin = s->pin >= 0 ? (int) vsched_pcpu (s->pin)->id : -1;
  vsched_unlock (old_level);
  return VMCTL_OK;
}

/* Fills in OUT with VM's scheduling parameters and statistics; the
   decisions and host time are all CPUs'. */
void
vsched_fill_stats (const struct vm *vm, struct vmctl_sched *out)
{
  enum intr_level old_level = vsched_lock ();
  memset (out, 0, sizeof *out);
  out->weight = vm->sched.weight;
  out->cap = vm->sched.cap;
  out->vcpu_cnt = vm->vcpu_cnt;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    {
      struct vmctl_sched_stat *v = &out->vcpu[i];
      vsched_fill_vcpu (&vm->vcpus[i], v);
      out->vm.run_us += v->run_us;
      out->vm.wait_us += v->wait_us;
      out->vm.wakeups += v->wakeups;
      if (v->worst_latency_us > out->vm.worst_latency_us)
        out->vm.worst_latency_us = v->worst_latency_us;
    }
  uint64_t host_cycles = 0;
  for (unsigned i = 0; i < vsched_pcpu_count (); i++)
    {
      out->decisions += vsched_pcpu (i)->decisions;
      out->decision_cycles += vsched_pcpu (i)->decision_cycles;
      host_cycles += vsched_pcpu (i)->host_cycles;
    }
  out->host_us = vsched_cycles_to_us (host_cycles);
  out->now_us = vsched_cycles_to_us (rdtsc ());
  vsched_unlock (old_level);
}

/* Stores the statistics of the first MAX physical CPUs that run VCPUs
   in OUT; returns the number of such CPUs. */
int
vsched_pcpu_stats (struct vmctl_pcpu *out, unsigned max)
{
  enum intr_level old_level = vsched_lock ();
  uint64_t now = vsched_cycles_to_us (rdtsc ());
  for (unsigned i = 0; i < vsched_pcpu_count () && i < max; i++)
    {
      const struct vsched_pcpu *p = vsched_pcpu (i);
      out[i].busy_us = vsched_cycles_to_us (p->busy_cycles);
      out[i].switches = p->switches;
      out[i].steals = p->steals;
      out[i].migrations = p->migrations;
      out[i].kicks = p->kicks;
      out[i].cpu = p->id;
      out[i].now_us = now;
    }
  vsched_unlock (old_level);
  return vsched_pcpu_count ();
}

/* Prints one line of scheduling statistics, for WHO. */
static void
vsched_print_line (const char *who, const struct vmctl_sched_stat *s)
{
  printf ("hv:   %-6s run %10"PRIu64" us  wait %8"PRIu64" us  %5"PRIu32
          " wake-ups  worst latency %6"PRIu32" us\n", who, s->run_us,
          s->wait_us, s->wakeups, s->worst_latency_us);
}

/* Prints VM's scheduling statistics: the whole VM, then each VCPU if
   it has several. */
void
vsched_print_stats (const struct vm *vm)
{
  struct vmctl_sched sched;
  vsched_fill_stats (vm, &sched);
  printf ("hv: vm %d '%s' scheduling: weight %u, cap %u%%\n", vm->id,
          vm->name, sched.weight, sched.cap);
  vsched_print_line ("vm", &sched.vm);
  if (vm->vcpu_cnt > 1)
    for (unsigned i = 0; i < vm->vcpu_cnt; i++)
      {
        char who[16];
        snprintf (who, sizeof who, "vcpu%u", i);
        vsched_print_line (who, &sched.vcpu[i]);
      }
}
