/* Loading a multiboot (version 1) kernel into a VM, as a boot loader
   such as GRUB would load it on a PC: an unmodified operating system
   runs as a guest.

   The kernel file carries a multiboot header, 4-byte aligned in its
   first 8 KiB: a magic number, flags and a checksum, and (if flag 16
   is set) the addresses to load it at.  Then:
   - with flag 16, the file from the header's offset back to LOAD_ADDR
     is copied to guest-physical LOAD_ADDR up to LOAD_END_ADDR (or the
     end of the file), memory up to BSS_END_ADDR reads as zeros, and
     the kernel starts at ENTRY_ADDR;
   - without it, the file must be a 32-bit x86 ELF executable: each
     loadable segment goes to its physical address (p_paddr), its
     bytes past the file's part are zeros, and the kernel starts at
     e_entry (translated to a physical address when it lies inside a
     segment linked elsewhere).
   The multiboot information structure goes in a free page of low
   memory: RAM sizes (MEM_LOWER, MEM_UPPER), a memory map, the command
   line and the boot loader's name.  The VCPU starts as the
   specification promises: 32-bit protected mode, paging off, flat
   4 GiB code and data segments, interrupts off, EAX = 0x2BADB002,
   EBX = the information structure's address.

   The file comes from outside, so every field is checked before
   anything is copied: a kernel that asks for what the hv does not
   give (video modes, flag 2), or that does not fit in the VM's RAM,
   is refused with a message saying which field is wrong. */

#include <stdio.h>
#include <string.h>
#include "hv/hv.h"
#include "threads/elf.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"

#define MB_MAGIC        0x1badb002u     /* Header magic. */
#define MB_BOOTED       0x2badb002u     /* EAX at the kernel's entry. */
#define MB_SEARCH       8192            /* The header lies in these bytes. */
#define MB_FLAG_ALIGN   (1u << 0)       /* Modules page-aligned (none given). */
#define MB_FLAG_MEMORY  (1u << 1)       /* Wants the memory fields. */
#define MB_FLAG_VIDEO   (1u << 2)       /* Wants a video mode: not offered. */
#define MB_FLAG_ADDRESS (1u << 16)      /* The address fields are valid. */
#define MB_FLAGS_KNOWN  (MB_FLAG_ALIGN | MB_FLAG_MEMORY | MB_FLAG_VIDEO)

/* mbi.flags: which fields of the information structure are valid. */
#define MBI_MEMORY      (1u << 0)
#define MBI_CMDLINE     (1u << 2)
#define MBI_MMAP        (1u << 6)
#define MBI_LOADER_NAME (1u << 9)

#define LOW_MEMORY_END  0xa0000u        /* Conventional memory: 640 KiB. */
#define HIGH_MEMORY     0x100000u       /* Extended memory starts at 1 MiB. */
#define MMAP_AVAILABLE  1               /* Memory map types. */
#define MMAP_RESERVED   2
#define MBI_AREA        PGSIZE          /* Room for the information. */
#define MBI_CMDLINE_MAX 1024            /* Longest command line passed. */
#define LOADER_NAME     "Ringlet hv"

/* The multiboot header (the multiboot specification, section 3.1.1). */
struct mb_header
  {
    uint32_t magic, flags, checksum;
    uint32_t header_addr, load_addr, load_end_addr, bss_end_addr, entry_addr;
  };

/* The multiboot information structure, as far as it is filled in. */
struct mb_info
  {
    uint32_t flags;             /* +0 Which fields are valid. */
    uint32_t mem_lower;         /* +4 KiB of conventional memory. */
    uint32_t mem_upper;         /* +8 KiB of memory from 1 MiB on. */
    uint32_t boot_device;       /* +12 */
    uint32_t cmdline;           /* +16 Address of the command line. */
    uint32_t mods_count;        /* +20 */
    uint32_t mods_addr;         /* +24 */
    uint32_t syms[4];           /* +28 */
    uint32_t mmap_length;       /* +44 Bytes of memory map. */
    uint32_t mmap_addr;         /* +48 */
    uint32_t drives_length;     /* +52 */
    uint32_t drives_addr;       /* +56 */
    uint32_t config_table;      /* +60 */
    uint32_t boot_loader_name;  /* +64 Address of the loader's name. */
  };
