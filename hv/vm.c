/* Virtual machines: creating one from a guest image (checking the
   image, since it comes from outside), handing it to the scheduler
   (hv/vsched.c), ending it (the guest exits, or the hv kills it),
   reporting and destroying it so that every page comes back, and the
   list of VMs that vmctl numbers refer to. */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* Every VM not yet destroyed, and its lock. */
static struct list vm_list;
static struct lock vm_list_lock;

/* Number the next VM gets. */
static int vm_next_id;

/* ASIDs in use: bit N set for ASID N.  ASID 0 is the host's. */
static uint64_t vm_asids;
_Static_assert (sizeof vm_asids * 8 >= SVM_ASID_MAX, "one bit per ASID");

/* Sets up the VM list.  Called by the hv's init. */
void
vm_init (void)
{
  list_init (&vm_list);
  lock_init (&vm_list_lock);
  vm_next_id = 1;
  vm_asids = 1;
}

/* Returns the VM numbered ID, or a null pointer.  The caller holds
   vm_list_lock. */
static struct vm *
vm_find (int id)
{
  for (struct list_elem *e = list_begin (&vm_list); e != list_end (&vm_list);
       e = list_next (e))
    {
      struct vm *vm = list_entry (e, struct vm, elem);
      if (vm->id == id)
        return vm;
    }
  return NULL;
}

/* Takes a free ASID for VM; false if none is left. */
static bool
vm_take_asid (struct vm *vm)
{
  for (uint32_t asid = 1; asid < svm_asid_limit (); asid++)
    if (!(vm_asids & (1ull << asid)))
      {
        vm_asids |= 1ull << asid;
        vm->asid = asid;
        return true;
      }
  return false;
}

/* Checks that guest image IMAGE of SIZE bytes fits a VM with RAM_SIZE
   bytes of RAM.  Returns a null pointer if so, else what is wrong. */
static const char *
vm_check_image (const void *image, size_t size, uint32_t ram_size)
{
  const struct hv_image_header *h = image;

  if (size < sizeof *h || h->magic != HV_IMAGE_MAGIC)
    return "not a guest image (no header)";
  if (h->load_addr >= ram_size || size > ram_size - h->load_addr)
    return "image does not fit in guest RAM";
  if (h->entry < h->load_addr || h->entry - h->load_addr >= size)
    return "entry point outside the image";
  if (h->stack_top > ram_size || h->stack_top < 4)
    return "stack outside guest RAM";
  if (h->bss_end > ram_size || h->bss_end < h->load_addr + size)
    return "memory end outside guest RAM or before the image end";
  return NULL;
}

/* Copies guest image IMAGE of SIZE bytes into VM's RAM at its load
   address.  Returns false if host memory runs out. */
static bool
vm_load_image (struct vm *vm, const void *image, size_t size)
{
  const struct hv_image_header *h = image;
  const uint8_t *src = image;

  for (size_t ofs = 0; ofs < size; )
    {
      uint32_t gpa = h->load_addr + ofs;
      size_t chunk = PGSIZE - pg_ofs ((void *) (uintptr_t) gpa);
      if (chunk > size - ofs)
        chunk = size - ofs;
      uint8_t *dst = npt_translate (vm, gpa);
      if (dst == NULL)
        return false;
      memcpy (dst, src + ofs, chunk);
      ofs += chunk;
    }
  return true;
}

/* Names VM after NAME, the guest image's file name, up to its first
   period ("hello.bin" makes "hello"). */
static void
vm_set_name (struct vm *vm, const char *name)
{
  if (name == NULL)
    name = "guest";
  size_t len = strcspn (name, ".");
  if (len > VMCTL_NAME_MAX)
    len = VMCTL_NAME_MAX;
  memcpy (vm->name, name, len);
  vm->name[len] = '\0';
}

/* Frees VM and everything it holds; safe on a partly built VM.  The
   caller holds vm_list_lock (for the ASID map). */
