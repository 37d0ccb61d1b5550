/* Ringlet inside Ringlet: an unmodified Ringlet kernel, loaded as a
   multiboot kernel, boots in a VM on the PC devices the hv emulates
   (PIC, PIT, UART, IDE, ...) and runs one of its own tests there.

   "nested-TEST" runs a kernel image with the command line in
   nested-TEST.cmd (made by tests/hv/Make.tests) and waits for it to
   power off: for a threads test, ringlet-threads.bin with "-q run
   TEST"; for a user-programs test, ringlet-userprog.bin with "-q -f
   extract run 'TEST ARGS'" and the disk nested-TEST.dsk as its hda,
   whose scratch partition holds TEST's program.  The guest's console
   lines reach the host's output marked with its name
   ("ringlet-threads| "); the checker (tests/hv/nested.pm) hands them
   to TEST's own checker, and checks here only what the host sees: how
   the VM ended and that every page came back. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

/* Guest RAM: what Ringlet's threads and user-programs tests get on a
   bare simulator. */
#define NESTED_RAM (4u << 20)

/* Runs kernel image IMAGE as a guest with the command line in file
   CMD_FILE and, if DISK is not null, the disk in that file of the
   scratch archive as its hda, and reports how it ended. */
static void
nested_run (const char *image, const char *cmd_file, const char *disk)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  struct vmctl_spec spec;
  void *buffer;
  char *line;

  size_t free_before = palloc_free_count ();
  if (vmctl_load (image, &spec, &buffer) != VMCTL_OK)
    fail ("cannot read kernel image %s", image);
  if (vmctl_load_cmdline (cmd_file, &line) != VMCTL_OK)
    fail ("cannot read command line %s", cmd_file);
  spec.cmdline = line;
  spec.ram_size = NESTED_RAM;
  spec.disk[0] = disk;
  int vm = vmctl_create (&spec);
  free (buffer);
  free (line);
  if (vm < 0)
    fail ("cannot create a VM for %s: %s", image, vmctl_strerror (vm));
  msg ("booting %s as a multiboot guest", image);
  if (vmctl_start (vm) != VMCTL_OK)
    fail ("cannot start the VM of %s", image);
  hvtest_finish (vm, image, &report);
  if (report.end == VMCTL_END_EXIT)
    msg ("the guest powered off with status %d", report.exit_code);
  hvtest_check_pages (free_before);
}

/* Registers nested test NAME, which runs the threads kernel's TEST. */
#define NESTED_TEST(ID, NAME)                                           \
  static void ID (void)                                                 \
  {                                                                     \
    nested_run ("ringlet-threads.bin", NAME ".cmd", NULL);              \
  }                                                                     \
  KTEST (NAME, ID)

NESTED_TEST (nested_alarm_multiple, "nested-alarm-multiple");
NESTED_TEST (nested_priority_donate_chain, "nested-priority-donate-chain");
NESTED_TEST (nested_mlfqs_load_1, "nested-mlfqs-load-1");

/* Registers nested test NAME, which runs the userprog kernel's TEST
   with its disk. */
#define NESTED_USERPROG_TEST(ID, NAME)                                  \
  static void ID (void)                                                 \
  {                                                                     \
    nested_run ("ringlet-userprog.bin", NAME ".cmd", NAME ".dsk");      \
  }                                                                     \
  KTEST (NAME, ID)

NESTED_USERPROG_TEST (nested_args_many, "nested-args-many");
NESTED_USERPROG_TEST (nested_multi_recurse, "nested-multi-recurse");
NESTED_USERPROG_TEST (nested_exec_once, "nested-exec-once");
NESTED_USERPROG_TEST (nested_wait_simple, "nested-wait-simple");

/* The hv kernel itself (with the hv built in) as a guest: SVM is
   hidden from it, so its hv refuses to load, with the usual message. */
static void
nested_hv_refused (void)
{
  nested_run ("ringlet-hv.bin", "nested-hv-refused.cmd", NULL);
}
KTEST ("nested-hv-refused", nested_hv_refused);