_Static_assert (sizeof (struct mb_info) == 68, "multiboot information layout");

/* One memory-map entry; SIZE counts the bytes after itself. */
struct mb_mmap_entry
  {
    uint32_t size;
    uint64_t base, length;
    uint32_t type;
  } __attribute__ ((packed));

/* Most loadable ELF segments accepted. */
#define MB_SEGMENTS_MAX 16

/* Where one piece of the kernel goes: FILE_SIZE bytes from OFFSET in
   the file to guest-physical ADDR, then zeros up to MEM_SIZE. */
struct mb_segment
  {
    uint32_t offset, addr, file_size, mem_size;
  };

/* A kernel, checked and ready to copy. */
struct mb_plan
  {
    struct mb_segment seg[MB_SEGMENTS_MAX];
    unsigned seg_cnt;
    uint32_t entry;
    uint32_t mbi;               /* Where the information goes. */
  };

/* Returns the multiboot header in IMAGE of SIZE bytes, or a null
   pointer if it has none (the magic with a good checksum). */
static const struct mb_header *
mb_find_header (const void *image, size_t size)
{
  for (size_t ofs = 0; ofs + sizeof (struct mb_header) <= size
                       && ofs < MB_SEARCH; ofs += 4)
    {
      const struct mb_header *h = (const void *) ((const uint8_t *) image + ofs);
      if (h->magic == MB_MAGIC && h->magic + h->flags + h->checksum == 0)
        return h;
    }
  return NULL;
}

/* Returns true if IMAGE of SIZE bytes is a multiboot kernel. */
bool
multiboot_is_kernel (const void *image, size_t size)
{
  return mb_find_header (image, size) != NULL;
}

/* Returns true if [ADDR, ADDR + SIZE) lies inside RAM bytes of RAM. */
static bool
mb_fits (uint32_t addr, uint32_t size, uint32_t ram)
{
  return addr <= ram && size <= ram - addr;
}

/* Plans the load of a kernel whose header H (at offset HEADER_OFS)
   gives the addresses.  Returns an error message or a null pointer. */
static const char *
mb_plan_address (const struct mb_header *h, size_t header_ofs, size_t size,
                 uint32_t ram, struct mb_plan *plan)
{
  if (h->load_addr > h->header_addr)
    return "multiboot header: load_addr above header_addr";
  if (h->header_addr - h->load_addr > header_ofs)
    return "multiboot header: load_addr before the start of the file";
  uint32_t offset = header_ofs - (h->header_addr - h->load_addr);
  uint32_t load_end = h->load_end_addr != 0 ? h->load_end_addr
                      : h->load_addr + (size - offset);
  if (load_end < h->load_addr)
    return "multiboot header: load_end_addr below load_addr";
  uint32_t file_size = load_end - h->load_addr;
  if (file_size > size - offset)
    return "truncated kernel: the file ends before load_end_addr";
  uint32_t bss_end = h->bss_end_addr != 0 ? h->bss_end_addr : load_end;
  if (bss_end < load_end)
    return "multiboot header: bss_end_addr below load_end_addr";
  if (!mb_fits (h->load_addr, bss_end - h->load_addr, ram))
    return "the kernel does not fit in guest RAM (load_addr...bss_end_addr)";
  if (h->entry_addr < h->load_addr || h->entry_addr >= load_end)
    return "multiboot header: entry_addr outside the loaded image";
  plan->seg[0] = (struct mb_segment) { offset, h->load_addr, file_size,
                                       bss_end - h->load_addr };
  plan->seg_cnt = 1;
  plan->entry = h->entry_addr;
  return NULL;
}

/* Plans the load of the ELF kernel IMAGE of SIZE bytes.  Returns an
   error message or a null pointer. */
