/* Finding the CPUs from the firmware's tables: the ACPI MADT
   (ACPI 6.x, "Multiple APIC Description Table"), one Processor Local
   APIC entry per CPU, and failing that the MP configuration table
   (Intel MultiProcessor Specification 1.4, chapter 4), one processor
   entry per CPU.  QEMU's SeaBIOS lists only the boot CPU in its MP
   table under -icount, but every CPU in the MADT, which QEMU itself
   builds; Bochs's BIOS lists every CPU in both. */

#include "hv/smp.h"
#include <string.h>
#include "threads/init.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

/* BIOS data area: the extended BIOS data area's segment, base memory. */
#define BDA_EBDA_SEGMENT  0x40e
#define BDA_BASE_KB       0x413

/* ACPI: the RSDP ("RSD PTR ") points to the RSDT, whose 32-bit
   entries point to tables such as the MADT ("APIC"). */
#define RSDP_CHECKED_LEN  20    /* Bytes the ACPI 1.0 checksum covers. */
#define RSDP_RSDT         16    /* uint32: the RSDT's physical address. */
#define ACPI_HEADER_LEN   36
#define ACPI_LENGTH       4     /* uint32: the table's bytes. */
#define MADT_ENTRIES      44    /* After the header, APIC address, flags. */
#define MADT_LOCAL_APIC   0     /* Entry type: processor local APIC. */
#define MADT_LAPIC_ID     3     /* Its byte offsets: APIC ID, flags. */
#define MADT_LAPIC_FLAGS  4
#define MADT_LAPIC_ENABLED 0x1

/* MP: the floating pointer ("_MP_") points to the table ("PCMP"). */
#define MPFP_CONFIG       4     /* uint32: the table's physical address. */
#define MPC_LEN           4     /* uint16: bytes of the base table. */
#define MPC_ENTRY_CNT     34    /* uint16: entries. */
#define MPC_HEADER_LEN    44
#define MPC_PROCESSOR     0     /* Entry type; 20 bytes. */
#define MPC_PROCESSOR_LEN 20
#define MPC_OTHER_LEN     8     /* Every other base entry type. */
#define MPC_CPU_APIC_ID   1     /* Processor entry: byte offsets. */
#define MPC_CPU_FLAGS     3
#define MPC_CPU_ENABLED   0x01

/* Returns true if the LEN bytes at P add up to 0 modulo 256. */
static bool
smp_checksum_ok (const uint8_t *p, size_t len)
{
  uint8_t sum = 0;
  for (size_t i = 0; i < len; i++)
    sum += p[i];
  return sum == 0;
}

/* Returns the first 16-byte-aligned structure in the LEN bytes at
   physical PA that starts with SIG (SIG_LEN bytes) and whose first
   CHECKED bytes add up to 0, or NULL. */
static const uint8_t *
smp_scan (uint32_t pa, size_t len, const char *sig, size_t sig_len,
          size_t checked)
{
  const uint8_t *p = ptov (pa);
  for (size_t ofs = 0; ofs + checked <= len; ofs += 16)
    if (!memcmp (p + ofs, sig, sig_len) && smp_checksum_ok (p + ofs, checked))
      return p + ofs;
  return NULL;
}

/* Searches where the firmware puts its pointers: the first KiB of the
   extended BIOS data area, the last KiB of base memory, the BIOS ROM
   from 0xe0000.  Returns as smp_scan. */
static const uint8_t *
smp_scan_bios (const char *sig, size_t sig_len, size_t checked)
{
  uint32_t ebda = *(const uint16_t *) ptov (BDA_EBDA_SEGMENT) << 4;
  uint32_t base_kb = *(const uint16_t *) ptov (BDA_BASE_KB);
  const uint8_t *p = NULL;
  if (ebda != 0)
    p = smp_scan (ebda, 1024, sig, sig_len, checked);
  if (p == NULL && base_kb >= 1)
    p = smp_scan ((base_kb - 1) * 1024, 1024, sig, sig_len, checked);
  if (p == NULL)
    p = smp_scan (0xe0000, 0x20000, sig, sig_len, checked);
  return p;
}

/* Returns the end of the physical memory the kernel maps: RAM rounded
   up to whole 2 MiB pages (threads/start.S).  ACPI tables sit in the
   reserved stretch just past the RAM size the BIOS reports. */
static uint32_t
smp_mapped_limit (void)
{
  uint32_t ram = init_ram_pages * PGSIZE;
  return (ram + LARGE_PGSIZE - 1) & ~(uint32_t) (LARGE_PGSIZE - 1);
}