static void
vm_free (struct vm *vm)
{
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    if (vm->vcpus[i].vmcb != NULL)
      vcpu_destroy (&vm->vcpus[i]);
  npt_destroy (vm);
  if (!vm->quiet)
    reclaim_print_swap (vm);
  palloc_free_multiple (vm->iopm, IOPM_PAGES);
  palloc_free_multiple (vm->msrpm, MSRPM_PAGES);
  if (vm->asid != 0)
    vm_asids &= ~(1ull << vm->asid);
  free (vm->stats);
  vdev_pc_destroy (vm);
  free (vm->image);
  free (vm->file);
  free (vm->cmdline);
  free (vm);
}

/* Loads IMAGE of SIZE bytes (the hv's own format, or a multiboot
   kernel read from FILE, with arguments CMDLINE) into VM's RAM and
   starts VCPU 0 at its entry.  Returns false if host memory runs
   out. */
static bool
vm_boot (struct vm *vm, const void *image, size_t size, const char *file,
         const char *cmdline)
{
  const struct hv_image_header *h = image;
  if (h->magic != HV_IMAGE_MAGIC)
    return multiboot_load (vm, image, size, file, cmdline);
  if (!vm_load_image (vm, image, size))
    return false;
  vcpu_start (&vm->vcpus[0], h->entry, h->stack_top);
  return true;
}

/* Restarts VM, whose guest asked for a reset (hv/vdev/kbc.c) in the
   exit VCPU, its only VCPU, just had: its RAM is dropped (a fresh
   nested table: every page reads as zeros again), its devices are
   reset, its image is loaded again and VCPU 0 starts over, as after
   a PC's reset button.  Called on the boot CPU at the end of that
   exit. */
void
vm_restart (struct vcpu *vcpu)
{
  struct vm *vm = vcpu->vm;
  struct vmcb_control *c = &vcpu->vmcb->control;

  vm->restart_pending = false;
  vm->restarts_left--;
  vdev_console_flush (vm);
  if (!vm->quiet)
    printf ("hv: vm %d '%s': reset requested: restarting (%u more "
            "restart%s allowed)\n", vm->id, vm->name, vm->restarts_left,
            vm->restarts_left == 1 ? "" : "s");
  npt_destroy (vm);
  if (!npt_create (vm))
    {
      vm_fail (vm, "out of host memory to restart it");
      return;
    }
  c->n_cr3 = vtop (vm->npt);
  c->event_inj = 0;
  c->int_ctl &= ~V_IRQ;
  c->intercept_misc1 &= ~INTERCEPT_VINTR;
  vcpu->pic_offered = vcpu->pic_redeliver = -1;
  memset (vcpu->dr, 0, sizeof vcpu->dr);
  vcpu->dr7 = 0;
  vm_flush_tlbs (vm);
  vdev_pc_reset (vm);
  if (!vm_boot (vm, vm->image, vm->image_size, vm->file, vm->cmdline))
    vm_fail (vm, "out of host memory to restart it");
}

/* Breaks VM's VMCB as FLAW asks, for the tests of VMRUN's checks. */
static void
vm_apply_flaw (struct vm *vm, enum vmctl_flaw flaw)
{
  struct vmcb *vmcb = vm->vcpus[0].vmcb;
  if (flaw == VMCTL_FLAW_ASID_ZERO)
    vmcb->control.asid = 0;
  else if (flaw == VMCTL_FLAW_NO_VMRUN_INTERCEPT)
    vmcb->control.intercept_misc2 &= ~INTERCEPT2_VMRUN;
  else if (flaw == VMCTL_FLAW_NO_SVME)
    vmcb->save.efer &= ~(uint64_t) EFER_SVME;
  else if (flaw == VMCTL_FLAW_UNHANDLED_EXIT)
    vmcb->control.intercept_misc1 |= INTERCEPT_RDPMC;
}

/* Allocates VM's memory, tables and permission maps, loads SPEC's
   image (the hv's own format, or a multiboot kernel; none for a VM
   whose state is copied in later) and sets up its VCPUs, VCPU 0 ready
   to start.  Returns a null pointer on success,
   else what went wrong, with the vmctl status in *STATUS. */
