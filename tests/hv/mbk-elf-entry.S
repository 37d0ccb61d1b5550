/* The entry of tests/hv/mbk-elf.c, a multiboot kernel that is not
   Ringlet: an ELF executable whose header has no address fields (flag
   16 clear), so the loader must place it by its program headers.  The
   header comes first in .text, well inside the file's first 8 KiB. */

#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00000003             /* Page-align modules, memory info. */

        .section .text
        .align 4
mb_header:
        .long MB_MAGIC
        .long MB_FLAGS
        .long -(MB_MAGIC + MB_FLAGS)

/* The loader jumps here with EAX = the boot magic and EBX = the
   information structure, paging off, interrupts off, the stack pointer
   undefined. */
        .globl mbk_entry
mbk_entry:
        movl $(mbk_stack + 4096), %esp  # The top of its stack (mbk-elf.c).
        pushl %ebx
        pushl %eax
        call mbk_main
1:      cli
        hlt
        jmp 1b
