/* Memory layout and boot-sector format shared by the boot sector
   (threads/loader.S), the kernel entry (threads/start.S), the kernel's
   command-line parser (threads/init.c) and the disk builder
   (utils/ringlet-mkdisk).  Included from C, assembly and the linker
   script, so it holds nothing but #defines. */
#ifndef THREADS_LOADER_H
#define THREADS_LOADER_H

/* The boot sector is loaded by the BIOS at this physical address. */
#define LOADER_BASE     0x7c00
#define LOADER_END      0x7e00          /* One 512-byte sector. */

/* Layout of the end of the boot sector, working back from its end:
   the 0xaa55 signature, the four 16-byte MBR partition entries, the
   argument count and the 128 bytes of NUL-separated kernel arguments. */
#define LOADER_SIG_LEN  2
#define LOADER_SIG      (LOADER_END - LOADER_SIG_LEN)      /* 0x7dfe */
#define LOADER_PARTS_LEN 64
#define LOADER_PARTS    (LOADER_SIG - LOADER_PARTS_LEN)    /* 0x7dbe */
#define LOADER_ARG_CNT_LEN 4
#define LOADER_ARG_CNT  (LOADER_PARTS - LOADER_ARG_CNT_LEN) /* 0x7dba */
#define LOADER_ARGS_LEN 128
#define LOADER_ARGS     (LOADER_ARG_CNT - LOADER_ARGS_LEN)  /* 0x7d3a */

/* MBR partition types Ringlet knows. */
#define PART_TYPE_KERNEL  0x20
#define PART_TYPE_FILESYS 0x21
#define PART_TYPE_SCRATCH 0x22
#define PART_TYPE_SWAP    0x23

/* The kernel image is a flat binary loaded at this physical address
   and entered there in real mode.  It must end below the extended
   BIOS data area, which limits it to LOADER_KERN_MAX bytes. */
#define LOADER_KERN_BASE 0x20000
#define LOADER_KERN_MAX  (0x9f000 - LOADER_KERN_BASE)

/* The initial kernel thread's page sits just below the kernel. */
#define LOADER_STACK_PAGE (LOADER_KERN_BASE - 0x1000)

/* Kernel virtual addresses map physical memory starting here. */
#define LOADER_PHYS_BASE 0xc0000000

/* Segment selectors of the kernel's GDT (threads/gdt.c); the boot
   GDT in start.S uses the same two kernel ones. */
#define SEL_NULL        0x00    /* Null selector. */
#define SEL_KCSEG       0x08    /* Kernel code selector. */
#define SEL_KDSEG       0x10    /* Kernel data selector. */
#define SEL_UCSEG       0x1b    /* User code selector (RPL 3). */
#define SEL_UDSEG       0x23    /* User data selector (RPL 3). */
#define SEL_TSS         0x28    /* Task-state segment. */
#define SEL_CNT         6       /* Number of segments. */

#endif /* threads/loader.h */
