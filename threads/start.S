/* Kernel entry.  Two ways in, one way on:

   - From Ringlet's boot sector (threads/loader.S): real mode, CS =
     LOADER_KERN_BASE >> 4, at the first byte of the image.  We ask the
     BIOS for the memory size, enable the A20 line and switch to
     protected mode.
   - From a multiboot loader (GRUB, `qemu -kernel`): already in 32-bit
     protected mode without paging, EAX = multiboot magic, EBX = the
     multiboot information structure.

   Both then zero the BSS, build the boot page tables (PAE, 2 MiB
   pages: physical memory mapped at LOADER_PHYS_BASE and, for the jump
   there, at 0), turn paging on, move to the initial thread's stack
   and call main().  threads/init.c later removes the identity map. */

#include "threads/loader.h"

#define PHYS(SYM) ((SYM) - LOADER_PHYS_BASE)

#define MULTIBOOT_MAGIC       0x1badb002  /* Header magic. */
#define MULTIBOOT_BOOTED      0x2badb002  /* EAX value at a multiboot entry. */
#define MULTIBOOT_FLAGS       0x00010003  /* Page-align modules (bit 0), want
                                             memory info (bit 1), load
                                             addresses given (bit 16). */
#define MBI_FLAG_MEM          0x001       /* mbi.flags: mem_lower/upper valid. */
#define MBI_FLAG_CMDLINE      0x004       /* mbi.flags: cmdline valid. */

#define CR0_PE   0x00000001               /* Protection enable. */
#define CR0_NE   0x00000020               /* x87 errors as #MF, never IRQ 13. */
#define CR0_WP   0x00010000               /* Write protect in ring 0. */
#define CR0_PG   0x80000000               /* Paging. */
#define CR4_PAE  0x00000020               /* Physical address extension. */
#define PDE_LARGE 0x83                    /* Present, writable, 2 MiB page. */
#define RAM_KB_MAX (896 * 1024)           /* Kernel window leaves room above. */

        .section .start, "ax"
        .code16
        .globl start
start:
        jmp real_entry

/* Multiboot header: must be 4-aligned in the first 8 KiB. */
        .align 4
multiboot_header:
        .long MULTIBOOT_MAGIC
        .long MULTIBOOT_FLAGS
        .long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)
        .long PHYS (multiboot_header)     # header_addr
        .long LOADER_KERN_BASE            # load_addr
        .long PHYS (_end_kernel_image)    # load_end_addr
        .long PHYS (_end)                 # bss_end_addr
        .long PHYS (multiboot_entry)      # entry_addr

/* Real-mode entry from the boot sector.  Data references are relative
   to this image's segment, hence the "- start". */
real_entry:
        cli
        cld
        movw %cs, %ax
        movw %ax, %ds
        movw %ax, %es
        movw $(LOADER_STACK_PAGE >> 4), %ax
        movw %ax, %ss
        movw $0x1000, %sp

        # Memory size: INT 15h AX=E801h gives KiB from 1 to 16 MiB in
        # AX (or CX) and 64 KiB blocks above 16 MiB in BX (or DX).
        xorw %cx, %cx
        xorw %dx, %dx
        movw $0xe801, %ax
        int $0x15
        jc 2f
        jcxz 1f
        movw %cx, %ax
        movw %dx, %bx
1:      movzwl %ax, %eax
        movzwl %bx, %ebx
        shll $6, %ebx
        addl %ebx, %eax
        jmp 3f
2:      movb $0x88, %ah                   # Fallback: KiB above 1 MiB, AH=88h.
        int $0x15
        movzwl %ax, %eax
3:      addl $1024, %eax                  # Plus the first MiB.
        movl %eax, %esi                   # Kept in ESI across the mode switch.

        # Enable the A20 line through the "fast A20" port (bit 1 of 0x92).
        inb $0x92, %al
        orb $2, %al
        andb $0xfe, %al
        outb %al, $0x92

        lgdtl boot_gdt_desc - start
        movl %cr0, %eax
        orl $CR0_PE, %eax
        movl %eax, %cr0
        ljmpl $SEL_KCSEG, $PHYS (protected_entry)

        .code32
