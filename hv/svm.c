/* SVM on this CPU: finding out whether the CPU has it (and nested
   paging), turning it on -- EFER.SVME and the host save area VMRUN
   stores the host's state in -- and off again, and the features the
   rest of the hv asks about. */

#include <inttypes.h>
#include <stdio.h>
#include "hv/hv.h"
#include "hv/smp.h"
#include "threads/cpu.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

/* CPUID leaves and bits (AMD APM vol. 3, appendix E). */
#define CPUID_EXT_MAX        0x80000000u /* EAX: highest extended leaf. */
#define CPUID_EXT_FEATURES   0x80000001u /* ECX bit 2: SVM. */
#define CPUID_EXT_ECX_SVM    (1u << 2)
#define CPUID_SVM_FEATURES   0x8000000au /* EBX: ASIDs; EDX: features. */
#define CPUID_SVM_EDX_NP     (1u << 0)   /* Nested paging. */
#define CPUID_SVM_EDX_NRIPS  (1u << 3)   /* nRIP saved on #VMEXIT. */

/* VM_CR bits. */
#define VM_CR_SVMDIS (1u << 4)           /* SVM disabled by firmware. */

static uint32_t svm_nrip;                /* CPU saves nRIP. */
static uint32_t svm_asids;               /* ASIDs usable, the host's 0 included. */
static void *svm_hsave;                  /* Host save area (VM_HSAVE_PA). */
static void *svm_host_state;             /* Host state for VMSAVE/VMLOAD. */

/* Returns a reason this CPU cannot run the hv, or a null pointer if
   it has SVM with nested paging, enabled by the firmware. */
const char *
svm_check_cpu (void)
{
  if (cpuid (CPUID_EXT_MAX, 0).eax < CPUID_SVM_FEATURES
      || !(cpuid (CPUID_EXT_FEATURES, 0).ecx & CPUID_EXT_ECX_SVM))
    return "this CPU has no SVM (AMD-V): CPUID 8000_0001 ECX bit 2 is clear";
  if (rdmsr (MSR_VM_CR) & VM_CR_SVMDIS)
    return "SVM is disabled by the firmware (VM_CR.SVMDIS is set)";
  struct cpuid_regs svm = cpuid (CPUID_SVM_FEATURES, 0);
  if (!(svm.edx & CPUID_SVM_EDX_NP))
    return "this CPU has SVM but no nested paging: CPUID 8000_000A EDX bit 0 is clear";
  if (svm.ebx < 2)
    return "this CPU reports no guest ASIDs (CPUID 8000_000A EBX)";
  svm_nrip = svm.edx & CPUID_SVM_EDX_NRIPS;
  svm_asids = svm.ebx < SVM_ASID_MAX ? svm.ebx : SVM_ASID_MAX;
  return NULL;
}

/* Sets EFER.SVME on the CPU that calls it, with the page HSAVE as
   its host save area (VM_HSAVE_PA), where VMRUN keeps the host's
   state while a guest runs: each CPU needs its own.  The CPU must
   have passed svm_check_cpu (). */
void
svm_cpu_on (void *hsave)
{
  wrmsr (MSR_VM_HSAVE_PA, vtop (hsave));
  wrmsr (MSR_EFER, rdmsr (MSR_EFER) | EFER_SVME);
}

/* Clears EFER.SVME and VM_HSAVE_PA on the CPU that calls it.  No guest
   may be running on it. */
void
svm_cpu_off (void)
{
  wrmsr (MSR_EFER, rdmsr (MSR_EFER) & ~(uint64_t) EFER_SVME);
  wrmsr (MSR_VM_HSAVE_PA, 0);
}

/* Turns SVM on: checks the CPU, allocates the host save area and the
   host-state page, points VM_HSAVE_PA at the first and sets
   EFER.SVME.  Returns a null pointer on success, else (having
   changed nothing) a message saying why the hv cannot run. */
const char *
svm_enable (void)
{
  const char *problem = svm_check_cpu ();
  if (problem != NULL)
    return problem;

  svm_hsave = palloc_get_page (PAL_ZERO);
  svm_host_state = palloc_get_page (PAL_ZERO);
  if (svm_hsave == NULL || svm_host_state == NULL)
    {
      svm_disable ();
      return "out of memory for the host save area";
    }
  svm_cpu_on (svm_hsave);
  printf ("hv: SVM on: %"PRIu32" ASIDs, nRIP save %s, nested paging\n",
          svm_asids - 1, svm_nrip ? "yes" : "no");
  return NULL;
}

/* Turns SVM off and frees what svm_enable allocated.  No guest may be
   running. */
void
svm_disable (void)
{
  svm_cpu_off ();
  palloc_free_page (svm_hsave);
  palloc_free_page (svm_host_state);
  svm_hsave = svm_host_state = NULL;
}

/* Returns true if #VMEXIT stores the next instruction's address in
   the VMCB's nRIP field (Bochs's ryzen does, QEMU's TCG does not). */
bool
svm_has_nrip (void)
{
  return svm_nrip != 0;
}

/* Returns one more than the highest ASID a guest may use. */
uint32_t
svm_asid_limit (void)
{
  return svm_asids;
}

/* Returns the physical address of the page the world switch saves
   the host's VMSAVE state in. */
uint32_t
svm_host_vmcb (void)
{
  return vtop (svm_host_state);
}
