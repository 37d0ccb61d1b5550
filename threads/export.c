/* The kernel's export table: every kernel symbol a loadable module may
   use, listed in one place and grouped by the header that declares
   it, and the lookup the module loader resolves symbols with.

   Adding a line here widens the interface every module can reach, so
   export what a module needs, not what it might like.  Inline
   functions (threads/cpu.h, pg_round_down, ...) need no entry: a
   module compiles its own copy.  Deliberately absent: boot-time
   set-up (*_init of the core), the GDT and TSS, the page allocator's
   pools, and anything of the scheduler beyond its public calls. */

#include "threads/export.h"
#include <bitmap.h>
#include <debug.h>
#include <hash.h>
#include <list.h>
#include <random.h>
#include <stdio.h>
#include <stdlib.h>
#include <arithmetic.h>
#include <string.h>
#include "devices/block.h"
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
#include "tests/ktest.h"

/* The exported symbols, gathered by the linker script. */
extern const struct export __start_kexports[], __stop_kexports[];

/* Returns the export called NAME, or a null pointer if the kernel
   does not export a symbol of that name.  Any context. */
const struct export *
export_find (const char *name)
{
  const struct export *e;

  for (e = __start_kexports; e < __stop_kexports; e++)
    if (!strcmp (e->name, name))
      return e;
  return NULL;
}

/* Console output (lib/stdio.h, lib/kernel/stdio.h). */
EXPORT (printf);
EXPORT (vprintf);
EXPORT (putchar);
EXPORT (puts);
EXPORT (putbuf);
EXPORT (snprintf);
EXPORT (vsnprintf);
EXPORT (hex_dump);

/* Strings and memory (lib/string.h); gcc also calls memcpy, memmove,
   memset and memcmp by itself for struct copies and the like. */
EXPORT (memcpy);
EXPORT (memmove);
EXPORT (memchr);
EXPORT (memset);
EXPORT (memcmp);
EXPORT (strcmp);
EXPORT (strncmp);
EXPORT (strchr);
EXPORT (strrchr);
EXPORT (strcspn);
EXPORT (strspn);
EXPORT (strpbrk);
EXPORT (strstr);
EXPORT (strtok_r);
EXPORT (strlen);
EXPORT (strnlen);
EXPORT (strlcpy);
EXPORT (strlcat);

/* Small C library (lib/stdlib.h, lib/random.h). */
EXPORT (atoi);
EXPORT (qsort);
EXPORT (bsearch);
EXPORT (random_bytes);
EXPORT (random_ulong);

/* 64-bit division (lib/arithmetic.c). */
EXPORT (__udivmoddi4);
EXPORT (__divmoddi4);
EXPORT (__udivdi3);
EXPORT (__umoddi3);
EXPORT (__divdi3);
EXPORT (__moddi3);

/* Panics and backtraces (lib/debug.h): PANIC and ASSERT expand to
   debug_panic. */
EXPORT (debug_panic);
EXPORT (debug_backtrace);

/* Memory (threads/palloc.h, threads/malloc.h, threads/init.h). */
EXPORT (palloc_get_page);
EXPORT (palloc_get_multiple);
EXPORT (palloc_free_page);
EXPORT (palloc_free_multiple);
EXPORT (palloc_free_count);
EXPORT (malloc);
EXPORT (calloc);
EXPORT (realloc);
EXPORT (free);
EXPORT (init_ram_pages);

/* PAE page tables, for processes and for nested paging
   (threads/pagedir.h). */
EXPORT (pagedir_create);
EXPORT (pagedir_create_nested);
EXPORT (pagedir_destroy);
EXPORT (pagedir_set_page);
EXPORT (pagedir_get_page);
EXPORT (pagedir_clear_page);
EXPORT (pagedir_is_dirty);
EXPORT (pagedir_set_dirty);
EXPORT (pagedir_is_accessed);
EXPORT (pagedir_set_accessed);
EXPORT (pagedir_activate);
EXPORT (pagedir_active);

/* Threads (threads/thread.h). */
EXPORT (thread_create);
EXPORT (thread_block);
EXPORT (thread_unblock);
EXPORT (thread_current);
EXPORT (thread_tid);
EXPORT (thread_name);
EXPORT (thread_exit);
EXPORT (thread_yield);
EXPORT (thread_foreach);
EXPORT (thread_get_priority);
EXPORT (thread_set_priority);

