/* VMMCALL exits: the hypercalls a paravirtual guest makes (numbers
   and arguments in hv/abi.h).  Each hypercall is one function in the
   table below; an unknown number returns HC_ENOSYS to the guest. */

#include "hv/hv.h"

/* Length of VMMCALL (0F 01 D9). */
#define VMMCALL_LENGTH 3

/* Bytes of a console write copied out of the guest at a time. */
#define HC_CHUNK 64

/* A hypercall: takes the guest's EBX, ECX and EDX, returns the value
   for its EAX, and may end the VM, block or yield the VCPU through
   *ACTION. */
typedef int32_t hypercall_func (struct vcpu *, uint32_t arg1, uint32_t arg2,
                                uint32_t arg3, enum exit_action *action);

/* LAB hv: hypercalls */
/* HC_NULL: nothing at all, the cost of the round trip alone. */
static int32_t
hc_null (struct vcpu *vcpu UNUSED, uint32_t arg1 UNUSED,
         uint32_t arg2 UNUSED, uint32_t arg3 UNUSED,
         enum exit_action *action UNUSED)
{
  return 0;
}

/* HC_CONSOLE_WRITE: prints SIZE bytes at guest-linear BUFFER. */
static int32_t
hc_console_write (struct vcpu *vcpu, uint32_t buffer, uint32_t size,
                  uint32_t arg3 UNUSED, enum exit_action *action UNUSED)
{
  char chunk[HC_CHUNK];

  if (size > HC_CONSOLE_MAX)
    return HC_EINVAL;
  for (uint32_t done = 0; done < size; done += sizeof chunk)
    {
      uint32_t n = size - done < sizeof chunk ? size - done : sizeof chunk;
      if (!vcpu_read_linear (vcpu, buffer + done, chunk, n))
        return HC_EFAULT;
      for (uint32_t i = 0; i < n; i++)
        vdev_console_putc (vcpu->vm, chunk[i]);
    }
  return size;
}

/* HC_EXIT: ends the VM with exit code CODE. */
static int32_t
hc_exit (struct vcpu *vcpu, uint32_t code, uint32_t arg2 UNUSED,
         uint32_t arg3 UNUSED, enum exit_action *action)
{
  *action = vm_exit (vcpu->vm, code);
  return 0;
}

/* HC_YIELD: lets the VCPUs waiting for the CPU run first. */
static int32_t
hc_yield (struct vcpu *vcpu UNUSED, uint32_t arg1 UNUSED,
          uint32_t arg2 UNUSED, uint32_t arg3 UNUSED,
          enum exit_action *action)
{
  *action = EXIT_YIELD;
  return 0;
}

/* HC_TICKS: the VM's age in ticks (its own, dilated). */
static int32_t
hc_ticks (struct vcpu *vcpu, uint32_t arg1 UNUSED, uint32_t arg2 UNUSED,
          uint32_t arg3 UNUSED, enum exit_action *action UNUSED)
{
  return vdev_vtimer_now (vcpu->vm);
}

/* HC_HOST_TICKS: the VM's age in host ticks, never dilated: the
   outside world's clock, which a dilated guest sees run TDF times
   faster than its own. */
static int32_t
hc_host_ticks (struct vcpu *vcpu, uint32_t arg1 UNUSED, uint32_t arg2 UNUSED,
               uint32_t arg3 UNUSED, enum exit_action *action UNUSED)
{
  return vdev_vtimer_host_now (vcpu->vm);
}

/* Returns VCPU's VM's VCPU number INDEX, or a null pointer if it has
   no such VCPU. */
static struct vcpu *
hc_vcpu (struct vcpu *vcpu, uint32_t index)
{
  struct vm *vm = vcpu->vm;
  return index < vm->vcpu_cnt ? &vm->vcpus[index] : NULL;
}

/* HC_VCPU_UP: starts VCPU number INDEX, which must be down, at ENTRY
   with stack STACK. */
static int32_t
hc_vcpu_up (struct vcpu *vcpu, uint32_t index, uint32_t entry,
            uint32_t stack, enum exit_action *action UNUSED)
{
  struct vcpu *target = hc_vcpu (vcpu, index);
  if (target == NULL || target->sched.state != VCPU_DOWN)
    return HC_EINVAL;
  vcpu_start (target, entry, stack);
  vsched_vcpu_up (target);
  return 0;
}

/* HC_IPI: raises interrupt VECTOR on VCPU number INDEX of this VM. */
static int32_t
hc_ipi (struct vcpu *vcpu, uint32_t index, uint32_t vector,
        uint32_t arg3 UNUSED, enum exit_action *action UNUSED)
{
  struct vcpu *target = hc_vcpu (vcpu, index);
  if (target == NULL || target->sched.state == VCPU_DOWN
      || vector < HV_VECTOR_MIN || vector > UINT8_MAX)
    return HC_EINVAL;
  irq_raise (target, vector);
  return 0;
}