static const char *
vm_build (struct vm *vm, const struct vmctl_spec *spec, int *status)
{
  const void *image = spec->image;
  size_t size = spec->image_size;

  vm->stats = calloc (1, sizeof *vm->stats);
  bool have_npt = npt_create (vm);
  vm->iopm = palloc_get_multiple (0, IOPM_PAGES);
  vm->msrpm = palloc_get_multiple (0, MSRPM_PAGES);
  if (vm->stats == NULL || !have_npt || vm->iopm == NULL
      || vm->msrpm == NULL)
    goto no_memory;
  memset (vm->iopm, 0xff, IOPM_PAGES * PGSIZE);
  msr_init_permissions (vm->msrpm);

  lock_acquire (&vm_list_lock);
  bool have_asid = vm_take_asid (vm);
  lock_release (&vm_list_lock);
  if (!have_asid)
    {
      *status = VMCTL_EBUSY;
      return "no free ASID: too many VMs at once";
    }
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    if (!vcpu_init (&vm->vcpus[i], vm, i))
      goto no_memory;
  if (image == NULL)
    return NULL;              /* A copy's or a restore's: filled later. */
  if (!vm_boot (vm, image, size, spec->name != NULL ? spec->name : "kernel",
                spec->cmdline))
    goto no_memory;

  /* A VM that may restart keeps what it needs to boot again. */
  vm->restarts_left = spec->restarts;
  if (spec->restarts > 0)
    {
      const char *file = spec->name != NULL ? spec->name : "kernel";
      vm->image = malloc (size);
      vm->file = malloc (strlen (file) + 1);
      vm->cmdline = spec->cmdline != NULL ? malloc (strlen (spec->cmdline) + 1)
                                          : NULL;
      if (vm->image == NULL || vm->file == NULL
          || (spec->cmdline != NULL && vm->cmdline == NULL))
        goto no_memory;
      memcpy (vm->image, image, size);
      vm->image_size = size;
      strlcpy (vm->file, file, strlen (file) + 1);
      if (spec->cmdline != NULL)
        strlcpy (vm->cmdline, spec->cmdline, strlen (spec->cmdline) + 1);
    }
  return NULL;

 no_memory:
  *status = VMCTL_ENOMEM;
  return "out of memory";
}

/* Checks SPEC's settings other than the image for a VM of RAM bytes.
   Returns a null pointer if they are fine, else what is wrong. */
static const char *
vm_check_config (const struct vmctl_spec *spec, uint32_t ram)
{
  if (ram > HV_GUEST_RAM_MAX)
    return "more RAM than a VM may have";
  if (spec->vcpus > HV_VCPU_MAX)
    return "more VCPUs than a VM may have";
  if (spec->restarts > 0 && spec->vcpus > 1)
    return "only a VM of one VCPU can restart on a reset";
  if (spec->tdf > VMCTL_TDF_MAX)
    return "time dilation factor out of range";
  if (spec->weight > VMCTL_WEIGHT_MAX)
    return "weight out of range";
  if (spec->cap > 100 * (spec->vcpus != 0 ? spec->vcpus : 1))
    return "cap above 100% per VCPU";
  return NULL;
}

/* Checks SPEC's settings and its image for a VM of RAM bytes.
   Returns a null pointer if they are fine, else what is wrong. */
static const char *
vm_check_spec (const struct vmctl_spec *spec, uint32_t ram)
{
  const char *problem = vm_check_config (spec, ram);
  if (problem != NULL)
    return problem;
  const struct hv_image_header *h = spec->image;
  if (spec->image_size >= sizeof *h && h->magic == HV_IMAGE_MAGIC)
    return spec->cmdline != NULL
           ? "a command line is for multiboot kernels only"
           : vm_check_image (spec->image, spec->image_size, ram);
  if (multiboot_is_kernel (spec->image, spec->image_size))
    return multiboot_check (spec->image, spec->image_size, ram, spec->cmdline);
  return "not a guest image: neither the hv's image header nor a multiboot "
         "header in its first 8 KiB";
}

/* Makes a VM as SPEC says and adds it to the list: with SPEC's image
   loaded, ready to start, or, if SPEC has no image, empty and claimed
   (for vm_create_like and restores).  Returns it, or a null pointer
   and *STATUS after saying why: printed, or in WHY if it is not
   null. */