/* Synchronization (threads/synch.h). */
EXPORT (sema_init);
EXPORT (sema_down);
EXPORT (sema_try_down);
EXPORT (sema_up);
EXPORT (lock_init);
EXPORT (lock_acquire);
EXPORT (lock_try_acquire);
EXPORT (lock_release);
EXPORT (lock_held_by_current_thread);
EXPORT (cond_init);
EXPORT (cond_wait);
EXPORT (cond_signal);
EXPORT (cond_broadcast);

/* Interrupts (threads/interrupt.h). */
EXPORT (intr_get_level);
EXPORT (intr_set_level);
EXPORT (intr_enable);
EXPORT (intr_disable);
EXPORT (intr_register_ext);
EXPORT (intr_register_int);
EXPORT (intr_unregister);
EXPORT (intr_context);
EXPORT (intr_yield_on_return);
EXPORT (intr_dump_frame);
EXPORT (intr_name);

/* Time (devices/timer.h). */
EXPORT (timer_ticks);
EXPORT (timer_elapsed);
EXPORT (timer_sleep);
EXPORT (timer_msleep);
EXPORT (timer_usleep);
EXPORT (timer_nsleep);
EXPORT (timer_mdelay);
EXPORT (timer_udelay);
EXPORT (timer_ndelay);

/* Lists (lib/kernel/list.h). */
EXPORT (list_init);
EXPORT (list_begin);
EXPORT (list_next);
EXPORT (list_end);
EXPORT (list_rbegin);
EXPORT (list_prev);
EXPORT (list_rend);
EXPORT (list_head);
EXPORT (list_tail);
EXPORT (list_insert);
EXPORT (list_splice);
EXPORT (list_push_front);
EXPORT (list_push_back);
EXPORT (list_remove);
EXPORT (list_pop_front);
EXPORT (list_pop_back);
EXPORT (list_front);
EXPORT (list_back);
EXPORT (list_size);
EXPORT (list_empty);
EXPORT (list_reverse);
EXPORT (list_sort);
EXPORT (list_insert_ordered);
EXPORT (list_unique);
EXPORT (list_max);
EXPORT (list_min);

/* Hash tables (lib/kernel/hash.h). */
EXPORT (hash_init);
EXPORT (hash_clear);
EXPORT (hash_destroy);
EXPORT (hash_insert);
EXPORT (hash_replace);
EXPORT (hash_find);
EXPORT (hash_delete);
EXPORT (hash_apply);
EXPORT (hash_first);
EXPORT (hash_next);
EXPORT (hash_cur);
EXPORT (hash_size);
EXPORT (hash_empty);
EXPORT (hash_bytes);
EXPORT (hash_string);
EXPORT (hash_int);

/* Bitmaps (lib/kernel/bitmap.h). */
EXPORT (bitmap_create);
EXPORT (bitmap_create_in_buf);
EXPORT (bitmap_buf_size);
EXPORT (bitmap_destroy);
EXPORT (bitmap_size);
EXPORT (bitmap_set);
EXPORT (bitmap_mark);
EXPORT (bitmap_reset);
EXPORT (bitmap_flip);
EXPORT (bitmap_test);
EXPORT (bitmap_set_all);
EXPORT (bitmap_set_multiple);
EXPORT (bitmap_count);
EXPORT (bitmap_contains);
EXPORT (bitmap_any);
EXPORT (bitmap_none);
EXPORT (bitmap_all);
EXPORT (bitmap_scan);
EXPORT (bitmap_scan_and_flip);
EXPORT (bitmap_dump);

/* Block devices and the scratch archive (devices/block.h,
   devices/scratch.h). */
EXPORT (block_get_role);
EXPORT (block_get_by_name);
EXPORT (block_first);
EXPORT (block_next);
EXPORT (block_size);
EXPORT (block_name);
EXPORT (block_type);
EXPORT (block_type_name);
EXPORT (block_read);
EXPORT (block_write);
EXPORT (scratch_read_file);

/* Kernel-test output, so test modules print like kernel tests
   (tests/ktest.h). */
EXPORT (msg);
EXPORT (fail);
EXPORT (pass);

/* VM control: the hypervisor module registers its VM operations here
   (threads/vmctl.h). */
EXPORT (vmctl_register);
EXPORT (vmctl_unregister);
EXPORT (vmctl_watchdog_arm);
