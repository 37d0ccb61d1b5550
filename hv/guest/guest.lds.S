/* Linker script for guest programs: one flat image that the hv
   copies to HV_GUEST_LOAD_ADDR, the image header first.  Preprocessed
   with -D__ASSEMBLER__ so hv/abi.h gives only its constants.

   Code and data that run in guest ring 3 (hv/guest/user.h) sit in
   page-aligned sections of their own, from __user_start to __user_end,
   so that a program can open exactly those pages to ring 3: the
   read-only part (code, constants) up to __user_text_end, the
   writable part after it.  They gather the sections named .user.text,
   .user.rodata, .user.data and .bss.user (see USER_CODE and friends in
   hv/guest/user.h) and every section of the user-level thread
   library's object, USER_OBJ.  In a program without ring-3 code they
   are empty and take no room in the image. */
#include "hv/abi.h"

#define USER_OBJ *uthread.guest.o

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH("i386")
ENTRY(guest_header)

SECTIONS
{
  . = HV_GUEST_LOAD_ADDR;
  __guest_start = .;
  .header : { KEEP(*(.header)) }
  .text : { EXCLUDE_FILE (USER_OBJ) *(.text .text.*) }
  .rodata : { EXCLUDE_FILE (USER_OBJ) *(.rodata .rodata.*) }
  .data : { EXCLUDE_FILE (USER_OBJ) *(.data .data.*) }
  . = ALIGN(4096);
  __user_start = .;
  .user.text : {
    *(.user.text .user.text.*)
    USER_OBJ(.text .text.*)
    *(.user.rodata .user.rodata.*)
    USER_OBJ(.rodata .rodata.*)
  }
  . = ALIGN(4096);
  __user_text_end = .;
  .user.data : { *(.user.data .user.data.*) USER_OBJ(.data .data.*) }
  .user.bss : { *(.bss.user .bss.user.*) USER_OBJ(.bss .bss.* COMMON) }
  . = ALIGN(4096);
  __user_end = .;
  /* objcopy -O binary writes nothing for .bss: the hv gives it zeros. */
  .bss : { *(.bss .bss.*) *(COMMON) }
  . = ALIGN(4096);
  __guest_end = .;
  /DISCARD/ : { *(.note.*) *(.comment) *(.eh_frame) }
}