static const char *
mb_plan_elf (const void *image, size_t size, uint32_t ram,
             struct mb_plan *plan)
{
  const struct elf32_header *e = image;
  static const unsigned char ident[] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };

  if (size < sizeof *e || memcmp (e->e_ident, ident, sizeof ident))
    return "not a 32-bit little-endian ELF file, and the multiboot header "
           "gives no load addresses (flag 16)";
  if (e->e_type != ELF_TYPE_EXEC || e->e_machine != ELF_MACHINE_386)
    return "ELF file is not an i386 executable";
  if (e->e_phentsize != sizeof (struct elf32_segment) || e->e_phnum == 0
      || e->e_phoff > size
      || (size - e->e_phoff) / sizeof (struct elf32_segment) < e->e_phnum)
    return "ELF program headers missing or outside the file";

  bool entry_found = false;
  plan->entry = e->e_entry;
  plan->seg_cnt = 0;
  for (unsigned i = 0; i < e->e_phnum; i++)
    {
      const struct elf32_segment *p = (const struct elf32_segment *)
        ((const uint8_t *) image + e->e_phoff) + i;
      if (p->p_type != PT_LOAD || p->p_memsz == 0)
        continue;
      if (plan->seg_cnt == MB_SEGMENTS_MAX)
        return "ELF file has too many loadable segments";
      if (p->p_filesz > p->p_memsz)
        return "ELF segment with more file bytes than memory bytes";
      if (p->p_offset > size || p->p_filesz > size - p->p_offset)
        return "truncated kernel: an ELF segment lies past the end of the file";
      if (!mb_fits (p->p_paddr, p->p_memsz, ram))
        return "the kernel does not fit in guest RAM (an ELF segment's "
               "physical address)";
      plan->seg[plan->seg_cnt++] = (struct mb_segment) {
        p->p_offset, p->p_paddr, p->p_filesz, p->p_memsz };
      if (!entry_found && e->e_entry >= p->p_vaddr
          && e->e_entry - p->p_vaddr < p->p_memsz)
        {
          plan->entry = e->e_entry - p->p_vaddr + p->p_paddr;
          entry_found = true;
        }
    }
  if (plan->seg_cnt == 0)
    return "ELF file has no loadable segment";
  if (!entry_found && !mb_fits (plan->entry, 1, ram))
    return "ELF entry point outside guest RAM";
  return NULL;
}

/* Returns true if [ADDR, ADDR + SIZE) overlaps a segment of PLAN. */
static bool
mb_overlaps (const struct mb_plan *plan, uint32_t addr, uint32_t size)
{
  for (unsigned i = 0; i < plan->seg_cnt; i++)
    {
      const struct mb_segment *s = &plan->seg[i];
      if (addr < s->addr + s->mem_size && s->addr < addr + size)
        return true;
    }
  return false;
}

/* Checks the multiboot kernel IMAGE of SIZE bytes for a VM of RAM
   bytes and plans its load into PLAN.  Returns an error message or a
   null pointer. */
static const char *
mb_plan (const void *image, size_t size, uint32_t ram, struct mb_plan *plan)
{
  const struct mb_header *h = mb_find_header (image, size);
  if (h == NULL)
    return "no multiboot header in the first 8 KiB";
  if ((h->flags & 0xffff) & ~MB_FLAGS_KNOWN)
    return "multiboot header asks for features this loader does not know";
  if (h->flags & MB_FLAG_VIDEO)
    return "multiboot header asks for a video mode, which the hv does not offer";
  if (ram < HIGH_MEMORY + PGSIZE)
    return "a multiboot kernel needs more than 1 MiB of guest RAM";

  size_t header_ofs = (const uint8_t *) h - (const uint8_t *) image;
  const char *error = h->flags & MB_FLAG_ADDRESS
                      ? mb_plan_address (h, header_ofs, size, ram, plan)
                      : mb_plan_elf (image, size, ram, plan);
  if (error != NULL)
    return error;

  /* The information goes in the first free page of conventional
     memory above the interrupt vector table and BIOS data. */
  for (plan->mbi = PGSIZE; plan->mbi + MBI_AREA <= LOW_MEMORY_END;
       plan->mbi += PGSIZE)
    if (!mb_overlaps (plan, plan->mbi, MBI_AREA))
      return NULL;
  return "the kernel leaves no free page below 640 KiB for the multiboot "
         "information";
}

/* Checks the multiboot kernel IMAGE of SIZE bytes for a VM with RAM
   bytes of RAM.  Returns a null pointer if it can be loaded, else
   what is wrong with it.  CMDLINE is its command line, or null. */
