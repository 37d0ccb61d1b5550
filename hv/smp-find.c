/* Finding the CPUs: the firmware's MP configuration table (Intel
   MultiProcessor Specification 1.4, chapter 4), which both SeaBIOS
   (QEMU) and Bochs's BIOS build, lists one entry per processor with
   its local APIC ID and whether it is usable. */

#include "hv/smp.h"
#include <string.h>
#include <stdio.h>
#include "threads/vaddr.h"

/* The MP floating pointer: "_MP_", found on a 16-byte boundary. */
#define MPFP_LEN          16
#define MPFP_CONFIG       4     /* uint32: physical address of the table. */
/* The configuration table: "PCMP", its header, then its entries. */
#define MPC_LEN           4     /* uint16: bytes of the base table. */
#define MPC_ENTRY_CNT     34    /* uint16: entries. */
#define MPC_HEADER_LEN    44
#define MPC_PROCESSOR     0     /* Entry type; 20 bytes. */
#define MPC_PROCESSOR_LEN 20
#define MPC_OTHER_LEN     8     /* Every other base entry type. */
#define MPC_CPU_APIC_ID   1     /* Processor entry: byte offsets. */
#define MPC_CPU_FLAGS     3
#define MPC_CPU_ENABLED   0x01
#define MPC_CPU_BOOT      0x02

/* BIOS data area words giving where to search. */
#define BDA_EBDA_SEGMENT  0x40e
#define BDA_BASE_KB       0x413

/* Returns true if the LEN bytes at P add up to 0 modulo 256. */
static bool
smp_checksum_ok (const uint8_t *p, size_t len)
{
  uint8_t sum = 0;
  for (size_t i = 0; i < len; i++)
    sum += p[i];
  return sum == 0;
}

/* Returns the MP floating pointer in the LEN bytes at physical PA, or
   NULL. */
static const uint8_t *
smp_scan (uint32_t pa, size_t len)
{
  const uint8_t *p = ptov (pa);
  for (size_t ofs = 0; ofs + MPFP_LEN <= len; ofs += MPFP_LEN)
    if (!memcmp (p + ofs, "_MP_", 4) && smp_checksum_ok (p + ofs, MPFP_LEN))
      return p + ofs;
  return NULL;
}

/* Returns the MP floating pointer, searched where the specification
   says: the first KiB of the extended BIOS data area, the last KiB of
   base memory, the BIOS ROM from 0xf0000.  NULL if there is none. */
static const uint8_t *
smp_find_mpfp (void)
{
  uint32_t ebda = *(const uint16_t *) ptov (BDA_EBDA_SEGMENT) << 4;
  uint32_t base_kb = *(const uint16_t *) ptov (BDA_BASE_KB);
  const uint8_t *mpfp = NULL;
  if (ebda != 0)
    mpfp = smp_scan (ebda, 1024);
  if (mpfp == NULL && base_kb >= 1)
    mpfp = smp_scan ((base_kb - 1) * 1024, 1024);
  if (mpfp == NULL)
    mpfp = smp_scan (0xf0000, 0x10000);
  return mpfp;
}

/* Stores in APIC_IDS the local APIC IDs of the usable processors
   other than the boot processor, at most MAX of them, as the MP table
   lists them; returns how many.  0 on a machine without an MP table,
   which is a one-CPU machine to the hv. */
unsigned
smp_find_cpus (unsigned apic_ids[], unsigned max)
{
  const uint8_t *mpfp = smp_find_mpfp ();
  printf ("DBG mpfp %p\n", mpfp);
  if (mpfp == NULL)
    return 0;
  uint32_t table_pa = *(const uint32_t *) (mpfp + MPFP_CONFIG);
  printf ("DBG table %#x\n", (unsigned) table_pa);
  if (table_pa == 0 || table_pa >= 0x100000)
    return 0;                   /* A default configuration, or odd. */
  const uint8_t *table = ptov (table_pa);
  uint16_t len = *(const uint16_t *) (table + MPC_LEN);
  if (memcmp (table, "PCMP", 4) || !smp_checksum_ok (table, len))
    return 0;

  unsigned entries = *(const uint16_t *) (table + MPC_ENTRY_CNT);
  printf ("DBG len %u entries %u\n", len, entries);
  unsigned cnt = 0;
  const uint8_t *e = table + MPC_HEADER_LEN;
  for (unsigned i = 0; i < entries && e < table + len; i++)
    {
      if (*e != MPC_PROCESSOR)
        {
          e += MPC_OTHER_LEN;
          continue;
        }
      uint8_t flags = e[MPC_CPU_FLAGS];
      printf ("DBG cpu id %u flags %#x\n", e[1], flags);
      if ((flags & MPC_CPU_ENABLED) && !(flags & MPC_CPU_BOOT) && cnt < max)
        apic_ids[cnt++] = e[MPC_CPU_APIC_ID];
      e += MPC_PROCESSOR_LEN;
    }
  return cnt;
}
