/* Linker script for the kernel.  The image runs at LOADER_PHYS_BASE +
   LOADER_KERN_BASE and is loaded at physical LOADER_KERN_BASE; the
   flat kernel.bin holds everything up to _end_kernel_image, and the
   BSS after it is zeroed by threads/start.S. */
#include "threads/loader.h"

OUTPUT_FORMAT ("elf32-i386")
OUTPUT_ARCH ("i386")
ENTRY (start)

SECTIONS
{
  . = LOADER_PHYS_BASE + LOADER_KERN_BASE;
  _start = .;

  .text : AT (LOADER_KERN_BASE) { *(.start) *(.text .text.*) } = 0x90
  .rodata : { *(.rodata .rodata.*) }

  /* Providers of "run" tasks, registered with INIT_RUNNER
     (threads/init.h), and the kernel tests such a provider keeps. */
  krunners : { __start_krunners = .; KEEP (*(krunners)) __stop_krunners = .; }
  ktests : { __start_ktests = .; KEEP (*(ktests)) __stop_ktests = .; }

  /* Symbols modules may use, registered with EXPORT. */
  kexports : { __start_kexports = .; KEEP (*(kexports)) __stop_kexports = .; }

  /* Modules built into the kernel, registered with MODULE_INFO
     (threads/module.h). */
  kmodules : { __start_kmodules = .; KEEP (*(kmodules)) __stop_kmodules = .; }

  .data : { *(.data .data.*) }
  _end_kernel_image = .;

  .bss : ALIGN (4) { _start_bss = .; *(.bss .bss.*) *(COMMON) . = ALIGN (4); }
  _end = .;

  /DISCARD/ : { *(.note.GNU-stack) *(.note.gnu.property) *(.comment) *(.eh_frame) }
}