const char *
multiboot_check (const void *image, size_t size, uint32_t ram,
                 const char *cmdline)
{
  struct mb_plan plan;
  if (cmdline != NULL && strlen (cmdline) > MBI_CMDLINE_MAX)
    return "command line too long for a multiboot kernel";
  return mb_plan (image, size, ram, &plan);
}

/* Builds the multiboot information for VM at guest-physical MBI, for
   the kernel in FILE with arguments CMDLINE (may be null), in BUF
   (MBI_AREA bytes). */
static void
mb_build_info (const struct vm *vm, uint32_t mbi, const char *file,
               const char *cmdline, uint8_t *buf)
{
  struct mb_info *info = (struct mb_info *) buf;
  size_t ofs = sizeof *info;

  memset (buf, 0, MBI_AREA);
  info->flags = MBI_MEMORY | MBI_MMAP | MBI_LOADER_NAME;
  info->mem_lower = LOW_MEMORY_END / 1024;
  info->mem_upper = (vm->ram_size - HIGH_MEMORY) / 1024;

  /* Memory map: conventional memory, the video and ROM hole (guest
     RAM here, but a kernel must not take it for its own), extended
     memory. */
  const struct { uint32_t base, end, type; } map[] =
    {
      { 0, LOW_MEMORY_END, MMAP_AVAILABLE },
      { LOW_MEMORY_END, HIGH_MEMORY, MMAP_RESERVED },
      { HIGH_MEMORY, vm->ram_size, MMAP_AVAILABLE },
    };
  info->mmap_addr = mbi + ofs;
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    {
      struct mb_mmap_entry entry = { sizeof entry - sizeof entry.size,
                                     map[i].base, map[i].end - map[i].base,
                                     map[i].type };
      memcpy (buf + ofs, &entry, sizeof entry);
      ofs += sizeof entry;
    }
  info->mmap_length = mbi + ofs - info->mmap_addr;

  info->boot_loader_name = mbi + ofs;
  memcpy (buf + ofs, LOADER_NAME, sizeof LOADER_NAME);
  ofs += sizeof LOADER_NAME;

  /* The command line starts with the kernel's file name, as boot
     loaders give it (GRUB, QEMU's -kernel): kernels skip that word. */
  info->flags |= MBI_CMDLINE;
  info->cmdline = mbi + ofs;
  snprintf ((char *) buf + ofs, MBI_AREA - ofs, "%s%s%s", file,
            cmdline != NULL ? " " : "", cmdline != NULL ? cmdline : "");
}

/* Loads the multiboot kernel IMAGE of SIZE bytes into VM, which
   multiboot_check accepted, read from FILE, with arguments CMDLINE
   (or none if null), and
   starts VCPU 0 at its entry.  Returns false if host memory runs
   out. */
bool
multiboot_load (struct vm *vm, const void *image, size_t size,
                const char *file, const char *cmdline)
{
  struct mb_plan plan;
  if (mb_plan (image, size, vm->ram_size, &plan) != NULL)
    return false;
  /* Only the file's bytes are copied: the rest of each segment is
     fresh guest RAM, which reads as zeros. */
  for (unsigned i = 0; i < plan.seg_cnt; i++)
    {
      const struct mb_segment *s = &plan.seg[i];
      if (!vm_write_phys (vm, s->addr, (const uint8_t *) image + s->offset,
                          s->file_size))
        return false;
    }
  uint8_t *info = palloc_get_page (0);
  if (info == NULL)
    return false;
  mb_build_info (vm, plan.mbi, file, cmdline, info);
  bool ok = vm_write_phys (vm, plan.mbi, info, MBI_AREA);
  palloc_free_page (info);
  if (!ok)
    return false;

  /* The stack pointer is undefined on entry; give one below the
     information, in memory the kernel does not occupy. */
  vcpu_start (&vm->vcpus[0], plan.entry, plan.mbi);
  vm->vcpus[0].vmcb->save.rax = MB_BOOTED;
  vm->vcpus[0].regs.ebx = plan.mbi;
  vm->console_prefix = true;
  return true;
}