struct vm *
vm_make (const struct vmctl_spec *spec, int *status, char *why,
         size_t why_size)
{
  uint32_t ram = spec->ram_size != 0 ? spec->ram_size : HV_GUEST_RAM_DEFAULT;
  ram = (ram + PGSIZE - 1) & ~PGMASK;
  const char *problem = (spec->image != NULL ? vm_check_spec (spec, ram)
                         : vm_check_config (spec, ram));
  *status = VMCTL_EINVAL;
  if (problem != NULL)
    {
      if (why != NULL)
        strlcpy (why, problem, why_size);
      else
        printf ("hv: cannot create VM '%s': %s\n", spec->name, problem);
      return NULL;
    }

  struct vm *vm = calloc (1, sizeof *vm);
  *status = VMCTL_ENOMEM;
  if (vm == NULL)
    {
      if (why != NULL)
        strlcpy (why, "out of memory", why_size);
      return NULL;
    }
  vm_set_name (vm, spec->name);
  vm->ram_size = ram;
  vm->budget = spec->budget;
  vm->trace = spec->trace;
  vm->quiet = spec->quiet;
  vm->vcpu_cnt = spec->vcpus != 0 ? spec->vcpus : 1;
  vm->shadow_paging = (spec->paging != VMCTL_PAGING_DEFAULT ? spec->paging
                       : vmctl_default_paging) == VMCTL_PAGING_SHADOW;
  vm->sched.weight = spec->weight != 0 ? spec->weight : VMCTL_WEIGHT_DEFAULT;
  vm->sched.cap = spec->cap;
  vm->tdf = spec->tdf != 0 ? spec->tdf : 1;
  sema_init (&vm->done, 0);
  vdev_pc_init (vm);
  int failure = VMCTL_EINVAL;
  char disk_problem[VDEV_IDE_WHY_MAX];
  problem = vdev_ide_attach (vm, spec, disk_problem, sizeof disk_problem);
  if (problem == NULL)
    problem = vm_build (vm, spec, &failure);
  if (problem != NULL)
    {
      if (why != NULL)
        strlcpy (why, problem, why_size);
      else
        printf ("hv: cannot create VM '%s': %s\n", vm->name, problem);
      lock_acquire (&vm_list_lock);
      vm_free (vm);
      lock_release (&vm_list_lock);
      *status = failure;
      return NULL;
    }
  vm_apply_flaw (vm, spec->flaw);

  lock_acquire (&vm_list_lock);
  vm->id = vm_next_id++;
  vm->claimed = spec->image == NULL;
  list_push_back (&vm_list, &vm->elem);
  lock_release (&vm_list_lock);
  return vm;
}

/* Creates a VM as SPEC says, ready to start.  Returns its number, or
   a negative status after printing why. */
int
vm_create (const struct vmctl_spec *spec)
{
  if (spec->image == NULL)
    return VMCTL_EINVAL;
  int status;
  struct vm *vm = vm_make (spec, &status, NULL, 0);
  return vm != NULL ? vm->id : status;
}

/* Prints how VM ended, its exit statistics, its shadow pager's (if it
   has one), its scheduling statistics and its disks' statistics. */
static void
vm_print_end (const struct vm *vm)
{
  if (vm->end == VMCTL_END_EXIT)
    printf ("%s: exit(%d)\n", vm->name, vm->exit_code);
  else if (vm->end == VMCTL_END_MIGRATED)
    printf ("hv: vm %d '%s' migrated: vm %d runs on in its place\n",
            vm->id, vm->name, vm->migrated_to);
  else
    printf ("hv: vm %d '%s' killed: %s\n", vm->id, vm->name, vm->why);
  exit_print_stats (vm);
  shadow_print_stats (vm);
  vsched_print_stats (vm);
  vdev_ide_print_stats (vm);
  reclaim_print_stats (vm);
}

/* Called by the scheduler once every VCPU of VM has stopped: prints
   what is left of its console output and how it ended, and lets
   vm_wait have it.  The scheduler does not touch VM afterwards. */
void
vm_finish (struct vm *vm)
{
  vdev_console_flush (vm);
  if (!vm->quiet)
    vm_print_end (vm);
  sema_up (&vm->done);
}

/* Starts VM number ID: the scheduler runs its VCPU 0 from now on. */
int
vm_start (int id)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  int status = vm == NULL ? VMCTL_ENOVM : vm->started ? VMCTL_EBUSY : VMCTL_OK;
  if (status == VMCTL_OK)
    {
      vm->start_tsc = rdtsc ();
      vm->started = true;
      vm->start_tick = timer_ticks ();
      vsched_start_vm (vm);
    }
  lock_release (&vm_list_lock);
  return status;
}

