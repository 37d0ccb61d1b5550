/* VMMCALL exits: the hypercalls a paravirtual guest makes (numbers
   and arguments in hv/abi.h).  Each hypercall is one function in the
   table below; an unknown number returns HC_ENOSYS to the guest. */

#include "hv/hv.h"
#include "threads/thread.h"

/* Length of VMMCALL (0F 01 D9). */
#define VMMCALL_LENGTH 3

/* Bytes of a console write copied out of the guest at a time. */
#define HC_CHUNK 64

/* A hypercall: takes the guest's EBX and ECX, returns the value for
   its EAX, and may end the VM through *ACTION. */
typedef int32_t hypercall_func (struct vcpu *, uint32_t arg1, uint32_t arg2,
                                enum exit_action *action);

/* LAB hv: hypercalls */
/* HC_NULL: nothing at all, the cost of the round trip alone. */
static int32_t
hc_null (struct vcpu *vcpu UNUSED, uint32_t arg1 UNUSED,
         uint32_t arg2 UNUSED, enum exit_action *action UNUSED)
{
  return 0;
}

/* HC_CONSOLE_WRITE: prints SIZE bytes at guest-linear BUFFER. */
static int32_t
hc_console_write (struct vcpu *vcpu, uint32_t buffer, uint32_t size,
                  enum exit_action *action UNUSED)
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
         enum exit_action *action)
{
  *action = vm_exit (vcpu->vm, code);
  return 0;
}

/* HC_YIELD: lets other host threads (and VMs) run first. */
static int32_t
hc_yield (struct vcpu *vcpu UNUSED, uint32_t arg1 UNUSED,
          uint32_t arg2 UNUSED, enum exit_action *action UNUSED)
{
  thread_yield ();
  return 0;
}

/* HC_TICKS: the VM's age in ticks. */
static int32_t
hc_ticks (struct vcpu *vcpu, uint32_t arg1 UNUSED, uint32_t arg2 UNUSED,
          enum exit_action *action UNUSED)
{
  return vdev_vtimer_now (vcpu->vm);
}

/* The hypercalls, by number. */
static hypercall_func *const hypercalls[] =
  {
    [HC_NULL] = hc_null,
    [HC_CONSOLE_WRITE] = hc_console_write,
    [HC_EXIT] = hc_exit,
    [HC_YIELD] = hc_yield,
    [HC_TICKS] = hc_ticks,
  };

/* VMMCALL: EAX = hypercall number, EBX and ECX its arguments; the
   result goes to EAX. */
enum exit_action
exit_vmmcall (struct vcpu *vcpu)
{
  uint32_t nr = vcpu_get_reg (vcpu, REG_EAX);
  enum exit_action action = EXIT_RESUME;
  int32_t result = HC_ENOSYS;

  if (nr < sizeof hypercalls / sizeof *hypercalls && hypercalls[nr] != NULL)
    result = hypercalls[nr] (vcpu, vcpu_get_reg (vcpu, REG_EBX),
                             vcpu_get_reg (vcpu, REG_ECX), &action);
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
