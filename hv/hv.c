/* The hv module's entry and exit: turning SVM on, registering the VM
   operations with the kernel (threads/vmctl.h), and undoing both on
   "rmmod hv".  The same file serves the loadable hv.ko and the
   built-in hv; see threads/module.h. */

#include <stdio.h>
#include "hv/hv.h"
#include "hv/smp.h"
#include "threads/interrupt.h"
#include "threads/module.h"

/* What the hv offers the kernel. */
static const struct vmctl_ops hv_vmctl_ops =
  {
    .create = vm_create,
    .start = vm_start,
    .wait = vm_wait,
    .kill = vm_kill,
    .set_sched = vm_set_sched,
    .sched = vm_sched,
    .pin = vm_pin,
    .pcpus = vsched_pcpu_stats,
    .vcpu_cpus = vm_vcpu_cpus,
    .list = vm_list_info,
    .pause = vm_pause,
    .resume = vm_resume,
    .save_size = vm_save_size,
    .save = vm_save,
    .restore = vm_restore,
    .clone = vm_clone,
    .migrate = vm_migrate,
  };

/* Module init: refuses to load, saying why, on a CPU without SVM or
   nested paging. */
static int
hv_init (void)
{
  const char *problem = fpu_enable ();
  if (problem == NULL)
    problem = svm_enable ();
  if (problem != NULL)
    {
      printf ("hv: not loading: %s\n", problem);
      return -1;
    }
  enum intr_level old_level = intr_disable ();
  if (!vmctl_watchdog_arm (false))
    printf ("hv: no I/O APIC, so no NMI watchdog: on Bochs, a guest that "
            "enters with interrupts masked and spins cannot be stopped\n");
  intr_set_level (old_level);
  vm_init ();
  smp_start_all ();
  smp_self_test ();
  if (!vsched_init ())
    {
      printf ("hv: not loading: no memory for the scheduler's thread\n");
      smp_park_all ();
      svm_disable ();
      return -1;
    }
  vmctl_register (&hv_vmctl_ops);
  return 0;
}

/* Module exit: withdraws the VM operations, stops every VM and turns
   SVM off again. */
static void
hv_exit (void)
{
  vmctl_unregister (&hv_vmctl_ops);
  vm_shutdown_all ();
  vsched_shutdown ();
  smp_park_all ();
  svm_disable ();
  printf ("hv: SVM off\n");
}

MODULE_INFO ("hv", hv_init, hv_exit);
