/* Linker script for guest programs: one flat image that the hv
   copies to HV_GUEST_LOAD_ADDR, the image header first.  Preprocessed
   with -D__ASSEMBLER__ so hv/abi.h gives only its constants. */
#include "hv/abi.h"

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH("i386")
ENTRY(guest_header)

SECTIONS
{
  . = HV_GUEST_LOAD_ADDR;
  __guest_start = .;
  .header : { KEEP(*(.header)) }
  .text : { *(.text .text.*) }
  .rodata : { *(.rodata .rodata.*) }
  .data : { *(.data .data.*) }
  /* objcopy -O binary writes nothing for .bss: the hv gives it zeros. */
  .bss : { *(.bss .bss.*) *(COMMON) }
  . = ALIGN(4096);
  __guest_end = .;
  /DISCARD/ : { *(.note.*) *(.comment) *(.eh_frame) }
}
