/* The kernel's export table: every kernel symbol a loadable module may
   use, listed in one place and grouped by the header that declares
   it, and the lookup the module loader resolves symbols with.

   The table holds what the modules of this tree (hv.ko and the test
   modules of tests/modules) call, and nothing more: each line widens
   the interface every module can reach.  A module that needs another
   kernel function adds its line here, in the group of its header.
   Inline functions (threads/cpu.h, pg_round_down, ...) need no entry:
   a module compiles its own copy.  Symbols that exist only in some
   configurations (the kernel tests' msg) are exported beside their
   definitions instead. */

#include "threads/export.h"
#include <arithmetic.h>
#include <bitmap.h>
#include <debug.h>
#include <list.h>
#include <section.h>
#include <stdio.h>
#include <string.h>
#include "devices/block.h"
#include "devices/lapic.h"
#include "devices/scratch.h"
#include "devices/timer.h"
#include "threads/init.h"
#include "threads/interrupt.h"
#include "threads/malloc.h"
#include "threads/pagedir.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "threads/vmctl.h"

/* The exported symbols, gathered by the linker script. */
extern const struct export __start_kexports[], __stop_kexports[];

/* Returns the export called NAME, or a null pointer if the kernel
   does not export a symbol of that name.  Any context. */
const struct export *
export_find (const char *name)
{
  return SECTION_FIND (struct export, __start_kexports, __stop_kexports,
                       name);
}

/* Console output (lib/stdio.h). */
EXPORT (printf);
EXPORT (snprintf);
EXPORT (vsnprintf);

/* Strings and memory (lib/string.h); gcc also calls memcpy and memset
   by itself for struct copies and initializers. */
EXPORT (memchr);
EXPORT (memcmp);
EXPORT (memcpy);
EXPORT (memset);
EXPORT (strcspn);
EXPORT (strlen);
EXPORT (strlcpy);
EXPORT (strlcat);

/* 64-bit division, which gcc calls for 64-bit '/' and '%', signed and
   unsigned (lib/arithmetic.h). */
EXPORT (__udivdi3);
EXPORT (__umoddi3);
EXPORT (__udivmoddi4);
EXPORT (__divdi3);
EXPORT (__moddi3);

/* Panics (lib/debug.h): PANIC and ASSERT expand to debug_panic. */
EXPORT (debug_panic);

/* Memory (threads/palloc.h, threads/malloc.h, threads/init.h). */
EXPORT (palloc_get_page);
EXPORT (palloc_get_multiple);
EXPORT (palloc_free_page);
EXPORT (palloc_free_multiple);
EXPORT (malloc);
EXPORT (calloc);
EXPORT (free);
EXPORT (init_ram_pages);

/* PAE page tables, here for nested paging (threads/pagedir.h). */
EXPORT (pagedir_create_nested);
EXPORT (pagedir_destroy);
EXPORT (pagedir_set_page);
EXPORT (pagedir_get_page);
EXPORT (pagedir_clear_page);
EXPORT (pagedir_is_accessed);
EXPORT (pagedir_set_accessed);
EXPORT (pagedir_activate);
EXPORT (kernel_pdpt);

/* Threads (threads/thread.h). */
EXPORT (thread_create);
EXPORT (thread_yield);
EXPORT (thread_foreach);
EXPORT (thread_block);
EXPORT (thread_unblock);
EXPORT (thread_current);

/* Synchronization (threads/synch.h). */
EXPORT (sema_init);
EXPORT (sema_down);
EXPORT (sema_up);
EXPORT (lock_init);
EXPORT (lock_acquire);
EXPORT (lock_release);

/* Interrupts (threads/interrupt.h). */
EXPORT (intr_disable);
EXPORT (intr_set_level);
EXPORT (intr_register_int);
EXPORT (intr_unregister);

/* Time (devices/timer.h). */
EXPORT (timer_ticks);
EXPORT (timer_sleep);
EXPORT (timer_udelay);
EXPORT (timer_mdelay);

/* Disks, for the hv's emulated IDE disks, which live in files of the
   scratch archive, read and written in place (devices/block.h,
   devices/scratch.h). */
EXPORT (block_read);
EXPORT (block_write);
EXPORT (scratch_locate);

/* Swap slots for guest pages the hv evicts, on the swap partition
   (devices/block.h, lib/kernel/bitmap.h). */
EXPORT (block_get_role);
EXPORT (block_size);
EXPORT (bitmap_buf_size);
EXPORT (bitmap_create_in_buf);
EXPORT (bitmap_scan_and_flip);
EXPORT (bitmap_reset);
EXPORT (bitmap_test);
EXPORT (bitmap_count);

/* The local APIC, for the hv's other CPUs (devices/lapic.h). */
EXPORT (lapic_init);
EXPORT (lapic_read);
EXPORT (lapic_write);
EXPORT (lapic_id);
EXPORT (lapic_enable);
EXPORT (lapic_eoi);
EXPORT (lapic_send_ipi);

/* Lists (lib/kernel/list.h). */
EXPORT (list_init);
EXPORT (list_begin);
EXPORT (list_next);
EXPORT (list_end);
EXPORT (list_empty);
EXPORT (list_pop_front);
EXPORT (list_push_back);
EXPORT (list_remove);

/* VM control: the hypervisor module registers its VM operations here
   (threads/vmctl.h). */
EXPORT (vmctl_register);
EXPORT (vmctl_unregister);
EXPORT (vmctl_watchdog_arm);
EXPORT (vmctl_default_paging);
EXPORT (vmctl_mig_stop_name);