/* Returns the kernel address of the firmware table at physical PA if
   it lies in mapped memory, has signature SIG (4 bytes), at most a page of
   length (a LEN_SIZE-byte field at LEN_OFS, stored in *LEN) and a
   good checksum; otherwise NULL. */
static const uint8_t *
smp_table (uint32_t pa, const char *sig, uint32_t len_ofs, size_t len_size,
           size_t *len)
{
  if (pa == 0 || pa >= smp_mapped_limit () - PGSIZE)
    return NULL;
  const uint8_t *t = ptov (pa);
  *len = len_size == 2 ? *(const uint16_t *) (t + len_ofs)
                       : *(const uint32_t *) (t + len_ofs);
  if (memcmp (t, sig, 4) || *len > PGSIZE || !smp_checksum_ok (t, *len))
    return NULL;
  return t;
}

/* Adds APIC_ID to the MAX-long list APIC_IDS holding *CNT entries,
   unless it is the boot CPU's (BOOT_ID) or the list is full. */
static void
smp_add (unsigned apic_ids[], unsigned *cnt, unsigned max, unsigned apic_id,
         unsigned boot_id)
{
  if (apic_id != boot_id && *cnt < max)
    apic_ids[(*cnt)++] = apic_id;
}

/* The MADT's list of CPUs, as smp_find_cpus.  Returns -1 if there is
   no MADT. */
static int
smp_find_madt (unsigned apic_ids[], unsigned max, unsigned boot_id)
{
  const uint8_t *rsdp = smp_scan_bios ("RSD PTR ", 8, RSDP_CHECKED_LEN);
  size_t len;
  const uint8_t *rsdt = rsdp == NULL ? NULL
    : smp_table (*(const uint32_t *) (rsdp + RSDP_RSDT), "RSDT",
                 ACPI_LENGTH, 4, &len);
  if (rsdt == NULL)
    return -1;
  const uint8_t *madt = NULL;
  for (size_t ofs = ACPI_HEADER_LEN; ofs + 4 <= len && madt == NULL; ofs += 4)
    {
      size_t madt_len;
      madt = smp_table (*(const uint32_t *) (rsdt + ofs), "APIC",
                        ACPI_LENGTH, 4, &madt_len);
      len = madt == NULL ? len : madt_len;
    }
  if (madt == NULL)
    return -1;
  unsigned cnt = 0;
  for (const uint8_t *e = madt + MADT_ENTRIES; e + 2 <= madt + len && e[1] >= 2;
       e += e[1])
    if (e[0] == MADT_LOCAL_APIC && (e[MADT_LAPIC_FLAGS] & MADT_LAPIC_ENABLED))
      smp_add (apic_ids, &cnt, max, e[MADT_LAPIC_ID], boot_id);
  return cnt;
}

/* The MP table's list of CPUs, as smp_find_cpus. */
static unsigned
smp_find_mp (unsigned apic_ids[], unsigned max, unsigned boot_id)
{
  const uint8_t *mpfp = smp_scan_bios ("_MP_", 4, 16);
  size_t len;
  const uint8_t *table = mpfp == NULL ? NULL
    : smp_table (*(const uint32_t *) (mpfp + MPFP_CONFIG), "PCMP",
                 MPC_LEN, 2, &len);
  if (table == NULL)
    return 0;
  unsigned entries = *(const uint16_t *) (table + MPC_ENTRY_CNT);
  unsigned cnt = 0;
  const uint8_t *e = table + MPC_HEADER_LEN;
  for (unsigned i = 0; i < entries && e < table + len; i++)
    {
      if (*e != MPC_PROCESSOR)
        {
          e += MPC_OTHER_LEN;
          continue;
        }
      if (e[MPC_CPU_FLAGS] & MPC_CPU_ENABLED)
        smp_add (apic_ids, &cnt, max, e[MPC_CPU_APIC_ID], boot_id);
      e += MPC_PROCESSOR_LEN;
    }
  return cnt;
}

/* Stores in APIC_IDS the local APIC IDs of the usable CPUs other than
   the boot CPU (APIC ID BOOT_ID), at most MAX of them, as the
   firmware lists them; returns how many.  0 on a machine whose
   firmware lists no other CPU. */
unsigned
smp_find_cpus (unsigned apic_ids[], unsigned max, unsigned boot_id)
{
  int cnt = smp_find_madt (apic_ids, max, boot_id);
  return cnt >= 0 ? (unsigned) cnt : smp_find_mp (apic_ids, max, boot_id);
}
