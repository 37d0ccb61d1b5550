/* The boot sector: the BIOS loads these 512 bytes to 0x7c00 and runs
   them in real mode.  They find the Ringlet kernel partition (type
   0x20) in the partition table at the end of this same sector, read
   the kernel image into memory at LOADER_KERN_BASE with BIOS LBA
   reads, and jump to it, still in real mode.

   The end of the sector is data written by utils/ringlet-mkdisk: the
   kernel command line, the partition table and the 0xaa55 signature
   (layout in threads/loader.h). */

#include "threads/loader.h"

#define SECTORS_PER_READ 64             /* 32 KiB per BIOS call. */
#define KERN_MAX_SECTORS (LOADER_KERN_MAX / 512)

        .code16
        .text
        .globl start
start:
        cli
        xorw %ax, %ax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %ss
        movw $LOADER_BASE, %sp
        sti
        cld
        movb %dl, boot_drive            # BIOS passes the boot drive in DL.

        movw $0x00e3, %ax               # INT 14h AH=00h: COM1 at 9600 8N1.
        xorw %dx, %dx
        int $0x14

        movw $msg_hello, %si
        call puts

        # Find the kernel partition among the four MBR entries.
        movw $LOADER_PARTS, %si
        movw $4, %cx
find:   cmpb $PART_TYPE_KERNEL, 4(%si)  # Entry byte 4: partition type.
        je found
        addw $16, %si
        loop find
        movw $msg_nokernel, %si
        jmp fail

found:  movl 8(%si), %eax               # Entry bytes 8-11: first LBA.
        movl %eax, dap_lba
        movl 12(%si), %ecx              # Entry bytes 12-15: sector count.
        cmpl $KERN_MAX_SECTORS, %ecx
        jbe 1f
        movl $KERN_MAX_SECTORS, %ecx    # The rest of the partition is padding.
1:      movw $(LOADER_KERN_BASE >> 4), dap_segment

        # Read SECTORS_PER_READ sectors at a time; each chunk is 32 KiB
        # and 32 KiB-aligned, so no read crosses a 64 KiB boundary.
read:   movw $SECTORS_PER_READ, %ax
        cmpl %eax, %ecx
        jae 2f
        movw %cx, %ax
2:      movw %ax, dap_count
        pushl %ecx
        movw $dap, %si
        movb boot_drive, %dl
        movb $0x42, %ah                 # INT 13h AH=42h: extended read.
        int $0x13
        popl %ecx
        jc read_error
        movzwl dap_count, %eax
        addl %eax, dap_lba
        shlw $5, %ax                    # Sectors to paragraphs (512/16).
        addw %ax, dap_segment
        movzwl dap_count, %eax
        subl %eax, %ecx
        jnz read

        movb boot_drive, %dl
        ljmp $(LOADER_KERN_BASE >> 4), $0

read_error:
        movw $msg_readerr, %si
fail:   call puts
        int $0x18                       # Tell the BIOS that booting failed.
halt:   hlt
        jmp halt

/* Prints the NUL-terminated string at DS:SI on the screen and on the
   first serial port, using BIOS services. */
puts:   lodsb
        testb %al, %al
        jz 1f
        pushw %ax
        movb $0x0e, %ah                 # INT 10h AH=0Eh: teletype output.
        xorw %bx, %bx
        int $0x10
        popw %ax
        movb $0x01, %ah                 # INT 14h AH=01h: send character.
        xorw %dx, %dx                   # COM1.
        int $0x14
        jmp puts
1:      ret

msg_hello:    .asciz "Ringlet loader\r\n"
msg_nokernel: .asciz "no kernel partition\r\n"
msg_readerr:  .asciz "disk read error\r\n"

boot_drive:   .byte 0

        .align 4
/* Disk address packet for INT 13h AH=42h. */
dap:          .byte 16, 0               # Packet size, reserved.
dap_count:    .word 0                   # Sectors to read.
dap_offset:   .word 0                   # Buffer offset...
dap_segment:  .word 0                   # ...and segment.
dap_lba:      .long 0, 0                # First sector (64 bits).

/* Everything from here on is filled in by utils/ringlet-mkdisk. */
        .org LOADER_ARGS - LOADER_BASE
        .fill LOADER_ARGS_LEN + LOADER_ARG_CNT_LEN, 1, 0
        .org LOADER_PARTS - LOADER_BASE
        .fill LOADER_PARTS_LEN, 1, 0
        .org LOADER_SIG - LOADER_BASE
        .word 0xaa55
