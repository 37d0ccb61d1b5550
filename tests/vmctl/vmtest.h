/* Helpers of the vmctl tests, user programs that drive VMs through
   the vmctl system call (lib/vmctl-abi.h): each helper fails the test
   with a clear message when the kernel does not do what it should. */
#ifndef TESTS_VMCTL_VMTEST_H
#define TESTS_VMCTL_VMTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <vmctl-abi.h>

/* The hypervisor module and the guest images, in the file system. */
#define VT_HV "hv.ko"
#define VT_TICKER "ticker.bin"
#define VT_SPIN "guest-spin.bin"
#define VT_HELLO "hello.bin"

void vt_insmod (void);
int vt_run (const char *image);
int vt_run_with (struct vmc_run *);
bool vt_find (int vm, struct vmc_info *);
uint64_t vt_exits (int vm);
void vt_wait_exits (int vm, uint64_t exits);
void vt_progress (int vm);
void vt_spin (unsigned rounds);
void vt_expect (int status, int wanted, const char *what);
void vt_kill (int vm);
void vt_wait_gone (int vm);
size_t vt_free_pages (size_t before);
void vt_check_migration (const struct vmc_migrate *);
int vt_migrate (int vm, struct vmc_migrate *);
const char *vt_status_name (int status);

#endif /* tests/vmctl/vmtest.h */
