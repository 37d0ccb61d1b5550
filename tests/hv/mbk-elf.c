/* A multiboot kernel that no part of Ringlet is: a few hundred bytes of
   freestanding C, linked as an ELF executable at 1 MiB with a second
   segment (its data) linked and loaded apart, booted by the hv like
   any other kernel (tests/hv/multiboot.c).  It prints over COM1, by
   polling, what the loader gave it -- the boot magic, the information
   structure's fields, its command line, the memory map -- and checks
   that its initialised data arrived and its BSS reads as zeros, then
   powers off through ACPI.  Its lines reach the host's output marked
   "mbk-elf| ", and tests/hv/multiboot-elf.ck compares them. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "threads/io.h"           /* inb, outb, outw: plain port access. */

#define MB_BOOTED     0x2badb002u       /* EAX from a multiboot loader. */
#define MBI_MEMORY    (1u << 0)
#define MBI_CMDLINE   (1u << 2)
#define MBI_MMAP      (1u << 6)
#define MBI_LOADER    (1u << 9)
#define COM1          0x3f8
#define COM1_LSR      (COM1 + 5)
#define LSR_THRE      0x20
#define ACPI_PM1A_CNT 0x604             /* PIIX4's power-management control. */
#define ACPI_SLP_EN   0x2000

/* The information structure, as far as this kernel reads it. */
struct mbi
  {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
    uint32_t mods_count, mods_addr, syms[4], mmap_length, mmap_addr;
    uint32_t drives_length, drives_addr, config_table, boot_loader_name;
  };

/* A memory-map entry; SIZE does not count itself. */
struct mmap_entry
  {
    uint32_t size;
    uint64_t base, length;
    uint32_t type;
  } __attribute__ ((packed));

/* The stack tests/hv/mbk-elf-entry.S starts on. */
uint8_t mbk_stack[4096] __attribute__ ((aligned (16)));

/* Initialised data, in its own segment: the loader must copy it. */
static volatile uint32_t mbk_marker __attribute__ ((section (".mbkdata")))
  = 0x5ca1ab1e;

/* A large BSS: the loader must leave it zero. */
static volatile uint8_t mbk_zeros[65536];

/* Sends C over COM1 once its transmitter is empty. */
static void
put_char (char c)
{
  while (!(inb (COM1_LSR) & LSR_THRE))
    continue;
  outb (COM1, c);
}

static void
put_string (const char *s)
{
  while (*s != '\0')
    put_char (*s++);
}

/* Prints V in hexadecimal, at least DIGITS digits. */
static void
put_hex (uint64_t v, int digits)
{
  char buf[17];
  int n = 0;
  do
    {
      buf[n++] = "0123456789abcdef"[v & 0xf];
      v >>= 4;
    }
  while (v != 0 || n < digits);
  put_string ("0x");
  while (n > 0)
    put_char (buf[--n]);
}

/* Prints V in decimal. */
static void
put_dec (uint32_t v)
{
  char buf[11];
  int n = 0;
  do
    {
      buf[n++] = '0' + v % 10;
      v /= 10;
    }
  while (v != 0);
  while (n > 0)
    put_char (buf[--n]);
}

/* Prints NAME, then "yes" or "no" for OK, and a new line. */
static void
put_check (const char *name, bool ok)
{
  put_string (name);
  put_string (ok ? ": yes\n" : ": no\n");
}

void mbk_main (uint32_t magic, const struct mbi *mbi);

void
mbk_main (uint32_t magic, const struct mbi *mbi)
{
  put_string ("mbk-elf: booted, magic ");
  put_hex (magic, 8);
  put_char ('\n');
  if (magic != MB_BOOTED)
    return;

  put_check ("memory fields", mbi->flags & MBI_MEMORY);
  put_string ("mem_lower ");
  put_dec (mbi->mem_lower);
  put_string (" KiB, mem_upper ");
  put_dec (mbi->mem_upper);
  put_string (" KiB\n");

  put_check ("command line", mbi->flags & MBI_CMDLINE);
  if (mbi->flags & MBI_CMDLINE)
    {
      put_string ("cmdline '");
      put_string ((const char *) mbi->cmdline);
      put_string ("'\n");
    }
  put_check ("boot loader name", mbi->flags & MBI_LOADER);
  if (mbi->flags & MBI_LOADER)
    {
      put_string ("loader '");
      put_string ((const char *) mbi->boot_loader_name);
      put_string ("'\n");
    }

  put_check ("memory map", mbi->flags & MBI_MMAP);
  if (mbi->flags & MBI_MMAP)
    for (uint32_t ofs = 0; ofs < mbi->mmap_length; )
      {
        const struct mmap_entry *e = (const void *) (mbi->mmap_addr + ofs);
        put_string ("mmap ");
        put_hex (e->base, 8);
        put_string (" + ");
        put_hex (e->length, 8);
        put_string (" type ");
        put_dec (e->type);
        put_char ('\n');
        ofs += e->size + sizeof e->size;
      }

  put_check ("data segment loaded", mbk_marker == 0x5ca1ab1e);
  uint32_t sum = 0;
  for (size_t i = 0; i < sizeof mbk_zeros; i++)
    sum |= mbk_zeros[i];
  put_check ("BSS zero", sum == 0);
  put_string ("powering off\n");
  outw (ACPI_PM1A_CNT, ACPI_SLP_EN);
  put_string ("still running after the power-off request\n");
}