/* Makes every VCPU of VM flush its TLB entries before it next runs:
   VM's nested page table changed. */
void
vm_flush_tlbs (struct vm *vm)
{
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    vm->vcpus[i].flush_tlb = true;
}

/* Fills in REPORT from ended VM. */
static void
vm_fill_report (const struct vm *vm, struct vmctl_report *report)
{
  memset (report, 0, sizeof *report);
  report->end = vm->end;
  report->exit_code = vm->exit_code;
  report->migrated_to = vm->migrated_to;
  strlcpy (report->why, vm->why, sizeof report->why);
  report->guest_cycles = vm_run_cycles (vm);
  vsched_fill_stats (vm, &report->sched);
  report->guest_pages = vm->ram_pages;
  exit_fill_report (vm, report);
}

/* Waits for VM number ID to end, stores its report in REPORT (if
   not null) and destroys it.  A VM never started ends unrun. */
int
vm_wait (int id, struct vmctl_report *report)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  int status = vm == NULL ? VMCTL_ENOVM : vm->waited ? VMCTL_EBUSY : VMCTL_OK;
  if (status == VMCTL_OK)
    vm->waited = true;
  lock_release (&vm_list_lock);
  if (status != VMCTL_OK)
    return status;

  if (vm->started)
    sema_down (&vm->done);
  else
    vm_fail (vm, "never started");
  /* Whoever copies, saves or migrates it finishes first. */
  while (__atomic_load_n (&vm->claimed, __ATOMIC_ACQUIRE))
    timer_sleep (1);
  if (report != NULL)
    vm_fill_report (vm, report);

  lock_acquire (&vm_list_lock);
  list_remove (&vm->elem);
  vm_free (vm);
  lock_release (&vm_list_lock);
  return VMCTL_OK;
}

/* Asks VM number ID to stop at its next exit. */
int
vm_kill (int id)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  if (vm != NULL)
    vm->kill_requested = true;
  lock_release (&vm_list_lock);
  return vm != NULL ? VMCTL_OK : VMCTL_ENOVM;
}

/* Sets VM number ID's weight and cap (-1 leaves one as it is). */
int
vm_set_sched (int id, int weight, int cap)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  int status = vm != NULL ? vsched_set (vm, weight, cap) : VMCTL_ENOVM;
  lock_release (&vm_list_lock);
  return status;
}

/* Lets VCPU number VCPU of VM number ID run only on physical CPU CPU
   (-1: on any). */
int
vm_pin (int id, unsigned vcpu, int cpu)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  int status = vm != NULL ? vsched_pin (vm, vcpu, cpu) : VMCTL_ENOVM;
  lock_release (&vm_list_lock);
  return status;
}

/* Stores in OUT where VCPU number VCPU of VM number ID ran. */
int
vm_vcpu_cpus (int id, unsigned vcpu, struct vmctl_vcpu_cpus *out)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  int status = vm != NULL ? vsched_vcpu_cpus (vm, vcpu, out) : VMCTL_ENOVM;
  lock_release (&vm_list_lock);
  return status;
}

/* Stores VM number ID's scheduling parameters and statistics in
   SCHED. */
int
vm_sched (int id, struct vmctl_sched *sched)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  if (vm != NULL)
    vsched_fill_stats (vm, sched);
  lock_release (&vm_list_lock);
  return vm != NULL ? VMCTL_OK : VMCTL_ENOVM;
}

/* Stops and destroys every VM, for the hv's exit: VMs nobody waits
   for are reaped here, the others by their waiters. */
void
vm_shutdown_all (void)
{
  for (;;)
    {
      int reap = -1;
      bool any = false;
      lock_acquire (&vm_list_lock);
      for (struct list_elem *e = list_begin (&vm_list);
           e != list_end (&vm_list); e = list_next (e))
        {
          struct vm *vm = list_entry (e, struct vm, elem);
          vm->kill_requested = true;
          any = true;
          if (!vm->waited)
            reap = vm->id;
        }
      lock_release (&vm_list_lock);
      if (!any)
        return;
      if (reap >= 0)
        vm_wait (reap, NULL);
      else
        timer_sleep (1);
    }
}