/* HC_YIELD_TO: gives the rest of the slice to VCPU number INDEX if it
   waits for the CPU. */
static int32_t
hc_yield_to (struct vcpu *vcpu, uint32_t index, uint32_t arg2 UNUSED,
             uint32_t arg3 UNUSED, enum exit_action *action)
{
  struct vcpu *target = hc_vcpu (vcpu, index);
  if (target == NULL)
    return HC_EINVAL;
  if (!vsched_yield_to (vcpu, target))
    return 1;
  *action = EXIT_YIELD;
  return 0;
}

/* HC_VCPU_STATS: copies VCPU number INDEX's scheduling statistics to
   the struct hv_vcpu_stats at guest-linear BUFFER. */
static int32_t
hc_vcpu_stats (struct vcpu *vcpu, uint32_t index, uint32_t buffer,
               uint32_t arg3 UNUSED, enum exit_action *action UNUSED)
{
  struct vcpu *target = hc_vcpu (vcpu, index);
  if (target == NULL)
    return HC_EINVAL;
  struct vmctl_sched sched;
  vsched_fill_stats (vcpu->vm, &sched);
  const struct vmctl_sched_stat *s = &sched.vcpu[index];
  struct hv_vcpu_stats out = { s->run_us, s->wait_us, s->wakeups,
                               s->worst_latency_us };
  return vcpu_write_linear (vcpu, buffer, &out, sizeof out) ? 0 : HC_EFAULT;
}

/* HC_BALLOON: gives COUNT pages of RAM from guest-physical GPA on
   back to the host (hv/reclaim.c).  Freeing pages is the boot CPU's
   work: on another CPU the exit goes there first. */
static int32_t
hc_balloon (struct vcpu *vcpu, uint32_t gpa, uint32_t count,
            uint32_t arg3 UNUSED, enum exit_action *action)
{
  if (!vsched_on_boot_cpu ())
    {
      *action = EXIT_HOST;
      return 0;
    }
  return reclaim_balloon (vcpu->vm, gpa, count);
}

/* HC_MEM_STAT: the VM's memory count WHICH (HV_MEM_*). */
static int32_t
hc_mem_stat (struct vcpu *vcpu, uint32_t which, uint32_t arg2 UNUSED,
             uint32_t arg3 UNUSED, enum exit_action *action UNUSED)
{
  return reclaim_stat (vcpu->vm, which);
}

/* The hypercalls, by number. */
static hypercall_func *const hypercalls[] =
  {
    [HC_NULL] = hc_null,
    [HC_CONSOLE_WRITE] = hc_console_write,
    [HC_EXIT] = hc_exit,
    [HC_YIELD] = hc_yield,
    [HC_TICKS] = hc_ticks,
    [HC_VCPU_UP] = hc_vcpu_up,
    [HC_IPI] = hc_ipi,
    [HC_YIELD_TO] = hc_yield_to,
    [HC_VCPU_STATS] = hc_vcpu_stats,
    [HC_BALLOON] = hc_balloon,
    [HC_MEM_STAT] = hc_mem_stat,
    [HC_HOST_TICKS] = hc_host_ticks,
  };

/* VMMCALL: EAX = hypercall number, EBX, ECX and EDX its arguments;
   the result goes to EAX.  A hypercall that answers EXIT_HOST
   has done nothing yet: the boot CPU handles the exit again. */
enum exit_action
exit_vmmcall (struct vcpu *vcpu)
{
  uint32_t nr = vcpu_get_reg (vcpu, REG_EAX);
  enum exit_action action = EXIT_RESUME;
  int32_t result = HC_ENOSYS;

  if (nr < sizeof hypercalls / sizeof *hypercalls && hypercalls[nr] != NULL)
    result = hypercalls[nr] (vcpu, vcpu_get_reg (vcpu, REG_EBX),
                             vcpu_get_reg (vcpu, REG_ECX),
                             vcpu_get_reg (vcpu, REG_EDX), &action);
  if (action == EXIT_HOST)
    return action;
  vcpu_set_reg (vcpu, REG_EAX, result);
  vcpu_skip_instruction (vcpu, VMMCALL_LENGTH);
  return action;
}
/* STUB:
enum exit_action
exit_vmmcall (struct vcpu *vcpu)
{
  return vm_fail (vcpu->vm, "VMMCALL exits are not handled yet");
}
*/
/* END LAB */