protected_entry:
        movw $SEL_KDSEG, %ax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %ss
        movw %ax, %fs
        movw %ax, %gs
        xorl %edi, %edi                   # No multiboot information.
        jmp common_entry

/* Multiboot entry: 32-bit protected mode, paging off, segments flat
   but the GDT is the loader's, so load ours first. */
multiboot_entry:
        lgdt PHYS (boot_gdt_desc)
        ljmp $SEL_KCSEG, $PHYS (1f)
1:      movw $SEL_KDSEG, %cx
        movw %cx, %ds
        movw %cx, %es
        movw %cx, %ss
        movw %cx, %fs
        movw %cx, %gs
        movl $(LOADER_KERN_BASE), %esp
        cmpl $MULTIBOOT_BOOTED, %eax
        jne mb_bad
        movl $(4096), %esi                # 4 MiB if the loader won't say.
        testl $MBI_FLAG_MEM, (%ebx)
        jz 1f
        movl 8(%ebx), %esi                # mbi.mem_upper: KiB above 1 MiB.
        addl $1024, %esi
1:      movl %ebx, %edi
        jmp common_entry
mb_bad: hlt
        jmp mb_bad

/* ESI = RAM size in KiB, EDI = physical address of the multiboot
   information or 0.  Paging is off; addresses are physical. */
common_entry:
        movl %edi, %ebp

        # Zero the BSS: the boot sector loads only the image.
        movl $PHYS (_start_bss), %edi
        movl $PHYS (_end), %ecx
        subl %edi, %ecx
        shrl $2, %ecx
        xorl %eax, %eax
        rep stosl

        # Record the RAM size and, from multiboot, the command line.
        cmpl $RAM_KB_MAX, %esi
        jbe 1f
        movl $RAM_KB_MAX, %esi
1:      movl %esi, %eax
        shrl $2, %eax
        movl %eax, PHYS (init_ram_pages)
        testl %ebp, %ebp
        jz 1f
        testl $MBI_FLAG_CMDLINE, (%ebp)
        jz 1f
        movl 16(%ebp), %eax               # mbi.cmdline: physical address.
        movl %eax, PHYS (init_multiboot_cmdline)
1:
        # Boot page tables: one page directory of 2 MiB pages covering
        # RAM, installed in PDPT slot 0 (identity, for the next few
        # instructions) and slot 3 (LOADER_PHYS_BASE and up).
        movl $PHYS (kernel_pd), %edi
        leal 2047(%esi), %ecx
        shrl $11, %ecx                    # 2 MiB pages needed.
        movl $PDE_LARGE, %eax
1:      movl %eax, (%edi)
        movl $0, 4(%edi)
        addl $8, %edi
        addl $0x200000, %eax
        loop 1b
        movl $PHYS (kernel_pdpt), %edi
        movl $PHYS (kernel_pd), %eax
        orl $1, %eax                      # PDPT entries: present bit only.
        movl %eax, (%edi)
        movl %eax, 24(%edi)

        movl %cr4, %eax
        orl $CR4_PAE, %eax
        movl %eax, %cr4
        movl %edi, %cr3
        movl %cr0, %eax
        orl $(CR0_PG | CR0_WP | CR0_NE), %eax
        movl %eax, %cr0
        movl $high_entry, %eax
        jmp *%eax

high_entry:
        movl $(LOADER_PHYS_BASE + LOADER_KERN_BASE), %esp
        xorl %ebp, %ebp                   # Ends backtraces here.
        call main
1:      cli
        hlt
        jmp 1b

/* Boot GDT: null, flat 4 GiB kernel code and data, at SEL_KCSEG and
   SEL_KDSEG.  The accessed bits are preset, so loading the
   segments does not write to the image (tests compare it with the
   disk).  threads/gdt.c replaces this GDT with the full one. */
        .align 8
boot_gdt:
        .quad 0
        .quad 0x00cf9b000000ffff          # Code: base 0, limit 4 GiB, ring 0.
        .quad 0x00cf93000000ffff          # Data: base 0, limit 4 GiB, ring 0.
boot_gdt_desc:
        .word boot_gdt_desc - boot_gdt - 1
        .long PHYS (boot_gdt)