/* Returns true if the caller is the first to end VM: VCPUs on
   different CPUs may end it at once, and only the first one's reason
   counts.  The caller fills in how it ended, then sets ENDED. */
static bool
vm_claim_end (struct vm *vm)
{
  return __atomic_exchange_n (&vm->end_claimed, true, __ATOMIC_ACQ_REL) == false;
}

/* Records that VM ended with exit code CODE (unless it had already
   ended) and returns EXIT_STOP, for exit handlers to return.  Any CPU. */
enum exit_action
vm_exit (struct vm *vm, int code)
{
  if (vm_claim_end (vm))
    {
      vm->end = VMCTL_END_EXIT;
      vm->exit_code = code;
      __atomic_store_n (&vm->ended, true, __ATOMIC_RELEASE);
    }
  return EXIT_STOP;
}

/* Records that the hv killed VM because of FORMAT, formatted like
   printf (unless it had already ended), and returns EXIT_STOP.  Any
   CPU: it only records; the boot CPU prints as the VM ends. */
enum exit_action
vm_fail (struct vm *vm, const char *format, ...)
{
  if (vm_claim_end (vm))
    {
      va_list args;
      va_start (args, format);
      vsnprintf (vm->why, sizeof vm->why, format, args);
      va_end (args);
      vm->end = VMCTL_END_KILLED;
      __atomic_store_n (&vm->ended, true, __ATOMIC_RELEASE);
    }
  return EXIT_STOP;
}

/* Claims VM number ID for a long operation (hv/hv.h): returns it, or a
   null pointer with *STATUS VMCTL_ENOVM (none, or it has ended) or
   VMCTL_EBUSY (claimed already). */
struct vm *
vm_claim (int id, int *status)
{
  lock_acquire (&vm_list_lock);
  struct vm *vm = vm_find (id);
  if (vm == NULL || vm->ended)
    {
      *status = VMCTL_ENOVM;
      vm = NULL;
    }
  else if (vm->claimed)
    {
      *status = VMCTL_EBUSY;
      vm = NULL;
    }
  else
    vm->claimed = true;
  lock_release (&vm_list_lock);
  return vm;
}

/* Gives up the claim on VM. */
void
vm_release (struct vm *vm)
{
  __atomic_store_n (&vm->claimed, false, __ATOMIC_RELEASE);
}

/* Destroys VM, claimed and never started (a copy that failed half-way),
   returning every page it has. */
void
vm_discard (struct vm *vm)
{
  ASSERT (!vm->started);
  lock_acquire (&vm_list_lock);
  list_remove (&vm->elem);
  vm_free (vm);
  lock_release (&vm_list_lock);
}

/* Makes a VM with SRC's configuration and no memory (hv/hv.h). */
struct vm *
vm_create_like (const struct vm *src, const char *name, int *status,
                char *why, size_t why_size)
{
  struct vmctl_spec spec;
  memset (&spec, 0, sizeof spec);
  spec.name = name != NULL ? name : src->name;
  spec.ram_size = src->ram_size;
  spec.budget = src->budget;
  spec.quiet = src->quiet;
  spec.vcpus = src->vcpu_cnt;
  spec.weight = src->sched.weight;
  spec.cap = src->sched.cap;
  spec.paging = src->shadow_paging ? VMCTL_PAGING_SHADOW : VMCTL_PAGING_NPT;
  spec.tdf = src->tdf;
  for (unsigned d = 0; d < VMCTL_DISK_MAX; d++)
    {
      const struct vdev_ide_drive *drive
        = &src->ide.channel[d / VDEV_IDE_UNITS].drive[d % VDEV_IDE_UNITS];
      if (drive->present)
        spec.disk[d] = drive->file;
    }
  struct vm *vm = vm_make (&spec, status, why, why_size);
  if (vm != NULL)
    vm->console_prefix = src->console_prefix;
  return vm;
}

/* Returns where VM is in its life.  vm_list_lock held. */
static enum vmctl_state
vm_state (const struct vm *vm)
{
  if (vm->ended)
    return VMCTL_STATE_ENDED;
  if (!vm->started)
    return VMCTL_STATE_CREATED;
  return vm->sched.paused ? VMCTL_STATE_PAUSED : VMCTL_STATE_RUNNING;
}

/* Stores up to MAX VMs in INFO, oldest first, and returns how many VMs
   there are. */
int
vm_list_info (struct vmctl_info *info, unsigned max)
{
  int cnt = 0;
  lock_acquire (&vm_list_lock);
  for (struct list_elem *e = list_begin (&vm_list); e != list_end (&vm_list);
       e = list_next (e), cnt++)
    {
      const struct vm *vm = list_entry (e, struct vm, elem);
      if ((unsigned) cnt >= max)
        continue;
      struct vmctl_info *in = &info[cnt];
      memset (in, 0, sizeof *in);
      in->id = vm->id;
      strlcpy (in->name, vm->name, sizeof in->name);
      in->state = vm_state (vm);
      in->vcpus = vm->vcpu_cnt;
      in->weight = vm->sched.weight;
      in->cap = vm->sched.cap;
      in->run_us = vsched_cycles_to_us (vm_run_cycles (vm));
      for (unsigned slot = 0; slot < EXIT_SLOT_CNT; slot++)
        in->exits += vm->stats->count[slot];
      in->ram_kb = vm->ram_size / 1024;
      in->resident_kb = vm->ram_pages * (PGSIZE / 1024);
      in->tdf = vm->tdf;
      in->shadow = vm->shadow_paging;
    }
  lock_release (&vm_list_lock);
  return cnt;
}

/* Pauses claimed VM (hv/hv.h): returns once none of its VCPUs is in
   the guest or in an exit. */
int
vm_pause_vm (struct vm *vm)
{
  if (!vm->started || vm->ended)
    return VMCTL_ESTATE;
  if (vm->sched.paused)
    return VMCTL_EPAUSED;
  while (!vsched_pause_vm (vm))
    timer_sleep (1);
  vdev_console_flush (vm);
  return vm->ended ? VMCTL_ESTATE : VMCTL_OK;
}

/* Sets the clocks of VM, restored and about to start, so that they go
   on from the values saved with its state. */
static void
vm_set_clocks (struct vm *vm)
{
  int64_t now = timer_ticks ();
  vdev_set_host_ns (vm, vm->saved_ns);
  vm->start_tick = now - vm->saved_ticks;
  for (unsigned i = 0; i < vm->vcpu_cnt; i++)
    vm->vcpus[i].vtimer.next += now;
  vm->started = true;
  msr_set_guest_tsc (vm, vm->saved_tsc);
}

/* Runs claimed VM again: a paused one goes on, one never started
   starts, where its copied state says if it was restored. */
int
vm_resume_vm (struct vm *vm)
{
  if (vm->ended)
    return VMCTL_ESTATE;
  if (!vm->started && vm->restored)
    {
      vm_set_clocks (vm);
      vsched_start_paused_vm (vm);
      vsched_resume_vm (vm);
      return VMCTL_OK;
    }
  if (!vm->started)
    {
      vm->start_tsc = rdtsc ();
      vm->started = true;
      vm->start_tick = timer_ticks ();
      vsched_start_vm (vm);
      return VMCTL_OK;
    }
  if (!vm->sched.paused)
    return VMCTL_ENOTPAUSED;
  vsched_resume_vm (vm);
  return VMCTL_OK;
}

/* Ends paused SRC, which DST (number TO) continues (hv/hv.h). */
void
vm_end_migrated (struct vm *src, int to)
{
  if (vm_claim_end (src))
    {
      src->end = VMCTL_END_MIGRATED;
      src->migrated_to = to;
      __atomic_store_n (&src->ended, true, __ATOMIC_RELEASE);
    }
}

/* The vmctl operations PAUSE and RESUME. */
int
vm_pause (int id)
{
  int status;
  struct vm *vm = vm_claim (id, &status);
  if (vm == NULL)
    return status;
  status = vm_pause_vm (vm);
  vm_release (vm);
  return status;
}

int
vm_resume (int id)
{
  int status;
  struct vm *vm = vm_claim (id, &status);
  if (vm == NULL)
    return status;
  status = vm_resume_vm (vm);
  vm_release (vm);
  return status;
}
